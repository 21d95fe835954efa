/**
 * Gazetteer benchmark: `npx tsx bench/gazetteer.bench.ts` (also run by `npm run bench`).
 * Prints index build time and size, load time from the disk cache, throughput on one core
 * of the scanner alone and of the full geocoder (scan + disambiguation + phrases), per CPU
 * second (robust on a shared machine) and per wall second, and peak RSS. Targets: load ≤ 300 ms,
 * scan ≥ 20 MB/s, RSS ≤ 250 MB. The build runs in a child process so the load and RSS
 * figures are those of a fresh process that only reads the cache.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachePath, loadOrBuild } from '../src/gazetteer/cache.ts';
import { scanMentions, tokenize } from '../src/gazetteer/scan.ts';

const here = dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--build-only') {
  const file = cachePath();
  if (existsSync(file)) rmSync(file);
  const { stats } = loadOrBuild(file);
  console.log(JSON.stringify({ buildMs: stats.buildMs, bytes: stats.bytes, rss: process.memoryUsage().rss }));
  process.exit(0);
}

const rebuild = process.argv.includes('--rebuild') || !existsSync(cachePath());
if (rebuild) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--build-only'], { encoding: 'utf8' });
  const b = JSON.parse(out.trim().split('\n').pop()!) as { buildMs: number; bytes: number; rss: number };
  console.log(`gazetteer build       ${(b.buildMs / 1000).toFixed(1)} s, cache ${(b.bytes / 1e6).toFixed(1)} MB (build process RSS ${(b.rss / 1e6).toFixed(0)} MB)`);
}

const { loadGazetteer } = await import('../src/gazetteer/index.ts');
const g = loadGazetteer();
console.log(`gazetteer load        ${g.stats.loadMs.toFixed(0)} ms from ${(g.stats.bytes / 1e6).toFixed(1)} MB cache${g.stats.built ? ' (built now)' : ''}, ${g.data.n} places`);

// corpus: the dev texts if present, else the sample corpus; repeated to ~8 MB
const devDir = process.env.STRIKEWATCH_DEV ?? join(here, '..', '..', 'shared', 'eval', 'dev');
const dir = existsSync(devDir) ? devDir : join(here, '..', 'data', 'sample');
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const one = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const rounds = Math.max(1, Math.ceil(8e6 / one));
// warm-up
for (const t of texts) g.geocode(t);
let peak = process.memoryUsage().rss;
const mb = (one * rounds) / 1e6;

/** Runs fn over the corpus `rounds` times; returns wall seconds and CPU seconds (user+system). */
function time(fn: (t: string) => number): { wall: number; cpu: number; n: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) n += fn(t);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, n };
}

// the scanner alone (tokens + one hash probe per candidate word), then the full geocoder
const scan = time((t) => scanMentions(t, tokenize(t), g.data.index).length);
const full = time((t) => g.geocode(t).length);
const line = (label: string, r: { wall: number; cpu: number; n: number }, what: string) =>
  console.log(`${label}${(mb / r.cpu).toFixed(1)} MB/s per CPU-second (${(mb / r.wall).toFixed(1)} MB/s wall; ${mb.toFixed(1)} MB = ${texts.length} documents × ${rounds}, ${r.n} ${what})`);
line('gazetteer scan        ', scan, 'name matches');
line('gazetteer geocode     ', full, 'places resolved');
console.log(`gazetteer peak RSS    ${(peak / 1e6).toFixed(0)} MB`);
