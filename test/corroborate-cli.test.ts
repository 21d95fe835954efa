/**
 * End to end: the real CLI on real articles of the development set (read at test time):
 * ingest (extraction + incremental corroboration), `incidents --format jsonl`, `incident`,
 * `review` and `recluster` on a real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/strikewatch.js', import.meta.url));
const DEV = '/work/shared/eval/dev';
/** Three outlets (two English, one French) on one strike, and one unrelated strike. */
const DOCS = ['116', '117', '118', '004'];
const TIMEOUT = 240_000;

let dir: string;
let db: string;

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(BIN, ['--db', db, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

interface Line {
  id: string;
  grade: string;
  reports: { document: string }[];
}

const lines = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-corroborate-cli-'));
  db = join(dir, 'sw.db');
  for (const d of DOCS) for (const ext of ['.txt', '.meta.json']) copyFileSync(join(DEV, d + ext), join(dir, d + ext));
  const r = await run(['ingest', dir]);
  expect(r.code, r.stderr).toBe(0);
}, TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('strikewatch incidents / incident / review / recluster', () => {
  it('groups the three reports of one strike into one incident, apart from the other strike', async () => {
    const r = await run(['incidents', '--format', 'jsonl']);
    expect(r.code, r.stderr).toBe(0);
    const incidents = lines(r.stdout);
    const docsOf = incidents.map((i) => i.reports.map((x) => x.document).sort());
    expect(docsOf).toContainEqual(['116', '117', '118']);
    expect(docsOf.find((d) => d.includes('004'))).toEqual(['004']);
    const pk = lines((await run(['incidents', '--format', 'jsonl', '--country', 'pk'])).stdout);
    expect(pk.every((i) => i.id.startsWith('SW-PK-'))).toBe(true);
  }, TIMEOUT);

  it('shows, reviews, reverts and keeps ids across a re-cluster', async () => {
    const all = lines((await run(['incidents', '--format', 'jsonl'])).stdout);
    const id = all.find((i) => i.reports.length === 3)!.id;
    const shown = await run(['incident', id]);
    expect(shown.stdout).toContain('sources (');
    expect(shown.stdout).toMatch(/«[^»]+»/); // quoted supporting words

    const graded = await run(['review', 'grade', id, 'discounted', '--by', 'ana', '--reason', 'test']);
    expect(graded.code, graded.stderr).toBe(0);
    const rc = await run(['recluster']);
    expect(rc.code, rc.stderr).toBe(0);
    const after = lines((await run(['incidents', '--format', 'jsonl', '--grade', 'discounted'])).stdout);
    expect(after.map((i) => i.id)).toEqual([id]);
    const n = /decision #(\d+)/.exec(graded.stdout)![1];
    expect((await run(['review', 'revert', n, '--by', 'ben', '--reason', 'undo'])).code).toBe(0);
    expect(lines((await run(['incidents', '--format', 'jsonl', '--grade', 'discounted'])).stdout)).toEqual([]);
    expect((await run(['incident', id])).stdout).toContain('reverted');

    const bad = await run(['review', 'grade', 'SW-XX-0000-9999', 'weak', '--by', 'a', '--reason', 'r']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('SW-XX-0000-9999');
    expect((await run(['incidents', '--from', '2013-02-30'])).stderr).toContain('2013-02-30');
  }, TIMEOUT);
});
