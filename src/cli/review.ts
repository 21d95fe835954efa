import { InvalidArgumentError, type Command } from 'commander';
import type { RegisterCommand } from './main.ts';
import { withStore } from './context.ts';
import { decide, revert, type DecisionInput } from '../corroborate/service.ts';
import { Confidence, Grade, LockableField } from '../domain/index.ts';

interface Who {
  by: string;
  reason: string;
}

function oneOf<T extends string>(what: string, options: readonly T[]) {
  return (v: string): T => {
    if (!(options as readonly string[]).includes(v)) throw new InvalidArgumentError(`"${v}" is not a ${what} (${options.join(', ')})`);
    return v as T;
  };
}

/** Values are JSON when they parse as JSON ('{"min":3,"max":5}', '"drone_strike"'), else plain strings. */
function jsonValue(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function withWho(c: Command): Command {
  return c.requiredOption('--by <name>', 'who takes the decision').requiredOption('--reason <text>', 'why');
}

/** `strikewatch review ...`: analyst decisions, each with who and why; reversible. */
export const registerReview: RegisterCommand = (program) => {
  const review = program.command('review').description('analyst decisions on incidents: merge, split, lock, grade, assess, revert');
  const run = (cmd: Command, input: DecisionInput, who: Who) =>
    withStore(cmd, async (store) => {
      const { decision, incident } = await decide(store, input, who);
      console.log(`decision #${decision.id} recorded (${decision.body.kind} by ${decision.by})`);
      if (incident) console.log(`${incident.id}: ${incident.grade}; ${incident.report_ids.length} reports; ${incident.grade_explanation}`);
    });

  withWho(review.command('merge').description('merge two incidents into one').argument('<id>').argument('<other>')).action(
    (id: string, other: string, who: Who, cmd: Command) => run(cmd, { kind: 'merge', incident_id: id, other_id: other }, who),
  );
  withWho(review.command('split').description('take a report out of an incident').argument('<id>').argument('<report>', 'report id (document-id:index)')).action(
    (id: string, report: string, who: Who, cmd: Command) => run(cmd, { kind: 'split', incident_id: id, report_id: report }, who),
  );
  withWho(
    review
      .command('lock')
      .description(`lock a field to a value (${LockableField.options.join(', ')}); the value is JSON or a plain string`)
      .argument('<id>')
      .argument('<field>', 'field name', oneOf('lockable field', LockableField.options))
      .argument('<value>', 'e.g. \'{"low":3,"best":4,"high":5,"claims":[]}\'', jsonValue),
  ).action((id: string, field: LockableField, value: unknown, who: Who, cmd: Command) => run(cmd, { kind: 'lock', incident_id: id, field, value }, who));
  withWho(review.command('grade').description('set the grade').argument('<id>').argument('<grade>', Grade.options.join(' | '), oneOf('grade', Grade.options))).action(
    (id: string, grade: Grade, who: Who, cmd: Command) => run(cmd, { kind: 'grade', incident_id: id, grade }, who),
  );
  withWho(
    review
      .command('assess')
      .description('add a belligerent hypothesis with a confidence and a rationale')
      .argument('<id>')
      .argument('<belligerent>', 'e.g. US, DZ, FR')
      .argument('<confidence>', Confidence.options.join(' | '), oneOf('confidence', Confidence.options))
      .requiredOption('--rationale <text>', 'the argument for the hypothesis'),
  ).action((id: string, belligerent: string, confidence: Confidence, opts: Who & { rationale: string }, cmd: Command) =>
    run(cmd, { kind: 'assess', incident_id: id, belligerent, confidence, rationale: opts.rationale }, opts),
  );
  withWho(review.command('revert').description('revert a decision (it stays in the history)').argument('<decision>', 'decision number')).action(
    (n: string, who: Who, cmd: Command) =>
      withStore(cmd, async (store) => {
        const id = Number(n);
        if (!Number.isInteger(id) || id <= 0) throw new InvalidArgumentError(`"${n}" is not a decision number`);
        const d = await revert(store, id, who.by, who.reason);
        console.log(`decision #${d.id} (${d.body.kind}) reverted by ${d.reverted_by}`);
      }),
  );
};
