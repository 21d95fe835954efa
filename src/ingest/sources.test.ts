import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandSources, readUnit, type Unit } from './sources.ts';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-sources-'));
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  writeFileSync(join(dir, '001.txt'), 'Title\n\nBody.');
  writeFileSync(join(dir, '001.meta.json'), JSON.stringify({ title: 'Title', publisher: 'P', published: '2020-01', language: 'en' }));
  writeFileSync(join(dir, 'orphan.meta.json'), '{}');
  writeFileSync(join(dir, 'gold.jsonl'), '{}\n');
  writeFileSync(join(dir, 'data.json'), '{}');
  writeFileSync(join(dir, 'README.md'), '# notes');
  writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50]));
  writeFileSync(join(dir, '.hidden.txt'), 'x');
  writeFileSync(join(dir, 'sub', 'page.html'), '<p>x</p>');
  writeFileSync(join(dir, 'sub', 'deeper', 'feed.xml'), '<rss/>');
  writeFileSync(join(dir, 'sub', 'noext'), 'text');
  symlinkSync(join(dir, 'missing-target.txt'), join(dir, 'sub', 'dangling.txt'));
  writeFileSync(join(dir, 'big.txt'), '');
  truncateSync(join(dir, 'big.txt'), 100 * 1024 * 1024);
  writeFileSync(join(dir, 'bad.txt'), 'Title\n\nBody.');
  writeFileSync(join(dir, 'bad.meta.json'), '{"published": "last week"}');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const short = (u: Unit) =>
  u.kind === 'file' ? `file ${u.path.slice(dir.length + 1)}${u.metaPath ? ' +meta' : ''}` : u.kind === 'url' ? `url ${u.url}` : `${u.kind} ${u.input.slice(dir.length + 1)}: ${u.reason}`;

describe('expandSources', () => {
  it('walks directories in name order, pairs sidecars, skips notes and data, reports broken entries', async () => {
    const units = (await expandSources([dir])).map(short);
    expect(units).toEqual([
      'file 001.txt +meta',
      'skip README.md: folder notes (README, LICENSE...), not an article',
      'file bad.txt +meta',
      'file big.txt',
      'skip data.json: JSON data, not a document',
      'skip gold.jsonl: JSON data, not a document',
      'skip orphan.meta.json: metadata without its .txt file',
      'skip photo.png: unsupported file type (.png)',
      'fail sub/dangling.txt: dangling symbolic link (its target does not exist)',
      'file sub/deeper/feed.xml',
      'file sub/noext',
      'file sub/page.html',
    ]);
  });

  it('takes URLs as they are and names missing paths and unsupported schemes', async () => {
    const units = await expandSources(['https://example.org/a', join(dir, 'nope.txt'), 'ftp://example.org/x', join(dir, 'README.md')]);
    expect(units).toEqual([
      { kind: 'url', url: 'https://example.org/a' },
      { kind: 'fail', input: join(dir, 'nope.txt'), reason: 'no such file or directory' },
      { kind: 'fail', input: 'ftp://example.org/x', reason: 'unsupported URL scheme (http and https only)' },
      { kind: 'file', path: join(dir, 'README.md'), metaPath: null },
    ]);
  });
});

describe('readUnit', () => {
  const opts = { maxBytes: 20 * 1024 * 1024, timeoutMs: 1000 };

  it('reads a file with its sidecar metadata', async () => {
    const raw = await readUnit({ kind: 'file', path: join(dir, '001.txt'), metaPath: join(dir, '001.meta.json') }, opts);
    expect(raw.name).toBe('001');
    expect(raw.mediaType).toBe('text/plain');
    expect(raw.meta).toMatchObject({ publisher: 'P', published: '2020-01' });
  });

  it('refuses a file over the size limit without reading it', async () => {
    await expect(readUnit({ kind: 'file', path: join(dir, 'big.txt'), metaPath: null }, opts)).rejects.toThrow(
      'too large: 100.0 MB (limit 20.0 MB, see --max-bytes)',
    );
  });

  it('names the sidecar and the field when metadata is wrong', async () => {
    await expect(readUnit({ kind: 'file', path: join(dir, 'bad.txt'), metaPath: join(dir, 'bad.meta.json') }, opts)).rejects.toThrow(
      /bad\.meta\.json: metadata field published: expected YYYY-MM-DD/,
    );
  });
});
