import type Database from 'better-sqlite3';
import { stmt } from './db.ts';
import type { SortOrder } from './filters.ts';
import type { ResolvedFilters } from './resolve.ts';
import { boxRanges, dayNumber, nearBox, type Box, type Where } from './sql.ts';

/**
 * Pages of incidents near a point or in a box, read from the R*Tree (migration 10) slice by
 * slice of days, newest first.
 *
 * Asked for everything in the box and the whole date window at once, the R*Tree hands back
 * every candidate of a dense region (thousands over a few years), each fetched, tested and
 * sorted to keep 50. Its third dimension is the day, so the walk asks for the candidates
 * whose first day lies in a short slice at the end of the window, sorts those few, and moves
 * to the previous slice until the page is full. Slices are whole days and disjoint, so the
 * pages of the slices, one after the other, are in the sort order. A slice that finds few
 * incidents makes the next one wider, in proportion to what is still missing.
 */
export interface PlaceWalk {
  /** R*Tree candidates: latitude and longitude ranges (a box over the antimeridian has two). */
  south: number;
  north: number;
  ranges: [number, number][];
  /** Candidates' windows must end on or after this day (the date filter's start). */
  fromDay?: number;
  /** True when a date filter (either end) excludes undated incidents. */
  dated: boolean;
  /** First and last day (days since 1970) an incident's window may start on. */
  lo: number;
  hi: number;
  /** The exact tests on the row (dates, circle, box, other filters), without the R*Tree. */
  rest: Where;
}

/** The first slice, in days: about a month, widened as needed. */
export const FIRST_SLICE = 32;

/**
 * The walk for filters with a circle or box, or null without one. `rest` builds the exact
 * WHERE (told not to use the R*Tree); `span` gives the first and last start day of the data.
 */
export function placeWalk(
  f: ResolvedFilters,
  maxWindowDays: number,
  span: () => { first: string; last: string } | null,
  rest: () => Where,
): PlaceWalk | null {
  let box: Box | null = null;
  if (f.near) box = nearBox(f.near);
  else if (f.bbox) box = f.bbox.west <= f.bbox.east ? { ...f.bbox } : { ...f.bbox, east: f.bbox.east + 360 };
  if (!box) return null;
  const s = span();
  if (!s) return null;
  let lo = dayNumber(s.first);
  let hi = dayNumber(s.last);
  if (f.event_date_from) lo = Math.max(lo, dayNumber(f.event_date_from) - maxWindowDays);
  if (f.event_date_to) hi = Math.min(hi, dayNumber(f.event_date_to));
  const { south, north, ranges } = boxRanges(box);
  const dated = f.event_date_from !== undefined || f.event_date_to !== undefined;
  return {
    south,
    north,
    ranges,
    lo,
    hi,
    dated,
    rest: rest(),
    ...(f.event_date_from ? { fromDay: dayNumber(f.event_date_from) } : {}),
  };
}

/** The R*Tree's first day of an undated incident (migration 10): its window spans every day. */
const UNDATED_DAY = -10_000_000;

/**
 * Up to `want` incidents of the walk in the sort order, after `after`: dated ones slice by
 * slice, or the undated ones (by id) in one query. Each incident is the first of `columns`
 * (plucked: the rest only orders).
 */
export function walkPlace(
  db: Database.Database,
  w: PlaceWalk,
  columns: string,
  sort: SortOrder,
  phase: 'dated' | 'undated',
  after: { d: string | null; id: string } | null,
  want: number,
): unknown[] {
  const desc = sort === 'date_desc';
  if (phase === 'undated') {
    if (w.fromDay !== undefined || w.dated) return []; // a date filter excludes undated incidents
    const r = candidates(w, UNDATED_DAY, UNDATED_DAY);
    let sql = `SELECT ${columns} FROM (${r.sql}) c CROSS JOIN incident_list i ON i.rowid = c.id WHERE ${w.rest.sql} AND i.date_start IS NULL`;
    const params = [...r.params, ...w.rest.params];
    if (after) {
      sql += ` AND i.id ${desc ? '<' : '>'} ?`;
      params.push(after.id);
    }
    return stmt(db, `${sql} ORDER BY i.id ${desc ? 'DESC' : 'ASC'} LIMIT ?`).pluck().all(...params, want);
  }
  let lo = w.lo;
  let hi = w.hi;
  if (after?.d) {
    if (desc) hi = Math.min(hi, dayNumber(after.d));
    else lo = Math.max(lo, dayNumber(after.d));
  }
  const dir = desc ? 'DESC' : 'ASC';
  const cmp = desc ? '<' : '>';
  const out: unknown[] = [];
  let width = FIRST_SLICE;
  while (lo <= hi && out.length < want) {
    const a = desc ? Math.max(lo, hi - width + 1) : lo;
    const b = desc ? hi : Math.min(hi, lo + width - 1);
    const r = candidates(w, a, b);
    let sql = `SELECT ${columns} FROM (${r.sql}) c CROSS JOIN incident_list i ON i.rowid = c.id WHERE ${w.rest.sql} AND i.date_start IS NOT NULL`;
    const params = [...r.params, ...w.rest.params];
    if (after?.d) {
      sql += ` AND (i.date_start, i.id) ${cmp} (?, ?)`;
      params.push(after.d, after.id);
    }
    const rows = stmt(db, `${sql} ORDER BY i.date_start ${dir}, i.id ${dir} LIMIT ?`).pluck().all(
      ...params,
      want - out.length,
    );
    out.push(...rows);
    width = nextWidth(width, b - a + 1, rows.length, want - out.length);
    if (desc) hi = a - 1;
    else lo = b + 1;
  }
  return out;
}

/**
 * How many incidents of the walk match, counted up to `cap`: the undated ones, then slices
 * from the newest, each counting what is still missing.
 */
export function countPlace(db: Database.Database, w: PlaceWalk, cap: number): number {
  let n = 0;
  if (w.fromDay === undefined && !w.dated) {
    const r = candidates(w, UNDATED_DAY, UNDATED_DAY);
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM (${r.sql}) c CROSS JOIN incident_list i ON i.rowid = c.id WHERE ${w.rest.sql} AND i.date_start IS NULL LIMIT ?)`;
    n = (stmt(db, sql).get(...r.params, ...w.rest.params, cap) as { n: number }).n;
  }
  let hi = w.hi;
  let width = FIRST_SLICE;
  while (w.lo <= hi && n < cap) {
    const a = Math.max(w.lo, hi - width + 1);
    const r = candidates(w, a, hi);
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM (${r.sql}) c CROSS JOIN incident_list i ON i.rowid = c.id WHERE ${w.rest.sql} AND i.date_start IS NOT NULL LIMIT ?)`;
    const k = (stmt(db, sql).get(...r.params, ...w.rest.params, cap - n) as { n: number }).n;
    n += k;
    width = nextWidth(width, hi - a + 1, k, cap - n);
    hi = a - 1;
  }
  return n;
}

/** The next slice's width: enough, at the rate just seen, for what is missing (x1.5), within x1..x16. */
export function nextWidth(width: number, days: number, found: number, missing: number): number {
  if (missing <= 0) return width;
  if (found === 0) return width * 4;
  const want = Math.ceil((1.5 * missing * days) / found);
  return Math.min(16 * width, Math.max(width, want));
}

/** R*Tree candidates in the box whose first day is in [a, b] (and whose window reaches fromDay). */
function candidates(w: PlaceWalk, a: number, b: number): { sql: string; params: number[] } {
  const lonSql = w.ranges.map(() => '(max_lon >= ? AND min_lon <= ?)').join(' OR ');
  const params = [w.south, w.north, ...w.ranges.flat(), a, b];
  let sql = `SELECT id FROM incidents_rtree WHERE max_lat >= ? AND min_lat <= ? AND (${lonSql}) AND min_day >= ? AND min_day <= ?`;
  if (w.fromDay !== undefined) {
    sql += ' AND max_day >= ?';
    params.push(w.fromDay);
  }
  return { sql, params };
}
