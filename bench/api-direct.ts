/**
 * The list queries of bench/api.bench.ts without HTTP: CPU time of a list page as the API
 * builds it (listIncidentItems counting as far as the page, then its JSON body) per request
 * class on the 1,000,000-incident file that api.bench.ts builds (run it first), each filter
 * asked once (nothing cached but SQLite's pages). On a shared machine CPU time, not wall
 * time, says what the queries cost.
 *
 *   npx tsx bench/api-direct.ts [--n 1000000] [--count 100] [--plan]
 *
 * --plan prints SQLite's plan of the plain filter SQL of each class's first filter (walks by
 * actor or place run their own SQL; see src/query/actor-pages.ts and place-pages.ts).
 */
import { existsSync } from 'node:fs';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { sqliteOf } from '../src/query/db.ts';
import { IncidentQuery, pickFilters } from '../src/query/filters.ts';
import { listIncidentItems, pageJson, whereFor } from '../src/query/incidents.ts';
import { resolveFilters } from '../src/query/resolve.ts';
import { defaultAskDeps } from '../src/query/deps.ts';
import { listPaths, type Kind } from './api-paths.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('n', 1_000_000);
const COUNT = arg('count', 100);
const file = `.cache/bench-api-${N}.db`;
if (!existsSync(file))
  throw new Error(`${file} does not exist: run npx tsx bench/api.bench.ts --n ${N} first`);

const store = await SqliteStore.open(file);
const db = sqliteOf(store);
const deps = defaultAskDeps();
const KINDS: [Kind, number][] = [
  ['country', 7],
  ['dates', 9],
  ['grade_type', 10],
  ['target', 11],
  ['near', 12],
  ['mixed', 8],
];
for (const [kind, seed] of KINDS) {
  const ms: number[] = [];
  for (const [k, path] of listPaths(COUNT, seed + 1000, kind).entries()) {
    const query = IncidentQuery.parse(Object.fromEntries(new URL('http://x' + path).searchParams));
    const f = resolveFilters(pickFilters(query), deps);
    if (k === 0 && process.argv.includes('--plan')) {
      const w = whereFor(db, f);
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT i.id FROM incident_list i WHERE ${w.sql} ORDER BY i.date_start DESC, i.id DESC LIMIT 51`,
        )
        .all(...w.params) as { detail: string }[];
      console.log(`${kind}: ${path}\n  ${plan.map((p) => p.detail).join('\n  ')}`);
    }
    const c0 = process.cpuUsage();
    pageJson(listIncidentItems(db, f, query, 'page'));
    const c = process.cpuUsage(c0);
    ms.push((c.user + c.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  console.log(
    `${kind.padEnd(11)} ${COUNT} distinct filters: CPU per list mean ${mean.toFixed(2)} ms, p50 ${q(0.5).toFixed(2)}, p95 ${q(0.95).toFixed(2)}, max ${q(1).toFixed(2)} (${Math.round(1000 / mean)} lists/s per core, before HTTP)`,
  );
}
await store.close();
