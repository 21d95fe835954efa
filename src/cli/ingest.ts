import { InvalidArgumentError } from 'commander';
import type { RegisterCommand } from './main.ts';
import { withStore } from './context.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, ingestSources, type IngestSummary } from '../pipeline.ts';
import { defaultStages } from '../stages.ts';
import { parsePublished } from '../ingest/dates.ts';
import { KNOWN_LANGUAGES, DEFAULT_LANGUAGES, normalizeLanguageTag } from '../ingest/language.ts';
import { progressReporter } from '../ingest/progress.ts';

interface IngestFlags {
  published?: string;
  publisher?: string;
  language?: string;
  languages: string[];
  maxBytes: number;
  timeout: number;
  reextract?: boolean;
  verbose?: boolean;
  json?: boolean;
}

function publishedArg(v: string): string {
  if (!parsePublished(v) || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) {
    throw new InvalidArgumentError(`"${v}" is not a date: expected YYYY-MM-DD (or YYYY-MM, YYYY)`);
  }
  return v;
}

function languageArg(v: string): string {
  const tag = normalizeLanguageTag(v);
  if (!tag) throw new InvalidArgumentError(`"${v}" is not a language code (ISO 639-1, e.g. en, fr, ar)`);
  return tag;
}

function languagesArg(v: string): string[] {
  const list = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = list.filter((l) => !KNOWN_LANGUAGES.includes(l));
  if (list.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`unknown language(s) ${unknown.join(', ')}: detection knows ${KNOWN_LANGUAGES.join(', ')}`);
  }
  return list;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${v}" is not a positive whole number`);
  return n;
}

function summaryLine(s: IngestSummary): string {
  const docs = s.ingested + s.unchanged + s.reextracted;
  const parts = [`${s.ingested} ingested`, `${s.unchanged} unchanged`];
  if (s.reextracted) parts.push(`${s.reextracted} re-extracted`);
  parts.push(`${s.failed.length} failed`, `${s.skipped.length} skipped`);
  const head = docs > 0 && s.unchanged === docs && s.failed.length === 0 ? `all ${docs} documents unchanged` : `${docs} documents`;
  return `${head}: ${parts.join(', ')}`;
}

/** `strikewatch ingest <sources...>`: files, directories and URLs into the store. */
export const registerIngest: RegisterCommand = (program, setExit) => {
  program
    .command('ingest')
    .description('read articles (text, Markdown, HTML, RSS/Atom, corpus folders, URLs) into the database')
    .argument('<sources...>', 'files, directories (read recursively) or http(s) URLs')
    .option('--published <date>', 'publication date for documents that do not give one (YYYY-MM-DD)', publishedArg)
    .option('--publisher <name>', 'publisher for documents that do not name one')
    .option('--language <code>', 'language for documents that do not declare one (else detected)', languageArg)
    .option('--languages <list>', 'languages to detect among, comma-separated', languagesArg, [...DEFAULT_LANGUAGES])
    .option('--max-bytes <n>', 'largest file or download read, in bytes', positiveInt, DEFAULT_MAX_BYTES)
    .option('--timeout <ms>', 'deadline for each URL, in milliseconds', positiveInt, DEFAULT_TIMEOUT_MS)
    .option('--reextract', 'run extraction again on documents already stored')
    .option('-v, --verbose', 'print one line per document')
    .option('--json', 'print the summary as JSON')
    .action(async (sources: string[], flags: IngestFlags, cmd) => {
      await withStore(cmd, async (store) => {
        const progress = progressReporter();
        const summary = await ingestSources(
          store,
          sources,
          {
            published: flags.published,
            publisher: flags.publisher,
            language: flags.language,
            languages: flags.languages,
            maxBytes: flags.maxBytes,
            timeoutMs: flags.timeout,
            reextract: flags.reextract,
          },
          await defaultStages(),
          (e) => {
            progress.onEvent(e);
            if (e.type === 'failed') progress.log(`failed   ${e.input}: ${e.reason}`);
            else if (e.type === 'skipped' && flags.verbose) progress.log(`skipped  ${e.input}: ${e.reason}`);
            else if (e.type === 'document' && flags.verbose) {
              const reports = e.reports === null ? '' : ` (${e.reports} reports)`;
              progress.log(`${e.status.padEnd(9)} ${e.name} ${e.id.slice(0, 12)}${reports}`);
            }
          },
        );
        progress.stop();
        if (flags.json) console.log(JSON.stringify(summary, null, 2));
        else {
          if (!flags.verbose && summary.skipped.length > 0) {
            console.log(`skipped: ${summary.skipped.map((s) => `${s.input} (${s.reason})`).join('; ')}`);
          }
          console.log(summaryLine(summary));
          if (summary.failed.length > 0) {
            console.log('failures:');
            for (const f of summary.failed) console.log(`  ${f.input}: ${f.reason}`);
          }
        }
        if (summary.failed.length > 0) setExit(1);
      });
    });
};
