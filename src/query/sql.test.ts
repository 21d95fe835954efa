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
