import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = promisify(execFile);
const BIN = new URL('../bin/strikewatch.js', import.meta.url).pathname;
const SEED_DIR = new URL('../../shared/seed/', import.meta.url).pathname;

/** The CLI as users run it: a real process, real files. */
async function cli(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 1 << 24 });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('strikewatch extract / eval (CLI)', { timeout: 60_000 }, () => {
  it('extract --format jsonl prints one contract line per document', async () => {
    const { stdout, code } = await cli(['extract', join(SEED_DIR, '000_f697bc08346bf57f.txt'), '--published', '2012-06-26', '--format', 'jsonl']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line.document).toBe('000_f697bc08346bf57f');
    expect(line.reports).toHaveLength(1);
    const r = line.reports[0];
    for (const k of ['event_type', 'date', 'place', 'killed', 'injured', 'civilians_killed', 'targets', 'attributions', 'spans', 'confidence']) {
      expect(r).toHaveProperty(k);
    }
    expect(r.place.country).toBe('ML');
    expect(r.date.start.startsWith('2012-06')).toBe(true);
  });

  it('extract names a bad input and goes on with the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sw-extract-'));
    await writeFile(join(dir, 'a.txt'), 'Drone strike kills two\n\nA US drone strike killed two militants on Monday.');
    const { stdout, stderr, code } = await cli(['extract', join(dir, 'missing.txt'), join(dir, 'a.txt'), '--format', 'jsonl']);
    expect(code).toBe(1);
    expect(stderr).toContain('missing.txt');
    expect(JSON.parse(stdout.trim()).document).toBe('a');
  });

  it('eval ends with the 14-line summary table', async () => {
    const { stdout, code } = await cli(['eval', '--corpus', SEED_DIR, '--gold', join(SEED_DIR, 'gold.jsonl'), '--published', '2012-06-26']);
    expect(code).toBe(0);
    const last = stdout.trimEnd().split('\n').slice(-14);
    expect(last[0]).toMatch(/^== strikewatch eval: .* 1 documents, 1 gold incidents ==$/);
    expect(last[1]).toMatch(/en\s+fr\s+all/);
    expect(last.map((l) => l.split(/\s{2,}/)[0])).toEqual([
      last[0].split(/\s{2,}/)[0], '', 'docs/gold/rep', 'incident P', 'incident R', 'incident F1',
      'date', 'location', 'country', 'killed', 'targets', 'belligerent', 'stance', last[13].split(/\s{2,}/)[0],
    ]);
    expect(last[5]).toMatch(/100\.0\s*$/);
  });

  it('eval names a missing gold file', async () => {
    const { stderr, code } = await cli(['eval', '--corpus', SEED_DIR, '--gold', '/nonexistent/gold.jsonl']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('/nonexistent/gold.jsonl');
  });
});
