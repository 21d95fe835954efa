import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Incident } from '../domain/index.ts';
import { sqliteOf } from './db.ts';
import { insertIncidents, rng, syntheticIncident } from './synthetic.ts';
import { buildWhere } from './sql.ts';
import { actorsAreRare } from './incidents.ts';
import type { ResolvedFilters } from './resolve.ts';

let dir: string;
let store: SqliteStore;
let all: Incident[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-sql-'));
  store = await SqliteStore.open(join(dir, 's.db'));
  const r = rng(3);
  all = Array.from({ length: 800 }, (_, i) => syntheticIncident(r, i));
  insertIncidents(sqliteOf(store), all);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function ids(f: ResolvedFilters, rare: boolean): string[] {
  const w = buildWhere(f, { rareActors: () => rare });
  expect(Boolean(w.selective)).toBe(rare && Boolean(f.target || f.belligerent));
  const rows = sqliteOf(store).prepare(`SELECT i.id FROM incidents i WHERE ${w.sql} ORDER BY i.id`).all(...w.params) as { id: string }[];
  return rows.map((r) => r.id);
}

describe('actor filters', () => {
  const cases: ResolvedFilters[] = [
    { target: ['AQIM'] },
    { target: ['AQIM', 'al-Shabaab'], country: ['ML', 'SO'] },
    { belligerent: ['US'] },
    { belligerent: ['US', 'FR'], status: ['acknowledged', 'alleged'] },
    { status: ['denied'] },
    { target: ['Taliban'], belligerent: ['US'], event_date_from: '2010-01-01' },
  ];

  it('read from the actor index or tested per incident, give the same incidents as JS', () => {
    for (const f of cases) {
      const want = all
        .filter((i) => !f.target || i.targets.some((t) => f.target!.includes(t.id)))
        .filter((i) => !f.country || f.country.includes(i.country ?? ''))
        .filter((i) => !f.event_date_from || (i.date && i.date.end >= f.event_date_from))
        .filter(
          (i) =>
            (!f.belligerent && !f.status) ||
            i.attributions.some((a) => (!f.belligerent || f.belligerent.includes(a.actor.id)) && (!f.status || f.status.includes(a.status))),
        )
        .map((i) => i.id)
        .sort();
      expect(want.length).toBeGreaterThan(0);
      expect(ids(f, true)).toEqual(want);
      expect(ids(f, false)).toEqual(want);
    }
  });

  it('count as rare only up to the threshold', () => {
    const db = sqliteOf(store);
    expect(actorsAreRare(db, 'target', ['AQIM'])).toBe(true); // 800 incidents in all
    expect(actorsAreRare(db, 'belligerent', ['nobody'])).toBe(true);
  });
});

describe('near a point between two dates (the R*Tree holds the date window)', () => {
  const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
    const rad = Math.PI / 180;
    const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
  };
  const near = { lat: 17.5, lon: -2.5, km: 150 };
  const expected = (incs: Incident[], from: string, to: string) =>
    incs
      .filter((i) => i.place && i.date && i.date.end >= from && i.date.start <= to)
      .filter((i) => km(near, i.place!) <= near.km + Math.min(i.place!.radius_km ?? 0, near.km))
      .map((i) => i.id)
      .sort();
  const query = (from: string, to: string) => {
    const w = buildWhere({ near, event_date_from: from, event_date_to: to });
    expect(w.sql).toContain('max_day >= ?');
    return (sqliteOf(store).prepare(`SELECT i.id FROM incidents i WHERE ${w.sql} ORDER BY i.id`).all(...w.params) as { id: string }[]).map((r) => r.id);
  };

  it('finds what the haversine test in JS finds', () => {
    for (const [from, to] of [
      ['2005-01-01', '2009-12-31'],
      ['2016-03-10', '2016-03-20'],
      ['2002-01-01', '2030-01-01'],
    ]) {
      const want = expected(all, from, to);
      expect(query(from, to)).toEqual(want);
    }
    expect(expected(all, '2005-01-01', '2009-12-31').length).toBeGreaterThan(0);
  });

  it('follows an incident whose date changes', async () => {
    const inc = all.find((i) => i.place && km(near, i.place) < 100 && i.date && i.date.start < '2010-01-01')!;
    expect(query('2031-01-01', '2031-12-31')).toEqual([]);
    const moved = { ...inc, date: { start: '2031-06-01', end: '2031-06-02', precision: 'days' as const } };
    await store.saveIncidents({ upsert: [moved], remove: [], redirects: [], at: '2026-01-01T00:00:00Z' });
    all = all.map((i) => (i.id === inc.id ? moved : i));
    expect(query('2031-01-01', '2031-12-31')).toEqual([inc.id]);
    expect(query('2002-01-01', '2030-12-31')).not.toContain(inc.id);
  });
});
