import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { loadFixture } from '../src/query/fixture.ts';

/** `strikewatch ask` as a user runs it: the JSON contract, the readable answer, bad input. */
let dir: string;
let db: string;
const BIN = new URL('../bin/strikewatch.js', import.meta.url).pathname;
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', timeout: 120_000 });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-ask-cli-'));
  db = join(dir, 'cli.db');
  const store = await SqliteStore.open(db);
  await loadFixture(store);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('strikewatch ask', () => {
  it('--json prints the contract', () => {
    const r = cli('ask', 'Did the US launch a drone strike on AQIM in northern Mali?', '--json');
    expect(r.status, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(Object.keys(a)).toEqual(['question', 'intent', 'understood', 'verdict', 'count', 'answer', 'incidents']);
    expect(a).toMatchObject({ intent: 'yes_no', verdict: 'reported_unconfirmed', count: 1 });
    expect(a.understood.filters.target).toEqual(['AQIM']);
    expect(a.incidents[0].evidence.some((e: { quote: string }) => e.quote.includes('would neither confirm nor deny'))).toBe(true);
  });

  it('prints how the question was read, the verdict and the quotes', () => {
    const r = cli('ask', 'Combien de frappes au Mali en 2024 ?');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Read as\s+count/);
    expect(r.stdout).toMatch(/dates 2024-01-01 to 2024-12-31/);
    expect(r.stdout).toMatch(/2 frappes trouvées/);
  });

  it('rejects bad options with one clear line', () => {
    const r = cli('ask', 'How many strikes in 2020?', '--limit', 'lots');
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--limit lots/);
  });
});
