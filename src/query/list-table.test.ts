import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { AttributionStatus, Incident } from '../domain/index.ts';
import { haversineKm, sqliteOf } from './db.ts';
import { bulkInsertIncidents, rng, syntheticIncident } from './synthetic.ts';
import { listIncidents, withActors, type IncidentSummary } from './incidents.ts';
import { Paging, type IncidentFilters } from './filters.ts';
import { resolveFilters } from './resolve.ts';
import { walkCell } from './walk-pages.ts';

/**
 * incident_list and incident_actor_dates (migration 11) are derived from incidents and
 * incident_actors by triggers. These tests write through the real store and check the derived
 * rows against the ones assembled from the source tables, and the pages read through the
 * actor and place walks against the same filters evaluated in plain JS, in order.
 */

let dir: string;
let store: SqliteStore;
let all: Incident[];
const AT = '2026-01-01T00:00:00Z';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-list-'));
  store = await SqliteStore.open(join(dir, 'l.db'));
  const r = rng(11);
  all = Array.from({ length: 1200 }, (_, i) => syntheticIncident(r, i));
  // undated incidents with actors: the walks' undated phase must find them
  for (let i = 0; i < 15; i++) all.push({ ...syntheticIncident(r, 7000 + i), date: null });
  await store.saveIncidents({ upsert: all, remove: [], redirects: [], at: AT });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** List rows as assembled from the source tables (the incidents row and its actor rows). */
function fromSources(): IncidentSummary[] {
  const db = sqliteOf(store);
  const rows = db
    .prepare(
      `SELECT id, grade, event_type, date_start, date_end, country, admin1, json_extract(body, '$.place.name') AS place, lat, lon, radius_km,
       killed_low, killed_best, killed_high, civilians_best, sources FROM incidents ORDER BY id`,
    )
    .all() as Parameters<typeof withActors>[1];
  return withActors(db, rows);
}

function fromList(): IncidentSummary[] {
  const db = sqliteOf(store);
  // same rowid as the incident: the R*Tree joins list rows by it
  const n = db
    .prepare(
      'SELECT count(*) AS n FROM incident_list l JOIN incidents i ON i.rowid = l.rowid AND i.id = l.id',
    )
    .get() as { n: number };
  expect(n.n).toBe((db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n);
  const rows = db
    .prepare(
      `SELECT id, grade, event_type, date_start, date_end, country, admin1, place, lat, lon, radius_km, killed_low, killed_best, killed_high,
       civilians_best, sources, targets, belligerents FROM incident_list ORDER BY id`,
    )
    .all() as (Record<string, unknown> & { targets: string; belligerents: string })[];
  return rows.map(
    (r) =>
      ({ ...r, targets: JSON.parse(r.targets), belligerents: JSON.parse(r.belligerents) }) as IncidentSummary,
  );
}

/**
 * The ready JSON items of migration 13, one per list row (same rowid), parsed; their keys in
 * the order of a list row's fields.
 */
function fromItems(): IncidentSummary[] {
  const db = sqliteOf(store);
  const rows = db
    .prepare(
      'SELECT j.item FROM incident_list l JOIN incident_list_items j ON j.rowid = l.rowid ORDER BY l.id',
    )
    .pluck()
    .all() as string[];
  expect(rows.length).toBe((db.prepare('SELECT count(*) AS n FROM incident_list_items').get() as { n: number }).n);
  const items = rows.map((s) => JSON.parse(s) as IncidentSummary);
  for (const it of items) expect(Object.keys(it)).toEqual(LIST_FIELDS);
  return items;
}

const LIST_FIELDS = [
  'id', 'grade', 'event_type', 'date_start', 'date_end', 'country', 'admin1', 'place', 'lat', 'lon', 'radius_km',
  'killed_low', 'killed_best', 'killed_high', 'civilians_best', 'sources', 'targets', 'belligerents',
];

function actorDates(): string[] {
  return (
    sqliteOf(store)
      .prepare('SELECT role, actor_id, day, id, status, list_rowid FROM incident_actor_dates')
      .all() as Record<string, unknown>[]
  )
    .map((r) => JSON.stringify(r))
    .sort();
}

function actorDatesFromSources(): string[] {
  return (
    sqliteOf(store)
      .prepare(
        `SELECT a.role, a.actor_id, coalesce(i.date_start, '') AS day, i.id, a.status, i.rowid AS list_rowid
         FROM incident_actors a JOIN incidents i ON i.id = a.incident_id`,
      )
      .all() as Record<string, unknown>[]
  )
    .map((r) => JSON.stringify(r))
    .sort();
}

/** The rows of incident_walks (migration 14), without their items, and whether each item is its list row's. */
function walks(): string[] {
  const db = sqliteOf(store);
  const bad = db
    .prepare(
      `SELECT count(*) AS n FROM incident_walks w JOIN incident_list l ON l.id = w.id
       JOIN incident_list_items j ON j.rowid = l.rowid WHERE w.item != j.item`,
    )
    .get() as { n: number };
  expect(bad.n).toBe(0);
  return (
    db
      .prepare('SELECT path, key, date_start, id, date_end, country, grade, lat, status FROM incident_walks')
      .raw(true)
      .all() as unknown[][]
  )
    .map((r) => JSON.stringify(r))
    .sort();
}

/** The rows incident_walks should hold, from the incidents themselves (the cell as migration 14 draws it). */
function walksFromSources(): string[] {
  const out: string[] = [];
  for (const inc of all) {
    const base = [inc.date?.start ?? '', inc.id, inc.date?.end ?? null, inc.country, inc.grade, inc.place?.lat ?? null];
    const row = (path: string, key: string | number, status: string | null = null) =>
      out.push(JSON.stringify([path, key, ...base, status]));
    row('d', '');
    if (inc.country) row('c', inc.country);
    for (const t of new Set(inc.targets.map((t) => t.id))) row('t', t);
    for (const a of inc.attributions) row('b', a.actor.id, a.status);
    if (inc.place) row('g', walkCell(inc.place.lat, inc.place.lon));
  }
  return out.sort();
}

/** The reference: filters in JS, newest first, undated last (or the reverse), ties by id. */
function reference(f: IncidentFilters, sort: 'date_desc' | 'date_asc'): string[] {
  const hit = all.filter((inc) => {
    if (f.event_date_from && !(inc.date && inc.date.end >= f.event_date_from)) return false;
    if (f.event_date_to && !(inc.date && inc.date.start <= f.event_date_to)) return false;
    if (f.country && !f.country.includes(inc.country ?? '')) return false;
    if (f.grade && !f.grade.includes(inc.grade)) return false;
    if (f.target && !inc.targets.some((t) => f.target!.includes(t.id))) return false;
    if (f.belligerent || f.status) {
      const ok = inc.attributions.some(
        (a) =>
          (!f.belligerent || f.belligerent.includes(a.actor.id)) &&
          (!f.status || f.status.includes(a.status)),
      );
      if (!ok) return false;
    }
    if (f.near) {
      if (!inc.place) return false;
      const d = haversineKm(inc.place.lat, inc.place.lon, f.near.lat, f.near.lon);
      if (d > f.near.km + Math.min(inc.place.radius_km, f.near.km)) return false;
    }
    if (f.bbox) {
      const b = f.bbox;
      if (!inc.place || inc.place.lat < b.south || inc.place.lat > b.north) return false;
      const lon = inc.place.lon;
      if (b.west <= b.east ? lon < b.west || lon > b.east : lon < b.west && lon > b.east) return false;
    }
    return true;
  });
  const key = (i: Incident) => [i.date?.start ?? '', i.id] as const;
  hit.sort((a, b) => {
    const [da, ia] = key(a);
    const [db, ib] = key(b);
    return da < db ? -1 : da > db ? 1 : ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const ids = hit.map((i) => i.id);
  return sort === 'date_asc' ? ids : ids.reverse();
}

function walk(f: IncidentFilters, sort: 'date_desc' | 'date_asc', limit: number): string[] {
  const db = sqliteOf(store);
  const out: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 200; guard++) {
    const page = listIncidents(db, resolveFilters(f), Paging.parse({ limit, sort, cursor }));
    out.push(...page.items.map((i) => i.id));
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return out;
}

const FILTERS: IncidentFilters[] = [
  { target: ['AQIM'] },
  { target: ['Islamic State', 'AQIM', 'HTS'] },
  { target: ['al-Shabaab'], event_date_from: '2010-01-01', event_date_to: '2016-12-31' },
  { target: ['Taliban', 'TTP'], country: ['PK'], grade: ['weak', 'confirmed'] },
  { belligerent: ['US'], status: ['acknowledged', 'alleged'] as AttributionStatus[], country: ['SO', 'YE'] },
  { belligerent: ['FR', 'TR'], event_date_from: '2012-06-01' },
  { target: ['Islamic State'], belligerent: ['RU', 'US'], event_date_to: '2019-12-31' },
  { target: ['nobody'] },
  { target: ['Islamic State'], event_date_to: '2014-06-30' },
  { belligerent: ['US', 'SA'], event_date_from: '2020-01-03' },
  { near: { lat: 17.5, lon: -2.5, km: 150 } },
  { near: { lat: 2.5, lon: 43.5, km: 80 }, event_date_from: '2008-01-01', event_date_to: '2018-12-31' },
  { near: { lat: 33, lon: 70, km: 300 }, target: ['Taliban', 'TTP'], event_date_to: '2015-06-30' },
  { bbox: { west: 40, south: 0, east: 47, north: 5 }, grade: ['weak'] },
  { bbox: { west: 60, south: 25, east: -170, north: 40 }, event_date_from: '2011-01-01' },
  { near: { lat: -40, lon: -120, km: 50 } },
  {},
  { event_date_to: '2009-03-31' },
  { event_date_from: '2015-02-01', event_date_to: '2016-07-31' },
  { country: ['ML'], event_date_from: '2011-01-01', event_date_to: '2013-12-31' },
  { country: ['SO', 'YE'], grade: ['weak'] },
  { country: ['AF'], event_date_to: '2006-12-31' },
  { near: { lat: 15, lon: 46, km: 40 }, event_date_from: '2004-01-01', event_date_to: '2020-12-31' },
  { near: { lat: 12.5, lon: 0.5, km: 25 } },
];

describe('incident list tables', () => {
  it('hold what the source tables say after inserts', () => {
    expect(fromList()).toEqual(fromSources());
    expect(fromItems()).toEqual(fromSources());
    expect(actorDates()).toEqual(actorDatesFromSources());
    expect(walks()).toEqual(walksFromSources());
  });

  it('follow incidents redated, re-targeted, re-attributed and removed through the store', async () => {
    const r = rng(5);
    const changed = all.slice(0, 60).map((inc, k) => ({
      ...inc,
      grade: k % 2 ? ('confirmed' as const) : inc.grade,
      date: k % 5 === 0 ? null : inc.date && { ...inc.date, start: '2001-02-03', end: '2001-02-05' },
      targets: k % 3 === 0 ? [{ id: 'HTS', name: 'HTS' }, ...inc.targets] : k % 3 === 1 ? [] : inc.targets,
      attributions:
        k % 4 === 0
          ? inc.attributions.map((a) => ({ ...a, status: 'acknowledged' as const }))
          : inc.attributions,
      place: k % 7 === 0 ? null : inc.place,
    }));
    const added = Array.from({ length: 20 }, (_, k) => syntheticIncident(r, 30_000 + k));
    const removed = all.slice(60, 90).map((i) => i.id);
    await store.saveIncidents({ upsert: [...changed, ...added], remove: removed, redirects: [], at: AT });
    all = [...changed, ...all.slice(90), ...added];
    expect(fromList()).toEqual(fromSources());
    expect(fromItems()).toEqual(fromSources());
    expect(actorDates()).toEqual(actorDatesFromSources());
    expect(walks()).toEqual(walksFromSources());
    expect(fromList().length).toBe(all.length);
  });

  it('are rebuilt whole by a bulk load, with their triggers back', async () => {
    const db = sqliteOf(store);
    const r = rng(8);
    const more = Array.from({ length: 300 }, (_, k) => syntheticIncident(r, 40_000 + k));
    bulkInsertIncidents(db, more);
    all = [...all, ...more];
    expect(fromList()).toEqual(fromSources());
    expect(fromItems()).toEqual(fromSources());
    expect(actorDates()).toEqual(actorDatesFromSources());
    expect(walks()).toEqual(walksFromSources());
    const triggers = db
      .prepare(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'incident_list_%'",
      )
      .get() as { n: number };
    expect(triggers.n).toBe(13); // migration 11's 7, migration 13's 3, migration 14's 3
  });
});

describe('pages of an actor or a place, read by walks', () => {
  for (const f of FILTERS) {
    for (const sort of ['date_desc', 'date_asc'] as const) {
      it(`give the reference order with cursors: ${JSON.stringify(f)} ${sort}`, () => {
        const want = reference(f, sort);
        expect(walk(f, sort, 37)).toEqual(want);
      });
    }
  }

  it('agree with page numbers, and count up to the cap', () => {
    const db = sqliteOf(store);
    for (const f of FILTERS) {
      const want = reference(f, 'date_desc');
      for (const page of [1, 2, 5]) {
        const p = listIncidents(db, resolveFilters(f), Paging.parse({ limit: 20, page }));
        expect(p.items.map((i) => i.id)).toEqual(want.slice((page - 1) * 20, page * 20));
        expect(p.total).toBe(Math.min(want.length, 100));
        expect(p.total_exact).toBe(want.length <= 100);
      }
    }
  });
});
