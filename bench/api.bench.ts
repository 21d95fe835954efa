/**
 * API benchmark: 1,000,000 synthetic incidents written straight into a SQLite file, the API
 * server in its own process (one core: Node runs requests on one thread), autocannon on
 * loopback. Targets (issue 6): filtered incident queries p95 <= 50 ms and >= 2,000 req/s;
 * ask p95 <= 100 ms; map clusters p95 <= 100 ms (issue 7: a million incidents stay smooth).
 *
 *   npx tsx bench/api.bench.ts [--n 1000000] [--seconds 10] [--connections 10]
 *     [--only <part of a scenario's name>] [--cpu-prof <dir for the server's V8 profile>]
 *
 * On a shared machine the wall-clock figures measure the neighbours too: each line also prints
 * the server's own CPU time per request and the req/s one dedicated core would give at that
 * cost. `--connections 1` shows the latency of one client with no queueing.
 *
 * The database is kept in .cache/bench-api-<n>.db and reused when it already holds n incidents.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { bulkInsertIncidents, rng, syntheticIncident } from '../src/query/synthetic.ts';
import { listPaths } from './api-paths.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('n', 1_000_000);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 10);
/** `--only <text>`: run only the scenarios whose name holds it (after the warm-up). */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
/** `--cpu-prof <dir>`: the server writes a V8 CPU profile there when it stops. */
const PROF = process.argv.includes('--cpu-prof') ? process.argv[process.argv.indexOf('--cpu-prof') + 1] : null;

mkdirSync('.cache', { recursive: true });
const file = `.cache/bench-api-${N}.db`;

async function ensureDatabase(): Promise<void> {
  if (existsSync(file)) {
    const s = await SqliteStore.open(file);
    const n = (s.db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
    await s.close();
    if (n === N) {
      console.log(`database      ${file}: ${N.toLocaleString()} incidents (reused), ${(statSync(file).size / 1e6).toFixed(0)} MB`);
      return;
    }
    rmSync(file, { force: true });
  }
  const t0 = performance.now();
  const s = await SqliteStore.open(file);
  s.db.pragma('synchronous = OFF');
  const r = rng(2026);
  bulkInsertIncidents(
    s.db,
    (function* () {
      for (let i = 0; i < N; i++) yield syntheticIncident(r, i);
    })(),
  );
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  await s.close();
  const secs = (performance.now() - t0) / 1000;
  console.log(`database      ${N.toLocaleString()} incidents written in ${secs.toFixed(1)} s (${Math.round(N / secs).toLocaleString()}/s), ${(statSync(file).size / 1e6).toFixed(0)} MB`);
}

/** CPU time (user + system, ms) the server process has used, from /proc (Linux; 100 ticks/s). */
function cpuMs(pid: number): number {
  const [user, sys] = cpuSplit(pid);
  return user + sys;
}

/**
 * User and system CPU (ms) apart: the system part is mostly the kernel's loopback TCP work
 * of writing the responses, which no change to the queries can reduce.
 */
function cpuSplit(pid: number): [number, number] {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return [Number(fields[11]) * 10, Number(fields[12]) * 10];
}

async function startServer(): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...(PROF ? ['--cpu-prof', '--cpu-prof-dir', PROF] : []), '--import', 'tsx', 'bench/api-server.ts', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((ok, fail) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', ok);
    child.once('exit', (c) => fail(new Error(`server exited with ${c}`)));
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  return { url: first.trim(), pid: child.pid!, stop: () => (child.kill('SIGTERM'), exited) };
}

/**
 * Map views as the web app asks for them: a zoom and the visible box, panned so that each
 * request is distinct (no cache helps). `plain`: the whole world or a country (the grid of
 * migration 8 answers); `filtered`: a date window, target or belligerent besides.
 */
function clusterPaths(count: number, seed: number, kind: 'plain' | 'filtered'): string[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const zoom = pick([1, 2, 3, 4, 5, 6, 7, 8]);
    const [lat, lon] = zoom <= 2 ? [r() * 40 - 20, r() * 120 - 60] : pick([[17.5, -2.5], [2.5, 43.5], [15, 46], [33, 70], [35, 39]]).map((x) => x + (r() - 0.5) * 4);
    // a 1200 x 700 px window: 256 px per tile, 2^zoom tiles across 360 degrees
    const w = Math.min(180, (1200 / 256) * (360 / 2 ** zoom) / 2);
    const h = Math.min(85, (700 / 256) * (180 / 2 ** zoom) / 2);
    const bbox = [Math.max(-180, lon - w), Math.max(-85, lat - h), Math.min(180, lon + w), Math.min(85, lat + h)].map((x) => x.toFixed(4)).join(',');
    let q = `/api/map/clusters?zoom=${zoom}&bbox=${bbox}`;
    if (kind === 'plain') {
      if (zoom >= 4 && r() < 0.5) q += `&country=${pick(['ML', 'SO', 'YE', 'PK', 'SY'])}`;
      if (r() < 0.3) q += `&grade=${pick(['confirmed', 'weak', 'contested'])}`;
    } else {
      const y = 2002 + Math.floor(r() * 22);
      q += pick([
        `&event_date_from=${y}-01-01&event_date_to=${y}-12-31`,
        `&event_date_from=${y}-01-01&event_date_to=${y + 2}-12-31&grade=confirmed`,
        `&target=${pick(['AQIM', 'al-Shabaab', 'Taliban'])}`,
        `&belligerent=${pick(['FR', 'TR', 'KE'])}&event_date_from=${y}-01-01`,
      ]);
    }
    out.push(q);
  }
  return out;
}

const ASK = [
  'Did the US launch a drone strike on AQIM in northern Mali?',
  'How many strikes hit Jilib in 2019?',
  'Quelles frappes françaises près de Kidal en 2021 ?',
  'Who struck the convoy near Taoudenni?',
  'Combien de frappes au Burkina Faso en 2022 ?',
  'Did Kenya strike al-Shabaab in Somalia in January 2020?',
  'How many US drone strikes in Somalia between 2017 and 2019?',
  'Les États-Unis ont-ils frappé les Shebab en Somalie en 2019 ?',
].map((q) => `/api/ask?q=${encodeURIComponent(q)}`);

async function run(name: string, url: string, paths: string[], target: { p95: number; rps?: number }): Promise<boolean> {
  if (ONLY !== null && !name.startsWith('warm-up') && !name.includes(ONLY)) return true;
  let i = 0;
  const split0 = cpuSplit(server.pid);
  const cpu0 = cpuMs(server.pid);
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((ok, fail) => {
    const inst = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (err, res) => (err ? fail(err) : ok(res)),
    );
    inst.on('response', (_c, _status, _bytes, ms: number) => latencies.push(ms));
  });
  const cpuPerRequest = (cpuMs(server.pid) - cpu0) / Math.max(1, latencies.length);
  const split = cpuSplit(server.pid).map((ms, k) => (ms - split0[k]) / Math.max(1, latencies.length));
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const rps = result.requests.average;
  const ok = p(0.95) <= target.p95 && (target.rps === undefined || rps >= target.rps);
  const errors = result.errors + result.non2xx;
  console.log(
    `${name.padEnd(44)} ${Math.round(rps).toString().padStart(6)} req/s  p50 ${p(0.5).toFixed(1)} ms  p95 ${p(0.95).toFixed(1)} ms  p99 ${p(0.99).toFixed(1)} ms  ` +
      `${latencies.length} requests, ${errors} errors; server CPU ${cpuPerRequest.toFixed(2)} ms/request (user ${split[0].toFixed(2)}, sys ${split[1].toFixed(2)}) = ${Math.round(1000 / cpuPerRequest)} req/s per dedicated core  [target p95 <= ${target.p95} ms${target.rps ? `, >= ${target.rps} req/s` : ''}: ${ok ? 'met' : 'MISSED'}]`,
  );
  return ok && errors === 0;
}

await ensureDatabase();
const server = await startServer();
try {
  console.log(`server        ${server.url} (own process), ${CONNECTIONS} connections, ${SECONDS} s per scenario; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  // warm up: the first requests load the gazetteer and fill SQLite's page cache
  await run('warm-up (not a result)', server.url, [...listPaths(50, 1, 'mixed'), ...ASK], { p95: Infinity });
  const results = [
    await run('list: country + date window (200 filters)', server.url, listPaths(200, 7, 'country'), { p95: 50, rps: 2000 }),
    await run('list: date window only (200 filters)', server.url, listPaths(200, 9, 'dates'), { p95: 50, rps: 2000 }),
    await run('list: + grade / type / belligerent (200)', server.url, listPaths(200, 10, 'grade_type'), { p95: 50, rps: 2000 }),
    await run('list: + target with units (200)', server.url, listPaths(200, 11, 'target'), { p95: 50, rps: 2000 }),
    await run('list: + near a point (200)', server.url, listPaths(200, 12, 'near'), { p95: 50, rps: 2000 }),
    await run('list: 100,000 distinct mixed filters', server.url, listPaths(100_000, 8, 'mixed'), { p95: 50, rps: 2000 }),
    await run('ask, 8 questions (en/fr)', server.url, ASK, { p95: 100 }),
    await run('map clusters: world / country views (2,000)', server.url, clusterPaths(2000, 21, 'plain'), { p95: 100 }),
    await run('map clusters: + dates / actors (2,000)', server.url, clusterPaths(2000, 22, 'filtered'), { p95: 100 }),
  ];
  console.log(results.every(Boolean) ? 'all targets met' : 'some targets missed');
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (figures are for this machine as shared at the time)`);
} finally {
  await server.stop();
}
