import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseCorpusMeta, metaPathFor } from './corpus-meta.ts';
import { IngestError } from './errors.ts';
import { formatBytes } from './size.ts';
import { fetchUrl } from './fetch.ts';
import type { RawInput } from './load.ts';
import { slugify } from './normalize.ts';

/** One thing to read: a file (maybe with a corpus sidecar) or a URL; or a path to report. */
export type Unit =
  | { kind: 'file'; path: string; metaPath: string | null }
  | { kind: 'url'; url: string }
  | { kind: 'skip'; input: string; reason: string }
  | { kind: 'fail'; input: string; reason: string };

/** Media types by extension; extensions mapped to null are read and their kind sniffed. */
const EXTENSIONS: Record<string, string | null> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'text/html',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.xml': null,
  '': null,
};

/** Files in a directory that describe the folder rather than report news. */
const PROJECT_NOTES = /^(readme|license|licence|changelog|contributing|copying|manifest)(\.[a-z]+)?$/i;

const META_SUFFIX = '.meta.json';

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory (a file is used as a folder in the path)';
    case 'ELOOP':
      return 'symbolic link loop';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

async function statOrReason(path: string): Promise<{ dir: boolean } | { reason: string }> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { dir: true };
    if (s.isFile()) return { dir: false };
    return { reason: 'not a regular file (device, socket or pipe)' };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      const link = await lstat(path).catch(() => null);
      if (link?.isSymbolicLink()) return { reason: 'dangling symbolic link (its target does not exist)' };
    }
    return { reason: fsReason(err) };
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function walk(dir: string, out: Unit[]): Promise<void> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch (err) {
    out.push({ kind: 'fail', input: dir, reason: `cannot read directory: ${fsReason(err)}` });
    return;
  }
  const names = new Set(entries);
  for (const name of entries) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (name.endsWith(META_SUFFIX)) {
      const textName = name.slice(0, -META_SUFFIX.length) + '.txt';
      if (!names.has(textName)) out.push({ kind: 'skip', input: path, reason: 'metadata without its .txt file' });
      continue;
    }
    const s = await statOrReason(path);
    if ('reason' in s) {
      out.push({ kind: 'fail', input: path, reason: s.reason });
      continue;
    }
    if (s.dir) {
      await walk(path, out);
      continue;
    }
    const ext = extname(name).toLowerCase();
    if (PROJECT_NOTES.test(name)) out.push({ kind: 'skip', input: path, reason: 'folder notes (README, LICENSE...), not an article' });
    else if (ext === '.json' || ext === '.jsonl' || ext === '.ndjson') out.push({ kind: 'skip', input: path, reason: 'JSON data, not a document' });
    else if (!(ext in EXTENSIONS)) out.push({ kind: 'skip', input: path, reason: `unsupported file type (${ext})` });
    else out.push(await fileUnit(path));
  }
}

async function fileUnit(path: string): Promise<Unit> {
  const metaPath = metaPathFor(path);
  const hasMeta = extname(path).toLowerCase() === '.txt' && (await exists(metaPath));
  return { kind: 'file', path, metaPath: hasMeta ? metaPath : null };
}

/**
 * Expands command-line sources into units: URLs as they are, files as they are (any
 * extension: the content decides), directories recursively in name order. In directories,
 * hidden entries are ignored; `.meta.json` sidecars go with their `.txt`; other JSON files,
 * README/LICENSE notes and unknown extensions are listed as skipped; unreadable entries
 * (dangling links, permission denied) are failures naming the path.
 */
export async function expandSources(sources: string[]): Promise<Unit[]> {
  const out: Unit[] = [];
  for (const src of sources) {
    if (/^https?:\/\//i.test(src)) {
      out.push({ kind: 'url', url: src });
      continue;
    }
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(src)) {
      out.push({ kind: 'fail', input: src, reason: 'unsupported URL scheme (http and https only)' });
      continue;
    }
    const s = await statOrReason(src);
    if ('reason' in s) out.push({ kind: 'fail', input: src, reason: s.reason });
    else if (s.dir) await walk(src, out);
    else if (src.endsWith(META_SUFFIX)) out.push({ kind: 'skip', input: src, reason: 'metadata sidecar (ingest its .txt file)' });
    else out.push(await fileUnit(src));
  }
  return out;
}

export interface ReadOptions {
  maxBytes: number;
  timeoutMs: number;
}


/** Reads a file or URL unit into a RawInput, enforcing the size limit before reading. */
export async function readUnit(unit: Extract<Unit, { kind: 'file' | 'url' }>, opts: ReadOptions): Promise<RawInput> {
  if (unit.kind === 'url') {
    const got = await fetchUrl(unit.url, opts);
    const u = new URL(got.url);
    const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
    const name = slugify(last.replace(/\.[a-z0-9]+$/i, '') || u.hostname);
    return { bytes: got.bytes, source: unit.url, name, mediaType: got.contentType, url: got.url };
  }
  const s = await stat(unit.path).catch((err) => {
    throw new IngestError(`cannot read: ${fsReason(err)}`);
  });
  if (s.size > opts.maxBytes) throw new IngestError(`too large: ${formatBytes(s.size)} (limit ${formatBytes(opts.maxBytes)}, see --max-bytes)`);
  const bytes = await readFile(unit.path).catch((err) => {
    throw new IngestError(`cannot read: ${fsReason(err)}`);
  });
  let meta = null;
  if (unit.metaPath) {
    const json = await readFile(unit.metaPath, 'utf8').catch((err) => {
      throw new IngestError(`cannot read ${basename(unit.metaPath!)}: ${fsReason(err)}`);
    });
    try {
      meta = parseCorpusMeta(json);
    } catch (err) {
      throw new IngestError(`${basename(unit.metaPath)}: ${(err as Error).message}`);
    }
  }
  const ext = extname(unit.path).toLowerCase();
  const name = basename(unit.path, extname(unit.path)) || basename(unit.path);
  return { bytes, source: unit.path, name, mediaType: EXTENSIONS[ext] ?? null, meta };
}
