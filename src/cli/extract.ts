import { stat } from 'node:fs/promises';
import type { RegisterCommand } from './main.ts';
import { readCorpus, readCorpusFile, type CorpusDocument } from '../eval/corpus.ts';
import { extract } from '../extract/index.ts';
import { reportLine, reportTable } from '../extract/output.ts';

/**
 * `strikewatch extract <paths...>`: the reports of each document, as JSONL (one line per
 * document, the outside evaluation contract) or a readable table. Text files are read with
 * their `.meta.json` sidecar when present; directories contribute their `*.txt` files.
 */
export const registerExtract: RegisterCommand = (program, setExit) => {
  program
    .command('extract')
    .description('extract strike reports from text files (one JSON line per document with --format jsonl)')
    .argument('<paths...>', 'text files or directories of .txt files')
    .option('--published <date>', 'publication date for documents that have none (YYYY-MM-DD)')
    .option('--format <format>', 'table or jsonl', 'table')
    .action(async (paths: string[], opts: { published?: string; format: string }) => {
      if (opts.format !== 'table' && opts.format !== 'jsonl') {
        console.error(`strikewatch extract: --format ${opts.format}: expected table or jsonl`);
        setExit(2);
        return;
      }
      if (opts.published && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(opts.published)) {
        console.error(`strikewatch extract: --published ${opts.published}: expected YYYY-MM-DD, YYYY-MM or YYYY`);
        setExit(2);
        return;
      }
      for (const path of paths) {
        let docs: CorpusDocument[];
        try {
          const st = await stat(path);
          docs = st.isDirectory() ? await readCorpus(path, opts) : [await readCorpusFile(path, opts)];
        } catch (err) {
          console.error(`strikewatch extract: ${path}: ${err instanceof Error ? err.message : String(err)}`);
          setExit(1);
          continue;
        }
        for (const doc of docs) {
          const reports = extract(doc);
          console.log(opts.format === 'jsonl' ? reportLine(doc.name, reports) : reportTable(doc.name, doc.text, reports));
        }
      }
    });
};
