import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Incident } from '../domain/index.ts';
import { sqliteOf } from './db.ts';
import { insertIncidents, rng, syntheticIncident } from './synthetic.ts';
import { cellDegrees, cellRanges, gridLevel, mapClusters, type Cluster } from './clusters.ts';
import type { ResolvedFilters } from './resolve.ts';

let dir: string;
let store: SqliteStore;
let all: Incident[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-clusters-'));
  store = await SqliteStore.open(join(dir, 'c.db'));
  const r = rng(11);
  all = Array.from({ length: 1200 }, (_, i) => syntheticIncident(r, i));
  for (let i = 0; i < 10; i++) all.push({ ...syntheticIncident(r, 9000 + i), place: null });
  insertIncidents(sqliteOf(store), all);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The clusters computed in plain JS from the incidents: the reference. */
function reference(incs: Incident[], f: ResolvedFilters, zoom: number): Cluster[] {
  const level = gridLevel(f, zoom) ?? zoom;
  const cell = cellDegrees(zoom);
  const cells = new Map<string, Incident[]>();
  for (const i of incs) {
    if (!i.place) continue;
    if (f.country && !f.country.includes(i.country ?? '')) continue;
    if (f.grade && !f.grade.includes(i.grade)) continue;
    if (f.event_type && !f.event_type.includes(i.event_type)) continue;
    if (f.bbox) {
      // the grid answers with whole cells of its level that overlap the box
      const r = cellRanges(f.bbox, cellDegrees(level));
      const cx = Math.floor((i.place.lon + 180) / cellDegrees(level));
      const cy = Math.floor((i.place.lat + 90) / cellDegrees(level));
      if (cy < r.cy[0] || cy > r.cy[1] || !r.cx.some(([a, b]) => cx >= a && cx <= b)) continue;
    }
    const k = `${Math.floor((i.place.lon + 180) / cell)},${Math.floor((i.place.lat + 90) / cell)}`;
    cells.set(k, [...(cells.get(k) ?? []), i]);
  }
  return [...cells.values()].map((xs) => {
    const grades: Record<string, number> = {};
    for (const x of xs) grades[x.grade] = (grades[x.grade] ?? 0) + 1;
    return {
      lat: xs.reduce((a, x) => a + x.place!.lat, 0) / xs.length,
      lon: xs.reduce((a, x) => a + x.place!.lon, 0) / xs.length,
      count: xs.length,
      grades,
      id: xs.length === 1 ? xs[0].id : null,
    };
  });
}

function expectSame(got: Cluster[], want: Cluster[]): void {
  const byPos = (a: Cluster, b: Cluster) => a.lat - b.lat || a.lon - b.lon;
  got = [...got].sort(byPos);
  want = [...want].sort(byPos);
  expect(got.map((c) => [c.count, c.grades, c.id])).toEqual(want.map((c) => [c.count, c.grades, c.id]));
  got.forEach((c, i) => {
    expect(c.lat).toBeCloseTo(want[i].lat, 4);
    expect(c.lon).toBeCloseTo(want[i].lon, 4);
  });
}

describe('map clusters', () => {
  it('are summed from the grid when only country, grade, type or a box filter', () => {
    expect(gridLevel({}, 3)).toBe(4);
    expect(gridLevel({ country: ['ML'], grade: ['weak'] }, 0)).toBe(0);
    expect(gridLevel({ event_date_from: '2010-01-01' }, 3)).toBeNull();
    expect(gridLevel({ target: ['AQIM'] }, 3)).toBeNull();
    expect(gridLevel({}, 11)).toBeNull();
  });

  it('from the grid equal the incidents grouped in JS, at every zoom', () => {
    const db = sqliteOf(store);
    for (const zoom of [0, 1, 2, 3, 5, 6, 7, 9, 10]) expectSame(mapClusters(db, {}, zoom), reference(all, {}, zoom));
    const f: ResolvedFilters = { country: ['ML', 'SO'], grade: ['weak', 'confirmed'], event_type: ['drone_strike'] };
    for (const zoom of [2, 5, 8]) expectSame(mapClusters(db, f, zoom), reference(all, f, zoom));
  });

  it('within a box, also one across the antimeridian', () => {
    const db = sqliteOf(store);
    for (const bbox of [
      { west: -12, south: 10, east: 5, north: 25 },
      { west: 30, south: -5, east: 50, north: 20 },
      { west: 170, south: -30, east: 45, north: 30 },
    ])
      for (const zoom of [3, 6, 9]) expectSame(mapClusters(db, { bbox }, zoom), reference(all, { bbox }, zoom));
  });

  it('by any other filter group the matching incidents', () => {
    const db = sqliteOf(store);
    const got = mapClusters(db, { event_date_from: '2015-01-01', event_date_to: '2016-12-31' }, 4);
    const want = reference(
      all.filter((i) => i.date && i.date.end >= '2015-01-01' && i.date.start <= '2016-12-31'),
      {},
      4,
    );
    expectSame(got, want);
  });

  it('follow incidents moved, regraded, added and removed through the store', async () => {
    const db = sqliteOf(store);
    mapClusters(db, {}, 6); // fill the cache: it must not serve the old answer
    const moved = all.slice(0, 40).map((i, k) => ({
      ...i,
      grade: k % 2 ? ('confirmed' as const) : i.grade,
      place: i.place && k % 3 ? { ...i.place, lat: i.place.lat + 1.3, lon: i.place.lon - 2.1 } : k % 3 ? i.place : null,
    }));
    const r = rng(99);
    const added = Array.from({ length: 25 }, (_, k) => syntheticIncident(r, 20_000 + k));
    const removed = all.slice(40, 70).map((i) => i.id);
    await store.saveIncidents({ upsert: [...moved, ...added], remove: removed, redirects: [], at: '2026-01-01T00:00:00Z' });
    const now = [...moved, ...all.slice(70), ...added];
    all = now; // later tests see the database as it is now
    for (const zoom of [1, 4, 6, 10]) expectSame(mapClusters(db, {}, zoom), reference(now, {}, zoom));
    const left = (db.prepare('SELECT count(*) AS n FROM incident_grid WHERE n <= 0').get() as { n: number }).n;
    expect(left).toBe(0);
  });
});

describe('bulk loads', () => {
  it('leave the grid as the triggers would', async () => {
    const { bulkInsertIncidents } = await import('./synthetic.ts');
    const d = mkdtempSync(join(tmpdir(), 'sw-bulk-'));
    const s = await SqliteStore.open(join(d, 'b.db'));
    try {
      const db = sqliteOf(s);
      const r = rng(5);
      const incs = Array.from({ length: 300 }, (_, i) => syntheticIncident(r, i));
      bulkInsertIncidents(db, incs, 100);
      expectSame(mapClusters(db, {}, 4), reference(incs, {}, 4));
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'incident_grid%'").all();
      expect(names).toHaveLength(3);
    } finally {
      await s.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('filtered map views', () => {
  it('cut a cached world view to each box at wide zooms, whole cells as the grid does', () => {
    const db = sqliteOf(store);
    const dated = all.filter((i) => i.date && i.date.end >= '2008-01-01' && i.date.start <= '2019-12-31');
    const f = { event_date_from: '2008-01-01', event_date_to: '2019-12-31' };
    for (const bbox of [
      { west: -12, south: 10, east: 5, north: 25 },
      { west: 170, south: -30, east: 45, north: 30 },
    ])
      for (const zoom of [2, 4, 6]) expectSame(mapClusters(db, { ...f, bbox }, zoom), reference(dated, { bbox }, zoom));
  });

  it('put the box in the SQL at deeper zooms (incidents inside it only)', () => {
    const db = sqliteOf(store);
    const bbox = { west: 40, south: 0, east: 46, north: 5 };
    const got = mapClusters(db, { event_date_from: '2003-01-01', bbox }, 8);
    const inside = all.filter((i) => i.place && i.date && i.date.end >= '2003-01-01' && i.place.lat >= 0 && i.place.lat <= 5 && i.place.lon >= 40 && i.place.lon <= 46);
    expect(inside.length).toBeGreaterThan(0);
    expectSame(got, reference(inside, {}, 8));
  });
});
