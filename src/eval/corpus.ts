/**
 * Reading an evaluation corpus: `ID.txt` (line 1 the headline, a blank line, the body) with
 * an optional `ID.meta.json` beside it (published, published_precision, language, title).
 * The text is kept exactly as in the file so spans point into it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CorpusMeta, metaPathFor, parseCorpusMeta } from '../ingest/corpus-meta.ts';
import type { ExtractInput } from '../extract/index.ts';

export interface CorpusDocument extends ExtractInput {
  /** Path of the text file, for error messages. */
  path: string;
}

export interface CorpusOptions {
  /** Publication date to use for documents that have none (the seed: 2012-06-26). */
  published?: string | null;
}

/**
 * Every `*.txt` of a directory, sorted by name.
 * @throws Error naming the directory when it cannot be read, or the file whose metadata is bad.
 */
export async function readCorpus(dir: string, opts: CorpusOptions = {}): Promise<CorpusDocument[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    throw new Error(`cannot read corpus directory ${dir}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const docs: CorpusDocument[] = [];
  for (const name of names.filter((n) => n.endsWith('.txt')).sort()) {
    docs.push(await readCorpusFile(join(dir, name), opts));
  }
  return docs;
}

export async function readCorpusFile(path: string, opts: CorpusOptions = {}): Promise<CorpusDocument> {
  const raw = await readFile(path, 'utf8');
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let meta: CorpusMeta = {};
  try {
    meta = parseCorpusMeta(await readFile(metaPathFor(path), 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`${metaPathFor(path)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const firstLine = text.split('\n', 1)[0].trim();
  let published = meta.published ?? null;
  let precision = meta.published_precision ?? null;
  if (!published && opts.published) {
    published = opts.published;
    precision = null;
  }
  if (published && !precision) precision = published.length === 10 ? 'day' : published.length === 7 ? 'month' : 'year';
  const name = basename(path).replace(/\.[^.]+$/, '');
  return {
    id: name,
    name,
    path,
    title: meta.title ?? (firstLine || null),
    text,
    published,
    published_precision: precision,
    language: meta.language ?? guessLanguage(text),
  };
}

/** A crude guess for files without metadata: French function words vs English ones. */
function guessLanguage(text: string): string {
  const sample = text.slice(0, 3000).toLowerCase();
  const fr = (sample.match(/\b(?:le|la|les|des|une|est|dans|pour|qui)\b/g) ?? []).length;
  const en = (sample.match(/\b(?:the|and|of|is|in|for|that|was)\b/g) ?? []).length;
  if (/[\u0600-\u06ff]{20}/.test(sample)) return 'ar';
  return fr > en ? 'fr' : 'en';
}
