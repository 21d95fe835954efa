import type { RegisterCommand } from './main.ts';
import { withStore } from './context.ts';
import { sqliteOf } from '../query/db.ts';
import { ask } from '../query/ask.ts';
import { defaultAskDeps } from '../query/deps.ts';
import type { AskAnswer } from '../query/ask-types.ts';

/** `strikewatch ask "<question>" [--json]`: a verdict with the evidence, and how the question was read. */
export const registerAsk: RegisterCommand = (program, setExit) => {
  program
    .command('ask')
    .description('answer a question in English or French with a verdict and the evidence')
    .argument('<question...>', 'the question, e.g. "Did the US launch a drone strike on AQIM in northern Mali?"')
    .option('--json', 'print the answer as JSON (the contract other tools read)')
    .option('--limit <n>', 'incidents to show with evidence', '10')
    .option('--today <date>', 'date that "last year" is relative to (YYYY-MM-DD)')
    .action(async (words: string[], opts: { json?: boolean; limit: string; today?: string }, cmd) => {
      const question = words.join(' ').trim();
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new Error(`--limit ${opts.limit} is not a number from 1 to 100`);
      if (opts.today && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new Error(`--today ${opts.today} is not YYYY-MM-DD`);
      if (question.length < 3) throw new Error('ask needs a question');
      await withStore(cmd, async (store) => {
        const answer = ask(sqliteOf(store), question, defaultAskDeps(), { limit, today: opts.today });
        console.log(opts.json ? JSON.stringify(answer, null, 2) : render(answer));
        if (answer.verdict === 'none') setExit(0);
      });
    });
};

function render(a: AskAnswer): string {
  const u = a.understood;
  const f = u.filters;
  const lines = [`Question   ${a.question}`, `Read as    ${a.intent}${u.belligerent ? `, about ${u.belligerent}` : ''}`];
  const parts: string[] = [];
  if (f.event_date_from || f.event_date_to) parts.push(`dates ${f.event_date_from ?? '…'} to ${f.event_date_to ?? '…'}`);
  if (u.place) parts.push(`place ${u.place.text} -> ${u.place.name} (${u.place.kind}, ${u.place.km} km around ${u.place.lat.toFixed(2)},${u.place.lon.toFixed(2)})`);
  else if (f.country) parts.push(`country ${f.country.join(', ')}`);
  if (f.event_type) parts.push(`type ${f.event_type.join(', ')}`);
  if (f.target) parts.push(`target ${f.target.join(', ')}`);
  if (f.belligerent) parts.push(`by ${f.belligerent.join(', ')}`);
  if (f.q) parts.push(`text "${f.q}"`);
  if (f.min_killed !== undefined) parts.push(`killed >= ${f.min_killed}`);
  if (f.min_civilians_killed !== undefined) parts.push(`civilians killed >= ${f.min_civilians_killed}`);
  if (parts.length) lines.push(`Filters    ${parts.join('; ')}`);
  if (u.relaxed.length) lines.push(`Widened    ${u.relaxed.join(', ')} (nothing matched with them)`);
  lines.push(`Verdict    ${a.verdict}`, `Count      ${a.count}`, '', a.answer);
  for (const i of a.incidents) {
    lines.push('', `${i.id}  [${i.grade}]  ${i.date ?? 'date unknown'}  ${i.place ?? 'place unknown'}`);
    if (i.attributions.length) lines.push(`  attributed: ${i.attributions.map((x) => `${x.actor} (${x.status})`).join(', ')}`);
    for (const e of i.evidence) lines.push(`  ${e.document}: "${e.quote}"`);
  }
  return lines.join('\n');
}
