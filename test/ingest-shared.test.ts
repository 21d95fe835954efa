/**
 * The shared seed article and development corpus (../shared, read at test time, never
 * copied into the project) go in through the real CLI; a second run finds every one unchanged.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/strikewatch.js', import.meta.url));
const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const DEV = join(SHARED, 'eval', 'dev');
const SEED = join(SHARED, 'seed');

/** Each CLI run starts Node, tsx and the lexicons: generous on a busy machine. */
const E2E_TIMEOUT = 240_000;

/** stderr without the periodic progress lines ("ingest: 30/74 inputs, ..."). */
function messages(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '' && !l.startsWith('ingest: '));
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(BIN, args, { encoding: 'utf8', maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const root = mkdtempSync(join(tmpdir(), 'sw-shared-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!existsSync(DEV))('ingesting ../shared (seed and dev corpus)', { timeout: E2E_TIMEOUT }, () => {
  it('stores every document with its metadata, then reports all of them unchanged', async () => {
    const db = join(root, 'shared.db');
    const ids = readdirSync(DEV).filter((f) => f.endsWith('.meta.json')).map((f) => f.replace('.meta.json', ''));
    expect(ids.length).toBeGreaterThan(0);
    const expected = ids.length + 1; // + the seed article

    const first = await run(['--db', db, 'ingest', DEV, SEED]);
    expect(messages(first.stderr)).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${expected} documents: ${expected} ingested, 0 unchanged, 0 failed`);

    const { total, items } = JSON.parse((await run(['--db', db, 'documents', '--json', '--limit', '1000'])).stdout) as {
      total: number;
      items: Array<{ name: string; title: string | null; publisher: string | null; published: string | null; language: string | null }>;
    };
    expect(total).toBe(expected);
    for (const id of ids) {
      const meta = JSON.parse(readFileSync(join(DEV, `${id}.meta.json`), 'utf8'));
      const doc = items.find((d) => d.name === id);
      expect(doc, id).toMatchObject({ title: meta.title, publisher: meta.publisher, published: meta.published, language: meta.language });
    }
    const seed = items.find((d) => d.name.startsWith('000_'));
    expect(seed?.title).toBe(readFileSync(join(SEED, `${seed!.name}.txt`), 'utf8').split('\n')[0]);
    expect(seed?.language).toBe('en');

    // The text is the file as written (headline line included), so evidence quotes are found in it.
    const one = JSON.parse((await run(['--db', db, 'documents', 'show', ids[0], '--json'])).stdout);
    expect(one.text).toBe(readFileSync(join(DEV, `${ids[0]}.txt`), 'utf8').replace(/\s+$/, ''));

    const second = await run(['--db', db, 'ingest', DEV, SEED]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`all ${expected} documents unchanged`);
  });
});
