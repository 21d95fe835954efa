import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { AttributionStatus } from '../domain/index.ts';
import { dataVersion, maxWindowDays, stmt } from './db.ts';
import { decodeCursor, encodeCursor, type CursorBody } from './cursor.ts';
import type { Paging, SortOrder } from './filters.ts';
import type { ResolvedFilters } from './resolve.ts';
import { buildWhere, rtreeSql, shiftDays, type Box, type Where, type WhereOptions } from './sql.ts';
import { LruCache } from './cache.ts';
import { actorCountSql, actorDriver, actorKeysSql, actorPageSql } from './actor-pages.ts';
import { countPlace, placeWalk, walkPlace } from './place-pages.ts';
import { pathWalk, readWalk, type PathWalk, type WalkRow } from './walk-pages.ts';

/** One incident as a list shows it: the flattened columns plus its actors. */
export interface IncidentSummary {
  id: string;
  grade: string;
  event_type: string;
  date_start: string | null;
  date_end: string | null;
  country: string | null;
  admin1: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  radius_km: number | null;
  killed_low: number | null;
  killed_best: number | null;
  killed_high: number | null;
  civilians_best: number | null;
  sources: number;
  targets: string[];
  belligerents: { actor: string; status: AttributionStatus }[];
}

export interface IncidentPage {
  items: IncidentSummary[];
  /**
   * How many match, as far as the count went (see TotalMode); when total_exact is false,
   * more than `total` match.
   */
  total: number;
  total_exact: boolean;
  limit: number;
  page: number | null;
  next_cursor: string | null;
}

type Row = Omit<IncidentSummary, 'targets' | 'belligerents'>;

/** A page whose items are still their JSON text (migration 13), to answer without re-encoding. */
export type IncidentItemsPage = Omit<IncidentPage, 'items'> & { items: string[] };

/**
 * How a list counts its matches. `page`: only as far as the page read (its limit + 1 rows):
 * total is the incidents before and on this page, exact when the list ends here, else a
 * lower bound; free. `capped`: up to TOTAL_CAP from the start of the list (a walk of up to
 * 101 keys, or a count, per page). `exact`: a full count (cached until the data changes).
 */
export const TotalMode = z.enum(['page', 'capped', 'exact']);
export type TotalMode = z.infer<typeof TotalMode>;

/** Beyond this offset a page is read by the plain query (walks would each read offset rows). */
const MAX_WALK_OFFSET = 2_000;

/**
 * What a page reads before its items: the rowid, plus the columns its order needs (a UNION
 * of walks sorts on them). Read plucked: only the rowid reaches JS, no object per row.
 */
const KEYS = 'i.rowid AS rid, i.id, i.date_start';
type Key = number;

/** Filtered, sorted, paginated incidents: by keyset cursor (stable) or by page (ACLED-style). */
export function listIncidents(
  db: Database.Database,
  f: ResolvedFilters,
  paging: Paging,
  count: TotalMode = 'capped',
): IncidentPage {
  const p = listIncidentItems(db, f, paging, count);
  return { ...p, items: p.items.map((s) => JSON.parse(s) as IncidentSummary) };
}

/** The response body of a page: its ready items joined, no parse or stringify of them. */
export function pageJson(p: IncidentItemsPage): string {
  const { items, ...rest } = p;
  const tail = JSON.stringify(rest);
  return `{"items":[${items.join(',')}],${tail.slice(1)}`;
}

/** listIncidents with each item as its JSON text. */
export function listIncidentItems(
  db: Database.Database,
  f: ResolvedFilters,
  paging: Paging,
  count: TotalMode = 'capped',
): IncidentItemsPage {
  const { limit, sort } = paging;
  const byPage = paging.page !== undefined && paging.cursor === undefined;
  const offset = byPage ? (paging.page! - 1) * limit : 0;
  const after = byPage ? null : paging.cursor ? decodeCursor(paging.cursor, sort) : null;
  const path = offset + limit <= MAX_PATH_ROWS ? pathWalkFor(db, f) : null;
  if (path) return pathPage(db, f, path, paging, offset, after, count);
  const walk = offset <= MAX_WALK_OFFSET ? walkFor(db, f) : null;
  const reader = walk ?? plainReader(db, f);
  const read = (want: number) =>
    keysetRows(sort, after, want, (phase, cont, n) => reader.read(sort, phase, cont ? after : null, n, KEYS));
  const first = offset === 0 && after === null;
  let keys: Key[];
  let total: { total: number; total_exact: boolean } | null = null;
  if (first && count === 'capped') {
    // One walk of keys as far as the count's cap gives the page and its capped total,
    // instead of walking the same incidents twice (page, then count).
    keys = read(Math.max(limit + 1, TOTAL_CAP + 1));
    total = capped(keys.length);
    keys = keys.slice(0, limit + 1);
  } else if (walk || !byPage) {
    keys = read(offset + limit + 1).slice(offset);
  } else {
    const where = whereFor(db, f);
    const sql = `SELECT ${KEYS} FROM incident_list i${dateOrderHint(f, where)} WHERE ${where.sql} ${orderBy(sort)} LIMIT ? OFFSET ?`;
    keys = stmt(db, sql).pluck().all(...where.params, limit + 1, offset) as Key[];
  }
  const more = keys.length > limit;
  if (more) keys = keys.slice(0, limit);
  // Incidents before this page: the offset, or what the cursor's pages showed (older cursors
  // do not say).
  const before = byPage || first ? offset : (after?.n ?? null);
  const seen = before === null ? null : before + keys.length;
  if (total === null) {
    if (count === 'exact') total = { total: countIncidents(db, f), total_exact: true };
    else if (count === 'capped') total = reader.total();
    else total = { total: seen ?? keys.length, total_exact: seen !== null && !more };
  }
  const items = itemsOf(db, keys);
  // the cursor holds the last item's key (its JSON holds it: no column read for it)
  const last = more ? (JSON.parse(items[items.length - 1]) as { id: string; date_start: string | null }) : null;
  return {
    items,
    ...total,
    limit,
    page: paging.cursor === undefined ? (paging.page ?? 1) : null,
    next_cursor:
      more && last
        ? encodeCursor({ d: last.date_start, id: last.id, s: sort, ...(seen !== null ? { n: seen } : {}) })
        : null,
  };
}

/** Pages further than this many rows from the start are read by the walks of keys (the path walk reads items too). */
const MAX_PATH_ROWS = 1_000;

const maxDay = (a: string, b: string) => (a > b ? a : b);

function pathWalkFor(db: Database.Database, f: ResolvedFilters): PathWalk | null {
  return pathWalk(
    f,
    (without) => whereFor(db, { ...f, ...without }, { denseBox: () => true, rareActors: () => false }),
    () => {
      const span = dateSpan(db);
      if (!span) return null;
      let { first, last } = span;
      if (f.event_date_from) first = maxDay(first, shiftDays(f.event_date_from, -maxWindowDays(db)));
      if (f.event_date_to && f.event_date_to < last) last = f.event_date_to;
      return first <= last ? { first, last } : null;
    },
  );
}

/** listIncidentItems along a path of incident_walks: the rows carry their items and sort keys. */
function pathPage(
  db: Database.Database,
  f: ResolvedFilters,
  path: PathWalk,
  paging: Paging,
  offset: number,
  after: CursorBody | null,
  count: TotalMode,
): IncidentItemsPage {
  const { limit, sort } = paging;
  const first = offset === 0 && after === null;
  let total: { total: number; total_exact: boolean } | null = null;
  let rows: WalkRow[];
  if (first && count === 'capped') {
    // the rows as far as the count's cap give the page and its capped total at once
    rows = readWalk(db, path, sort, null, Math.max(limit + 1, TOTAL_CAP + 1));
    total = capped(rows.length);
    rows = rows.slice(0, limit + 1);
  } else rows = readWalk(db, path, sort, after, offset + limit + 1).slice(offset);
  const more = rows.length > limit;
  if (more) rows = rows.slice(0, limit);
  const before = first || after === null ? offset : (after.n ?? null);
  const seen = before === null ? null : before + rows.length;
  if (total === null) {
    if (count === 'exact') total = { total: countIncidents(db, f), total_exact: true };
    else if (count === 'capped') total = (walkFor(db, f) ?? plainReader(db, f)).total();
    else total = { total: seen ?? rows.length, total_exact: seen !== null && !more };
  }
  const last = more ? rows[rows.length - 1] : null;
  return {
    items: rows.map((r) => r[2]),
    ...total,
    limit,
    page: paging.cursor === undefined ? (paging.page ?? 1) : null,
    next_cursor: last
      ? encodeCursor({ d: last[0] === '' ? null : last[0], id: last[1], s: sort, ...(seen !== null ? { n: seen } : {}) })
      : null,
  };
}

/**
 * Items recently shown, by rowid, until the database changes: pages of different filters
 * share their newest incidents, and a row read from a large file is a few random page reads.
 */
let itemCache: { version: string; items: LruCache<number, string> } | null = null;
const ITEM_CACHE = 20_000;

/** The JSON items of these rowids, in their order (cached, else one look-up by rowid each). */
function itemsOf(db: Database.Database, keys: Key[]): string[] {
  if (keys.length === 0) return [];
  const version = dataVersion(db);
  if (itemCache?.version !== version) itemCache = { version, items: new LruCache(ITEM_CACHE) };
  const cache = itemCache.items;
  const missing = keys.filter((rid) => cache.get(rid) === undefined);
  if (missing.length) {
    const read = stmt(
      db,
      'SELECT rowid, item FROM incident_list_items WHERE rowid IN (SELECT value FROM json_each(?)) /* raw */',
    ).raw(true);
    for (const [rid, item] of read.all(JSON.stringify(missing)) as [number, string][]) cache.set(rid, item);
  }
  return keys.map((rid) => {
    const item = cache.get(rid);
    if (item === undefined) throw new Error(`incident_list_items has no item for the incident of rowid ${rid}`);
    return item;
  });
}

/**
 * Without an equality filter (country, grade, type) or a box, a page is best read in date
 * order from the date index, testing each row until the page is full. SQLite's planner,
 * seeing few grades in its statistics, would rather skip-scan another index and sort the
 * whole date window, which costs hundreds of milliseconds over a million incidents.
 */
function dateOrderHint(f: ResolvedFilters, where: Where): string {
  return where.selective || f.country || f.grade || f.event_type || f.admin1 || f.near || f.bbox
    ? ''
    : ' INDEXED BY incident_list_date';
}

function orderBy(sort: SortOrder): string {
  return sort === 'date_desc'
    ? 'ORDER BY i.date_start DESC, i.id DESC'
    : 'ORDER BY i.date_start ASC, i.id ASC';
}

/**
 * Keyset pagination in two phases, because row-value comparisons never match NULL dates:
 * dated incidents by (date_start, id), undated ones by id; SQLite sorts NULL first, so
 * ascending order reads the undated phase first and descending order reads it last.
 * `read(phase, continues, want)` reads one phase, after the cursor when `continues`.
 */
function keysetRows(
  sort: SortOrder,
  after: CursorBody | null,
  want: number,
  read: (phase: 'dated' | 'undated', continues: boolean, want: number) => Key[],
): Key[] {
  const phases: ('dated' | 'undated')[] = sort === 'date_desc' ? ['dated', 'undated'] : ['undated', 'dated'];
  let start = 0;
  if (after) start = phases.indexOf(after.d === null ? 'undated' : 'dated');
  const out: Key[] = [];
  for (let p = start; p < phases.length && out.length < want; p++)
    out.push(...read(phases[p], after !== null && p === start, want - out.length));
  return out;
}

/** One keyset phase by the filter SQL over incident_list, in date order. */
function plainPage(
  db: Database.Database,
  f: ResolvedFilters,
  where: Where,
  sort: SortOrder,
  phase: 'dated' | 'undated',
  after: CursorBody | null,
  want: number,
  columns: string,
): Key[] {
  const cmp = sort === 'date_desc' ? '<' : '>';
  const dir = sort === 'date_desc' ? 'DESC' : 'ASC';
  const params = [...where.params];
  let sql = `SELECT ${columns} FROM incident_list i${dateOrderHint(f, where)} WHERE ${where.sql}`;
  if (phase === 'dated') {
    sql += ' AND i.date_start IS NOT NULL';
    if (after) {
      sql += ` AND (i.date_start, i.id) ${cmp} (?, ?)`;
      params.push(after.d, after.id);
    }
    sql += ` ORDER BY i.date_start ${dir}, i.id ${dir} LIMIT ?`;
  } else {
    sql += ' AND i.date_start IS NULL';
    if (after) {
      sql += ` AND i.id ${cmp} ?`;
      params.push(after.id);
    }
    sql += ` ORDER BY i.id ${dir} LIMIT ?`;
  }
  return stmt(db, sql).pluck().all(...params, want) as Key[];
}

/**
 * A way to read pages that beats the date-ordered scan for some filters: walking an actor's
 * incidents (actor-pages.ts) or the R*Tree by slices of days (place-pages.ts).
 */
interface Walk {
  read: (
    sort: SortOrder,
    phase: 'dated' | 'undated',
    after: CursorBody | null,
    want: number,
    columns: string,
  ) => Key[];
  total: () => { total: number; total_exact: boolean };
}

/** The filter SQL over incident_list, read in date order (or by the index SQLite picks). */
function plainReader(db: Database.Database, f: ResolvedFilters): Walk {
  let where: Where | null = null;
  const w = () => (where ??= whereFor(db, f));
  return {
    read: (sort, phase, after, want, columns) => plainPage(db, f, w(), sort, phase, after, want, columns),
    total: () => cappedTotal(db, f, w()),
  };
}

function walkFor(db: Database.Database, f: ResolvedFilters): Walk | null {
  const maxDays = f.event_date_from ? maxWindowDays(db) : undefined;
  const actor = actorDriver(f, maxDays, (without) => whereFor(db, { ...f, ...without }));
  if (actor) {
    return {
      read: (sort, phase, after, want, columns) => {
        if (columns === KEYS && actor.datesOnly) {
          const k = actorKeysSql(actor, sort, phase, after ? { day: after.d, id: after.id } : null, want);
          return stmt(db, k.sql).pluck().all(...k.params) as Key[];
        }
        const q = actorPageSql(
          actor,
          columns,
          sort,
          phase,
          after ? { day: after.d, id: after.id } : null,
          want,
        );
        return stmt(db, q.sql).pluck().all(...q.params) as Key[];
      },
      total: () => {
        const q = actorCountSql(actor, TOTAL_CAP + 1);
        return capped(
          cachedCount(
            db,
            `walk|${q.sql}|${JSON.stringify(q.params)}`,
            () => (stmt(db, q.sql).get(...q.params) as { n: number }).n,
          ),
        );
      },
    };
  }
  // The exact tests of a place walk: no R*Tree (the walk reads it), actors tested per candidate.
  const place = placeWalk(
    f,
    maxDays ?? 0,
    () => dateSpan(db),
    () => whereFor(db, f, { denseBox: () => true, rareActors: () => false }),
  );
  if (place) {
    return {
      read: (sort, phase, after, want, columns) =>
        walkPlace(db, place, columns, sort, phase, after, want) as Key[],
      total: () =>
        capped(cachedCount(db, `place|${JSON.stringify(place)}`, () => countPlace(db, place, TOTAL_CAP + 1))),
    };
  }
  return null;
}

const capped = (n: number) =>
  n > TOTAL_CAP ? { total: TOTAL_CAP, total_exact: false } : { total: n, total_exact: true };

function cachedCount(db: Database.Database, key: string, count: () => number): number {
  const k = `${dataVersion(db)}|${key}`;
  let n = countCache.get(k);
  if (n === undefined) {
    n = count();
    countCache.set(k, n);
  }
  return n;
}

let spanCache: { key: string; span: { first: string; last: string } | null } | null = null;

/**
 * The first and last day an incident starts on, per database version (two index look-ups;
 * one SELECT of both min and max would scan the table).
 */
function dateSpan(db: Database.Database): { first: string; last: string } | null {
  const key = dataVersion(db);
  if (spanCache?.key === key) return spanCache.span;
  const r = stmt(
    db,
    'SELECT (SELECT min(date_start) FROM incident_list) AS first, (SELECT max(date_start) FROM incident_list) AS last',
  ).get() as { first: string | null; last: string | null };
  const span = r.first && r.last ? { first: r.first, last: r.last } : null;
  spanCache = { key, span };
  return span;
}

/** Adds each incident's targets and belligerents (one query for the whole page). */
export function withActors(db: Database.Database, rows: Row[]): IncidentSummary[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const actors = stmt(
    db,
    `SELECT incident_id, actor_id, role, status FROM incident_actors WHERE incident_id IN (SELECT value FROM json_each(?))
     ORDER BY incident_id, role, actor_id`,
  ).all(JSON.stringify(ids)) as {
    incident_id: string;
    actor_id: string;
    role: string;
    status: string | null;
  }[];
  const by = new Map<string, IncidentSummary>();
  const out = rows.map((r) => {
    const s: IncidentSummary = { ...r, targets: [], belligerents: [] };
    by.set(r.id, s);
    return s;
  });
  for (const a of actors) {
    const s = by.get(a.incident_id);
    if (!s) continue;
    if (a.role === 'target') s.targets.push(a.actor_id);
    else if (a.role === 'belligerent')
      s.belligerents.push({ actor: a.actor_id, status: (a.status ?? 'unknown') as AttributionStatus });
  }
  return out;
}

/** The WHERE clause of filters on this database (with its date-window bound). */
export function whereFor(
  db: Database.Database,
  f: ResolvedFilters,
  overrides: Partial<WhereOptions> = {},
): Where {
  return buildWhere(f, {
    ...(f.event_date_from ? { maxWindowDays: maxWindowDays(db) } : {}),
    denseBox: (b) => boxIsDense(db, b),
    rareActors: (role, ids, statuses) => actorsAreRare(db, role, ids, statuses),
    ...overrides,
  });
}

/** At most this many incidents with an actor: reading them by actor and sorting is cheaper. */
const RARE_ACTOR = 5_000;

/**
 * Whether at most RARE_ACTOR incidents have one of these actors in this role (with one of
 * these statuses): a count over the covering actor index of migration 9, stopped early.
 */
export function actorsAreRare(
  db: Database.Database,
  role: string,
  ids: readonly string[],
  statuses?: readonly string[],
): boolean {
  const st = statuses?.length
    ? ` AND coalesce(status, 'unknown') IN (${statuses.map(() => '?').join(', ')})`
    : '';
  const n = (
    stmt(
      db,
      `SELECT count(*) AS n FROM (SELECT 1 FROM incident_actors WHERE role = ? AND actor_id IN (${ids.map(() => '?').join(', ')})${st} LIMIT ${RARE_ACTOR + 1})`,
    ).get(role, ...ids, ...(statuses ?? [])) as { n: number }
  ).n;
  return n <= RARE_ACTOR;
}

/** Above this many incidents in a box, date-ordered reading beats the R*Tree plus a sort. */
const DENSE_BOX = 20_000;

/** Whether a box (and date window) holds more than DENSE_BOX incidents (an R*Tree-only count, stopped early). */
export function boxIsDense(db: Database.Database, b: Box): boolean {
  const r = rtreeSql(b);
  const n = (
    stmt(db, `SELECT count(*) AS n FROM (${r.sql} LIMIT ${DENSE_BOX + 1})`).get(...r.params) as { n: number }
  ).n;
  return n > DENSE_BOX;
}

const countCache = new LruCache<string, number>(2000);

/**
 * Lists count their matches up to this many: an exact count of a broad filter over a million
 * incidents costs far more than the page itself. GET /api/incidents/count, statistics and
 * `ask` count exactly.
 */
export const TOTAL_CAP = 100;

function cappedTotal(
  db: Database.Database,
  f: ResolvedFilters,
  where: Where,
): { total: number; total_exact: boolean } {
  const n = countIncidents(db, f, where, TOTAL_CAP + 1);
  return n > TOTAL_CAP ? { total: TOTAL_CAP, total_exact: false } : { total: n, total_exact: true };
}

/** How many incidents match (at most `cap` when given); cached until the database changes. */
export function countIncidents(
  db: Database.Database,
  f: ResolvedFilters,
  where: Where = whereFor(db, f),
  cap?: number,
): number {
  const key = `${dataVersion(db)}|${cap}|${where.sql}|${JSON.stringify(where.params)}`;
  const hit = countCache.get(key);
  if (hit !== undefined) return hit;
  const sql =
    cap === undefined
      ? `SELECT count(*) AS n FROM incident_list i WHERE ${where.sql}`
      : `SELECT count(*) AS n FROM (SELECT 1 FROM incident_list i${dateOrderHint(f, where)} WHERE ${where.sql} LIMIT ${Math.floor(cap)})`;
  const n = (stmt(db, sql).get(...where.params) as { n: number }).n;
  countCache.set(key, n);
  return n;
}

/** Follows id redirects left by merges: the id an incident has now. */
export function currentIncidentId(db: Database.Database, id: string): string | null {
  let cur = id;
  for (let hops = 0; hops < 10; hops++) {
    if (stmt(db, 'SELECT 1 FROM incidents WHERE id = ?').get(cur)) return cur;
    const r = stmt(db, 'SELECT to_id FROM incident_redirects WHERE from_id = ?').get(cur) as
      { to_id: string } | undefined;
    if (!r) return null;
    cur = r.to_id;
  }
  return null;
}
