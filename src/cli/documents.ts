import { InvalidArgumentError } from 'commander';
import type { RegisterCommand } from './main.ts';
import { withStore } from './context.ts';
import type { DocumentSummary } from '../store/store.ts';

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`"${v}" is not a whole number`);
  return n;
}

function cell(s: string | null | undefined, width: number): string {
  const t = (s ?? '-').replace(/\s+/g, ' ');
  return (t.length > width ? t.slice(0, width - 1) + '…' : t).padEnd(width);
}

function row(d: DocumentSummary): string {
  return [
    cell(d.name, 22),
    d.id.slice(0, 10),
    cell(d.published, 10),
    cell(d.language, 4),
    String(d.reports).padStart(3),
    ' ' + cell(d.publisher, 24),
    cell(d.title, 60).trimEnd(),
  ].join(' ');
}

/** `strikewatch documents [show <ref>]`: what is stored, for a quick look. */
export const registerDocuments: RegisterCommand = (program, setExit) => {
  const documents = program
    .command('documents')
    .description('list stored documents (name, id, published, language, reports, publisher, title)')
    .option('--limit <n>', 'how many to list', positiveInt, 100)
    .option('--offset <n>', 'how many to pass over first', positiveInt, 0)
    .option('--json', 'print JSON')
    .action(async (flags: { limit: number; offset: number; json?: boolean }, cmd) => {
      await withStore(cmd, async (store) => {
        const { items, total } = await store.listDocuments({ limit: flags.limit, offset: flags.offset });
        if (flags.json) {
          console.log(JSON.stringify({ total, items }, null, 2));
          return;
        }
        if (total === 0) {
          console.log('no documents yet: add some with `strikewatch ingest <files|dirs|urls>`');
          return;
        }
        console.log(`${'name'.padEnd(22)} ${'id'.padEnd(10)} ${'published'.padEnd(10)} ${'lang'} rep  ${'publisher'.padEnd(24)} title`);
        for (const d of items) console.log(row(d));
        const shown = items.length;
        if (flags.offset + shown < total) console.log(`… ${shown} of ${total} shown (use --offset ${flags.offset + shown})`);
        else console.log(`${total} documents`);
      });
    });

  documents
    .command('show')
    .description('show one document: metadata and text')
    .argument('<ref>', 'name, id, or id prefix (8+ characters)')
    .option('--json', 'print JSON')
    .action(async (ref: string, _flags: unknown, cmd) => {
      // `--json` may land on the parent `documents` command, which has the same option.
      const flags = cmd.optsWithGlobals() as { json?: boolean };
      await withStore(cmd, async (store) => {
        const doc = await store.getDocument(ref);
        if (!doc) {
          console.error(`strikewatch: no document named or with id "${ref}"`);
          setExit(1);
          return;
        }
        const reports = (await store.listReports({ documentId: doc.id })).length;
        if (flags.json) {
          console.log(JSON.stringify({ ...doc, reports }, null, 2));
          return;
        }
        const field = (k: string, v: string | null) => console.log(`${k.padEnd(11)} ${v ?? '-'}`);
        field('name', doc.name);
        field('id', doc.id);
        field('title', doc.title);
        field('publisher', doc.publisher);
        field('published', doc.published ? `${doc.published} (${doc.published_precision})` : null);
        field('language', doc.language);
        field('url', doc.url);
        field('source', doc.source);
        field('media type', doc.media_type);
        field('raw sha256', doc.raw_sha256);
        field('ingested', doc.ingested_at);
        field('reports', String(reports));
        console.log('');
        console.log(doc.text);
      });
    });
};
