import type Database from 'better-sqlite3';
import type { AttributionStatus, EventType, Grade, Incident } from '../domain/index.ts';
import { withoutGridTriggers } from './grid.ts';
import { withoutListTriggers } from './list-table.ts';

/**
 * Synthetic incidents for benchmarks and tests of the query layer, written straight into the
 * migration-3 tables in one transaction (the corroboration stage writes the same rows in
 * production). Seeded, so two runs give the same database.
 */

/** mulberry32: a tiny seeded PRNG (public domain, Tommy Ettinger). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Theatre {
  country: string;
  admin1: string[];
  lat: number;
  lon: number;
  spread: number;
  targets: string[];
  belligerents: string[];
}

/** Rough theatres of air and drone wars (centres and spreads in degrees, made up for load). */
const THEATRES: Theatre[] = [
  { country: 'ML', admin1: ['Tombouctou', 'Gao', 'Kidal', 'Mopti'], lat: 17.5, lon: -2.5, spread: 3, targets: ['AQIM', 'JNIM', 'Islamic State'], belligerents: ['FR', 'ML', 'US'] },
  { country: 'SO', admin1: ['Middle Juba', 'Lower Shabelle', 'Bay'], lat: 2.5, lon: 43.5, spread: 2.5, targets: ['al-Shabaab', 'Islamic State'], belligerents: ['US', 'SO', 'KE', 'TR'] },
  { country: 'YE', admin1: ['Shabwah', 'Marib', 'Al Bayda'], lat: 15, lon: 46, spread: 2, targets: ['AQAP', 'Houthis'], belligerents: ['US', 'SA', 'AE'] },
  { country: 'PK', admin1: ['Khyber Pakhtunkhwa'], lat: 33, lon: 70, spread: 1, targets: ['TTP', 'Taliban', 'al-Qaeda'], belligerents: ['US', 'PK'] },
  { country: 'AF', admin1: ['Nangarhar', 'Kunduz', 'Helmand'], lat: 34, lon: 67, spread: 3, targets: ['Taliban', 'Islamic State'], belligerents: ['US', 'AF'] },
  { country: 'SY', admin1: ['Idlib', 'Deir ez-Zor', 'Raqqa'], lat: 35, lon: 39, spread: 2, targets: ['Islamic State', 'HTS'], belligerents: ['US', 'RU', 'SY', 'TR'] },
  { country: 'LY', admin1: ['Tripoli', 'Fezzan'], lat: 29, lon: 15, spread: 4, targets: ['Islamic State'], belligerents: ['US', 'AE', 'TR'] },
  { country: 'NG', admin1: ['Borno', 'Zamfara'], lat: 12, lon: 11, spread: 2, targets: ['Boko Haram', 'ISWAP'], belligerents: ['NG'] },
  { country: 'BF', admin1: ['Est', 'Sahel'], lat: 12.5, lon: 0.5, spread: 2, targets: ['JNIM', 'Islamic State'], belligerents: ['BF', 'FR'] },
];
const GRADES: Grade[] = ['confirmed', 'fair', 'weak', 'weak', 'weak', 'contested', 'discounted'];
const TYPES: EventType[] = ['drone_strike', 'drone_strike', 'airstrike', 'airstrike', 'missile_strike', 'air_raid_unspecified'];
const STATUSES: AttributionStatus[] = ['acknowledged', 'alleged', 'alleged', 'suspected', 'unknown', 'denied'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The i-th synthetic incident of a seeded series. */
export function syntheticIncident(r: () => number, i: number): Incident {
  const th = pick(r, THEATRES);
  const start = Date.UTC(2002, 0, 1) + Math.floor(r() * 24 * 365) * 86_400_000;
  const span = r() < 0.7 ? 0 : Math.floor(r() * 7);
  const lat = th.lat + (r() - 0.5) * 2 * th.spread;
  const lon = th.lon + (r() - 0.5) * 2 * th.spread;
  const killed = r() < 0.2 ? null : Math.floor(r() * 40);
  const bell = pick(r, th.belligerents);
  const target = pick(r, th.targets);
  const dateStart = day(start);
  const est = (n: number | null) => ({ low: n, best: n, high: n === null ? null : n + Math.floor(n / 3), claims: [] });
  return {
    id: `SW-${th.country}-${dateStart.slice(0, 4)}-${String(i).padStart(7, '0')}`,
    grade: pick(r, GRADES),
    grade_explanation: 'synthetic',
    event_type: pick(r, TYPES),
    date: { start: dateStart, end: day(start + span * 86_400_000), precision: span ? 'days' : 'day' },
    place: {
      name: `${pick(r, th.admin1)} area`,
      span: null,
      geonames_id: null,
      canonical_name: null,
      country: th.country,
      admin1: pick(r, th.admin1),
      lat,
      lon,
      radius_km: pick(r, [5, 10, 25, 50, 150]),
      precision: 'town',
    },
    country: th.country,
    killed: est(killed),
    injured: est(null),
    civilians_killed: est(killed === null ? null : Math.floor(killed * r() * 0.5)),
    targets: [{ id: target, name: target }],
    attributions: [{ actor: { id: bell, name: bell }, status: pick(r, STATUSES), stances: [] }],
    report_ids: [],
    independent_sources: 1 + Math.floor(r() * 4),
    locks: {},
    assessments: [],
    redirected_from: [],
  };
}

/** Writes incidents with their actor rows, in one transaction. */
export function insertIncidents(db: Database.Database, incidents: Iterable<Incident>): number {
  const ins = db.prepare(
    `INSERT INTO incidents (id, grade, event_type, date_start, date_end, country, admin1, lat, lon, radius_km,
       killed_low, killed_best, killed_high, civilians_best, sources, updated_at, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const actor = db.prepare('INSERT OR IGNORE INTO incident_actors (incident_id, actor_id, role, status) VALUES (?, ?, ?, ?)');
  const link = db.prepare('INSERT OR REPLACE INTO incident_reports (incident_id, report_id) VALUES (?, ?)');
  const now = new Date().toISOString();
  let n = 0;
  db.transaction(() => {
    for (const inc of incidents) {
      ins.run(
        inc.id,
        inc.grade,
        inc.event_type,
        inc.date?.start ?? null,
        inc.date?.end ?? null,
        inc.country,
        inc.place?.admin1 ?? null,
        inc.place?.lat ?? null,
        inc.place?.lon ?? null,
        inc.place?.radius_km ?? null,
        inc.killed.low,
        inc.killed.best,
        inc.killed.high,
        inc.civilians_killed.best,
        inc.independent_sources,
        now,
        JSON.stringify(inc),
      );
      for (const t of inc.targets) actor.run(inc.id, t.id, 'target', null);
      for (const a of inc.attributions) actor.run(inc.id, a.actor.id, 'belligerent', a.status);
      for (const rid of inc.report_ids) link.run(inc.id, rid);
      n++;
    }
  })();
  return n;
}

/**
 * Bulk load for benchmarks: drops the indexes of the incident tables, inserts, and builds
 * them again once (much faster than updating them row by row), the map grid and the list tables
 * likewise, then ANALYZE.
 */
export function bulkInsertIncidents(db: Database.Database, incidents: Iterable<Incident>, batch = 50_000): number {
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('incidents', 'incident_actors')")
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
  const n = withoutListTriggers(db, () =>
    withoutGridTriggers(db, () => {
      let count = 0;
      let chunk: Incident[] = [];
      for (const inc of incidents) {
        chunk.push(inc);
        if (chunk.length >= batch) {
          count += insertIncidents(db, chunk);
          chunk = [];
        }
      }
      return count + insertIncidents(db, chunk);
    }),
  );
  for (const ix of indexes) db.exec(ix.sql);
  db.exec('ANALYZE');
  return n;
}
