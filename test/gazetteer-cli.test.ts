import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** End-to-end: the real CLI binary on the seed article's location sentence and on bad input. */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, [join(root, 'bin', 'strikewatch.js'), ...args], { cwd: root, timeout: 60_000 });

describe('strikewatch geocode', () => {
  it('prints a table with the offset, the named place and their conflict', async () => {
    const { stdout } = await cli(['geocode', 'The brigade came under an air attack about 200km north of Timbuktu near Taoudenni.', '--country', 'ML']);
    expect(stdout).toMatch(/about 200km north of Timbuktu\s+offset\s+ML/);
    expect(stdout).toMatch(/near Taoudenni\s+near\s+ML/);
    expect(stdout).toContain('CONFLICTS WITH');
  });

  it('prints JSON results whose spans point into the text', async () => {
    const text = 'Une frappe à 50 km au sud de Kidal, dans le nord du Mali.';
    const { stdout } = await cli(['geocode', text, '--json']);
    const results = JSON.parse(stdout) as { kind: string; place: { name: string; span: [number, number]; country: string } }[];
    expect(results.map((r) => r.kind)).toEqual(['offset', 'region']);
    for (const r of results) expect(text.slice(r.place.span[0], r.place.span[1])).toBe(r.place.name);
    expect(results.every((r) => r.place.country === 'ML')).toBe(true);
  });

  it('geocodes the seed article and keeps both readings of its strike location', async () => {
    const seed = readFileSync(join(root, '..', 'shared', 'seed', '000_f697bc08346bf57f.txt'), 'utf8');
    const { stdout } = await cli(['geocode', seed, '--json']);
    const results = JSON.parse(stdout) as { kind: string; conflicts?: unknown[]; place: { name: string } }[];
    const offset = results.find((r) => r.kind === 'offset' && r.place.name.includes('Timbuktu'));
    expect(offset?.conflicts?.length).toBeGreaterThan(0);
    expect(results.some((r) => r.kind === 'region' && r.place.name === 'northern Mali')).toBe(true);
  });

  it('rejects a --country that is not an ISO2 code, naming it', async () => {
    await expect(cli(['geocode', 'Gao', '--country', 'Mali'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('"Mali"') });
  });
});
