import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Incident } from '../domain/index.ts';
import { sqliteOf, haversineKm } from './db.ts';
import { insertIncidents, rng, syntheticIncident } from './synthetic.ts';
import { listIncidents, countIncidents, TOTAL_CAP } from './incidents.ts';
import { IncidentFilters, Paging } from './filters.ts';
import { resolveFilters } from './resolve.ts';
import { statistics } from './stats.ts';
import { mapClusters } from './clusters.ts';

let dir: string;
let store: SqliteStore;
let all: Incident[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-query-'));
  store = await SqliteStore.open(join(dir, 'q.db'));
  const r = rng(7);
  all = Array.from({ length: 1500 }, (_, i) => syntheticIncident(r, i));
  // A few undated, unplaced incidents: pagination and filters must handle NULLs.
  for (let i = 0; i < 20; i++) all.push({ ...syntheticIncident(r, 5000 + i), date: null, place: null });
  insertIncidents(sqliteOf(store), all);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The same filters evaluated in plain JS over the generated incidents: the reference. */
function matches(inc: Incident, f: IncidentFilters): boolean {
  if (f.event_date_from && !(inc.date && inc.date.end >= f.event_date_from)) return false;
  if (f.event_date_to && !(inc.date && inc.date.start <= f.event_date_to)) return false;
  if (f.country && !f.country.includes(inc.country ?? '')) return false;
  if (f.grade && !f.grade.includes(inc.grade)) return false;
  if (f.event_type && !f.event_type.includes(inc.event_type)) return false;
  if (f.min_killed !== undefined && !(inc.killed.best !== null && inc.killed.best >= f.min_killed)) return false;
  if (f.target && !inc.targets.some((t) => f.target!.includes(t.id))) return false;
  if (f.belligerent || f.status) {
    const ok = inc.attributions.some(
      (a) => (!f.belligerent || f.belligerent.includes(a.actor.id)) && (!f.status || f.status.includes(a.status)),
    );
    if (!ok) return false;
  }
  if (f.near) {
    if (!inc.place) return false;
    const d = haversineKm(inc.place.lat, inc.place.lon, f.near.lat, f.near.lon);
    if (d > f.near.km + Math.min(inc.place.radius_km, f.near.km)) return false;
  }
  return true;
}

const filterArb = fc.record(
  {
    event_date_from: fc.constantFrom('2005-01-01', '2012-06-15', '2020-03-01'),
    event_date_to: fc.constantFrom('2010-12-31', '2016-01-01', '2030-01-01'),
    country: fc.subarray(['ML', 'SO', 'YE', 'PK', 'SY'], { minLength: 1 }),
    grade: fc.subarray(['confirmed', 'fair', 'weak', 'contested', 'discounted'] as const, { minLength: 1 }),
    event_type: fc.subarray(['drone_strike', 'airstrike', 'missile_strike'] as const, { minLength: 1 }),
    min_killed: fc.integer({ min: 0, max: 40 }),
    target: fc.subarray(['AQIM', 'al-Shabaab', 'Taliban', 'Islamic State'], { minLength: 1 }),
    belligerent: fc.subarray(['US', 'FR', 'RU'], { minLength: 1 }),
    status: fc.subarray(['acknowledged', 'alleged', 'suspected'] as const, { minLength: 1 }),
    near: fc.record({
      lat: fc.double({ min: 0, max: 36, noNaN: true }),
      lon: fc.double({ min: -5, max: 70, noNaN: true }),
      km: fc.integer({ min: 20, max: 800 }),
    }),
  },
  { requiredKeys: [] },
);

describe('incident filters', () => {
  it('match the plain-JS reference for any combination', () => {
    const db = sqliteOf(store);
    fc.assert(
      fc.property(filterArb, (raw) => {
        const f = IncidentFilters.parse(raw);
        if (f.event_date_from && f.event_date_to && f.event_date_from > f.event_date_to) {
          expect(() => resolveFilters(f)).toThrow(/is after/);
          return;
        }
        const want = all.filter((i) => matches(i, f)).map((i) => i.id).sort();
        const page = listIncidents(db, resolveFilters(f), Paging.parse({ limit: 500 }));
        const got = page.items.map((i) => i.id).sort();
        expect(countIncidents(db, resolveFilters(f))).toBe(want.length);
        expect(page.total).toBe(Math.min(want.length, TOTAL_CAP));
        expect(page.total_exact).toBe(want.length <= TOTAL_CAP);
        if (want.length <= 500) expect(got).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });

  it('parse query-string shapes: comma lists, lat,lon,km and lower-case countries', () => {
    const f = IncidentFilters.parse({ country: 'ml,so', near: '17.5,-2.5,100', grade: 'weak', min_killed: '3' });
    expect(f).toMatchObject({ country: ['ML', 'SO'], near: { lat: 17.5, lon: -2.5, km: 100 }, grade: ['weak'], min_killed: 3 });
    expect(IncidentFilters.safeParse({ grade: 'excellent' }).success).toBe(false);
    expect(IncidentFilters.safeParse({ near: '91,0,10' }).success).toBe(false);
    expect(IncidentFilters.safeParse({ event_date_from: '2012-6-1' }).success).toBe(false);
  });
});

describe('pagination', () => {
  for (const sort of ['date_desc', 'date_asc'] as const) {
    it(`walks every incident once with cursors (${sort}), undated ones included`, () => {
      const db = sqliteOf(store);
      const seen: string[] = [];
      let cursor: string | undefined;
      let dates: (string | null)[] = [];
      for (let guard = 0; guard < 100; guard++) {
        const page = listIncidents(db, {}, Paging.parse({ limit: 97, sort, cursor }));
        seen.push(...page.items.map((i) => i.id));
        dates = dates.concat(page.items.map((i) => i.date_start));
        if (!page.next_cursor) break;
        cursor = page.next_cursor;
      }
      expect(seen.length).toBe(all.length);
      expect(countIncidents(db, {})).toBe(all.length);
      expect(new Set(seen).size).toBe(all.length);
      const dated = dates.filter((d): d is string => d !== null);
      const sorted = [...dated].sort();
      expect(dated).toEqual(sort === 'date_asc' ? sorted : sorted.reverse());
      // undated incidents come last when newest-first, first when oldest-first
      if (sort === 'date_desc') expect(dates.slice(-20).every((d) => d === null)).toBe(true);
      else expect(dates.slice(0, 20).every((d) => d === null)).toBe(true);
    });
  }

  it('pages by number like ACLED and agrees with the cursor walk', () => {
    const db = sqliteOf(store);
    const p1 = listIncidents(db, { country: ['ML'] }, Paging.parse({ limit: 10, page: 1 }));
    const p2 = listIncidents(db, { country: ['ML'] }, Paging.parse({ limit: 10, page: 2 }));
    const c2 = listIncidents(db, { country: ['ML'] }, Paging.parse({ limit: 10, cursor: p1.next_cursor! }));
    expect(c2.items.map((i) => i.id)).toEqual(p2.items.map((i) => i.id));
  });

  it('rejects a forged cursor with a clear error', () => {
    expect(() => listIncidents(sqliteOf(store), {}, Paging.parse({ cursor: 'bm90LWEtY3Vyc29y' }))).toThrow(/cursor/);
  });
});

describe('statistics and clusters', () => {
  it('count per year sums to the dated incidents, stacks sum to each bucket', () => {
    const db = sqliteOf(store);
    const s = statistics(db, {}, 'year', 'grade');
    const total = s.buckets.reduce((a, b) => a + b.incidents, 0);
    expect(total).toBe(all.filter((i) => i.date).length);
    for (const b of s.buckets) expect(Object.values(b.stacks!).reduce((a, n) => a + n, 0)).toBe(b.incidents);
    const y2012 = all.filter((i) => i.date?.start.startsWith('2012')).length;
    expect(s.buckets.find((b) => b.key === '2012')?.incidents).toBe(y2012);
  });

  it('civilians killed are summed beside killed', () => {
    const s = statistics(sqliteOf(store), { country: ['YE'] }, 'year');
    const y = s.buckets.find((b) => b.key === '2015')!;
    const inYear = all.filter((i) => i.country === 'YE' && i.date?.start.startsWith('2015'));
    expect(y.civilians).toBe(inYear.reduce((a, i) => a + (i.civilians_killed.best ?? 0), 0));
    expect(y.killed).toBe(inYear.reduce((a, i) => a + (i.killed.best ?? 0), 0));
    expect(y.civilians).toBeGreaterThan(0);
    expect(y.civilians).toBeLessThanOrEqual(y.killed);
  });

  it('weeks start on Monday', () => {
    const s = statistics(sqliteOf(store), {}, 'week');
    for (const b of s.buckets.slice(0, 50)) expect(new Date(b.key + 'T00:00:00Z').getUTCDay()).toBe(1);
  });

  it('clusters hold every placed incident, fewer cells at low zoom', () => {
    const db = sqliteOf(store);
    const placed = all.filter((i) => i.place).length;
    const z2 = mapClusters(db, {}, 2);
    const z8 = mapClusters(db, {}, 8);
    expect(z2.reduce((a, c) => a + c.count, 0)).toBe(placed);
    expect(z8.reduce((a, c) => a + c.count, 0)).toBe(placed);
    expect(z2.length).toBeLessThan(z8.length);
    for (const c of z8) expect(Object.values(c.grades).reduce((a, n) => a + n, 0)).toBe(c.count);
  });

  it('counts agree with the list total', () => {
    const db = sqliteOf(store);
    expect(countIncidents(db, { country: ['SO'] })).toBe(all.filter((i) => i.country === 'SO').length);
  });
});
