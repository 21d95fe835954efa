import type { RegisterCommand } from './main.ts';
import { evalJson, renderEval, runEval } from '../eval/run.ts';

/** `strikewatch eval --corpus DIR --gold FILE`: score extraction against an annotated corpus. */
export const registerEval: RegisterCommand = (program, setExit) => {
  program
    .command('eval')
    .description('score extraction on an annotated corpus (ID.txt + ID.meta.json, gold JSONL)')
    .requiredOption('--corpus <dir>', 'directory of ID.txt files (with optional ID.meta.json)')
    .requiredOption('--gold <file>', 'gold JSONL: {"id": ..., "incidents": [...]} per line')
    .option('--published <date>', 'publication date for documents that have none (YYYY-MM-DD)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { corpus: string; gold: string; published?: string; json?: boolean }) => {
      if (opts.published && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(opts.published)) {
        console.error(`strikewatch eval: --published ${opts.published}: expected YYYY-MM-DD, YYYY-MM or YYYY`);
        setExit(2);
        return;
      }
      const run = await runEval(opts.corpus, opts.gold, { published: opts.published ?? null });
      console.log(opts.json ? JSON.stringify(evalJson(run), null, 2) : renderEval(run));
    });
};
