import type { SortOrder } from './filters.ts';
import type { ResolvedFilters } from './resolve.ts';
import { shiftDays, type Where } from './sql.ts';

/**
 * Pages of incidents filtered by target or belligerent, read from the actor's side.
 *
 * Testing every incident of a date window for its actors reads thousands of rows to fill a
 * page of 50 when the actor has one incident in thirty. incident_actor_dates (migration 11)
 * holds each actor's incidents in (day, id) order, so one walk per actor id, newest first,
 * stops as soon as it has a page of incidents passing the other filters; the pages of the
 * ids (an actor and its units) are merged by one UNION, which also drops an incident named
 * under two of the ids. An incident within the first n of the merged order is within the
 * first n of its own actor's walk, so each walk needs at most n rows.
 */
export interface ActorDriver {
  role: 'target' | 'belligerent';
  ids: string[];
  /** Attribution statuses the actor's row must have (belligerents). */
  statuses?: string[];
  /** The other filters, over incident_list i. */
  rest: Where;
  /** Bounds on the day of dated incidents, from the date filters. */
  dayFrom?: string;
  dayTo?: string;
  /** The date filter's start: windows must end on or after it. */
  from?: string;
  /**
   * True when the other filters are dates only: then the actor's own rows decide, and keys
   * can be walked without reading incident rows (see actorKeysSql).
   */
  datesOnly: boolean;
}

/** The filters that a walk of keys can test on the actor's rows alone (region and circle excepted: they leave with a near). */
const DATE_ONLY_KEYS = new Set([
  'target',
  'belligerent',
  'status',
  'event_date_from',
  'event_date_to',
  'region',
  'region_resolved',
]);

/** Above this many ids a UNION of walks costs more than the date-ordered scan. */
const MAX_WALKS = 24;

/** The filters this module can drive from an actor, or null: the remaining filters are built by `rest`. */
export function actorDriver(
  f: ResolvedFilters,
  maxWindowDays: number | undefined,
  rest: (without: Partial<ResolvedFilters>) => Where,
): ActorDriver | null {
  // A place filter is better served by the R*Tree; full text by its own index.
  if (f.near || f.bbox || f.q !== undefined) return null;
  const days = {
    ...(f.event_date_from && maxWindowDays !== undefined
      ? { dayFrom: shiftDays(f.event_date_from, -maxWindowDays) }
      : {}),
    ...(f.event_date_to ? { dayTo: f.event_date_to } : {}),
    ...(f.event_date_from ? { from: f.event_date_from } : {}),
  };
  const others = Object.entries(f).filter(([k, v]) => v !== undefined && !DATE_ONLY_KEYS.has(k));
  const datesOnly = others.length === 0;
  if (f.target?.length) {
    const ids = [...new Set(f.target)];
    if (ids.length > MAX_WALKS) return null;
    const alone = datesOnly && !f.belligerent?.length && !f.status?.length;
    return { role: 'target', ids, rest: rest({ target: undefined }), ...days, datesOnly: alone };
  }
  if (f.belligerent?.length) {
    const ids = [...new Set(f.belligerent)];
    if (ids.length > MAX_WALKS) return null;
    return {
      role: 'belligerent',
      ids,
      ...(f.status?.length ? { statuses: [...f.status] } : {}),
      rest: rest({ belligerent: undefined, status: undefined }),
      ...days,
      datesOnly,
    };
  }
  return null;
}

export type Phase = 'dated' | 'undated' | 'all';

/** Where a keyset page continues: after (day, id) in the sort order. */
export interface After {
  day: string | null;
  id: string;
}

/**
 * One page as SQL: `columns` of incident_list i, the walks of each id UNIONed, in the sort
 * order, `want` rows from `offset`. Phase 'dated' reads incidents with a date, 'undated'
 * those without, 'all' both (NULL days sort first, like SQLite's NULL dates).
 */
export function actorPageSql(
  d: ActorDriver,
  columns: string,
  sort: SortOrder,
  phase: Phase,
  after: After | null,
  want: number,
  offset = 0,
): { sql: string; params: unknown[] } {
  const dir = sort === 'date_desc' ? 'DESC' : 'ASC';
  const cmp = sort === 'date_desc' ? '<' : '>';
  const params: unknown[] = [];
  const walks = d.ids.map((id) => {
    let sql = `SELECT * FROM (SELECT ${columns} FROM ${walkFrom(d, id, phase, params)}`;
    sql += afterKey(phase, after, cmp, params);
    sql += ` AND ${d.rest.sql} ORDER BY a.day ${dir}, a.id ${dir} LIMIT ?)`;
    params.push(...d.rest.params, want + offset);
    return sql;
  });
  const order = phase === 'undated' ? `ORDER BY id ${dir}` : `ORDER BY date_start ${dir}, id ${dir}`;
  params.push(want, offset);
  return { sql: `${walks.join(' UNION ')} ${order} LIMIT ? OFFSET ?`, params };
}

/**
 * How many incidents match, counted up to `cap`: each walk stops at `cap` rows, and the UNION
 * of walks holds at least `cap` incidents exactly when the whole match does.
 */
export function actorCountSql(d: ActorDriver, cap: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const walks = d.ids.map((id) => {
    const sql = `SELECT * FROM (SELECT a.list_rowid FROM ${walkFrom(d, id, 'all', params)} AND ${d.rest.sql} LIMIT ?)`;
    params.push(...d.rest.params, cap);
    return sql;
  });
  return { sql: `SELECT count(*) AS n FROM (${walks.join(' UNION ')})`, params };
}

/**
 * A walk of keys (rid, id, date_start) when the other filters are dates only: the actor's
 * rows hold the day and the id, so only an incident that starts before the date filter's
 * start (a window that may end before it) is looked up, to test its last day.
 */
export function actorKeysSql(
  d: ActorDriver,
  sort: SortOrder,
  phase: 'dated' | 'undated',
  after: After | null,
  want: number,
): { sql: string; params: unknown[] } {
  const dir = sort === 'date_desc' ? 'DESC' : 'ASC';
  const cmp = sort === 'date_desc' ? '<' : '>';
  const params: unknown[] = [];
  const walks = d.ids.map((id) => {
    let sql = `SELECT * FROM (SELECT a.list_rowid AS rid, a.id AS id, nullif(a.day, '') AS date_start FROM ${walkFrom(d, id, phase, params, false)}`;
    sql += afterKey(phase, after, cmp, params);
    // undated incidents match no date filter (their rows here carry no dates to test)
    if (phase === 'undated' && (d.from !== undefined || d.dayTo !== undefined)) sql += ' AND 0';
    if (d.from !== undefined) {
      sql += ` AND (a.day >= ? OR EXISTS (SELECT 1 FROM incident_list i WHERE i.rowid = a.list_rowid AND i.date_end >= ?))`;
      params.push(d.from, d.from);
    }
    sql += ` ORDER BY a.day ${dir}, a.id ${dir} LIMIT ?)`;
    params.push(want);
    return sql;
  });
  const order = phase === 'undated' ? `ORDER BY id ${dir}` : `ORDER BY date_start ${dir}, id ${dir}`;
  params.push(want);
  return { sql: `${walks.join(' UNION ')} ${order} LIMIT ?`, params };
}

/** The keyset condition past the cursor `after`, in the walk's (day, id) order; '' on a first page. */
function afterKey(phase: Phase, after: After | null, cmp: '<' | '>', params: unknown[]): string {
  if (!after || phase === 'all') return '';
  if (phase === 'dated') {
    params.push(after.day, after.id);
    return ` AND (a.day, a.id) ${cmp} (?, ?)`;
  }
  params.push(after.id);
  return ` AND a.id ${cmp} ?`;
}

/** The FROM and the actor part of the WHERE of one id's walk (CROSS JOIN keeps the walk outermost). */
function walkFrom(d: ActorDriver, id: string, phase: Phase, params: unknown[], join = true): string {
  // The role is a literal (one of two fixed words): with a bound role, SQLite's statistics
  // (two roles) make it skip-scan the key and sort, instead of walking it in order.
  const from = join
    ? 'incident_actor_dates a CROSS JOIN incident_list i ON i.rowid = a.list_rowid'
    : 'incident_actor_dates a';
  let sql = `${from} WHERE a.role = '${d.role === 'target' ? 'target' : 'belligerent'}' AND a.actor_id = ?`;
  params.push(id);
  if (d.statuses?.length) {
    sql += ` AND coalesce(a.status, 'unknown') IN (${d.statuses.map(() => '?').join(', ')})`;
    params.push(...d.statuses);
  }
  if (phase === 'undated') sql += ` AND a.day = ''`;
  else if (phase === 'dated' || d.dayFrom !== undefined || d.dayTo !== undefined) {
    // One lower bound only: given two (day > '' AND day >= ?), SQLite skip-scans the key and sorts.
    if (d.dayFrom !== undefined && d.dayFrom > '') {
      sql += ' AND a.day >= ?';
      params.push(d.dayFrom);
    } else sql += ` AND a.day > ''`;
    if (d.dayTo !== undefined) {
      sql += ' AND a.day <= ?';
      params.push(d.dayTo);
    }
  }
  return sql;
}
