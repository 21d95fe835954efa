import type Database from 'better-sqlite3';
import { WALK_CELL_DEGREES } from '../store/sqlite/migrations.ts';
import { stmt } from './db.ts';
import { FIRST_SLICE, nextWidth } from './place-pages.ts';
import type { SortOrder } from './filters.ts';
import type { ResolvedFilters } from './resolve.ts';
import { dayNumber, nearBox, type Where } from './sql.ts';

/**
 * Pages read along one path of incident_walks (migration 14): the rows of a country, a
 * target, a belligerent, a map cell or of all incidents, each in (date_start, id) order with
 * its JSON item beside the columns filters test. A page is one range of consecutive rows per
 * key (a few pages of the file), the other filters tested on each row as it passes; several
 * keys (an actor and its units, two countries, the cells under a circle) are merged in order
 * by one compound SELECT, which stops once the page is full.
 *
 * The old way, a walk of keys and then one look-up per item in a table of a million rows in
 * no useful order, paid ~5 us of CPU per item: most of a page's cost.
 */
export interface PathWalk {
  path: 'd' | 'c' | 't' | 'b' | 'g';
  keys: (string | number)[];
  /** Belligerent paths: the statuses that belligerent's row must have. */
  statuses?: string[];
  /** The other filters, over the walk's row `i` (same column names as incident_list). */
  rest: Where;
  /**
   * True when only an end date is given: nothing else in `rest` keeps out undated incidents
   * (date_start '' on this table; a start date tests date_end, NULL for them).
   */
  skipUndated: boolean;
  /** True when one incident may sit under two keys (actors): the merge drops repeats. */
  repeats: boolean;
  /**
   * Cells: the first and last day (YYYY-MM-DD) a matching incident may start on, walked in
   * slices of days (see readSliced); null when no dated incident can match.
   */
  days?: { first: string; last: string } | null;
  /** True when a date filter keeps out undated incidents. */
  datedOnly: boolean;
}

/** Above this many keys (cells of a wide circle, long lists of ids), the older walks serve. */
const MAX_KEYS = 64;

/** Where a page continues: after this incident's key (d null: undated). */
type After = { d: string | null; id: string };

/** One row of a page: its sort key and item. */
export type WalkRow = [date_start: string, id: string, item: string];

/**
 * The walk for these filters, or null when none fits (full text, boxes, circles over too many
 * cells or across the antimeridian, many ids). `rest` builds the WHERE of the filters the path
 * does not already decide, told to test circles on the row (no R*Tree) and actors by EXISTS.
 */
export function pathWalk(
  f: ResolvedFilters,
  rest: (without: Partial<ResolvedFilters>) => Where,
  days: () => { first: string; last: string } | null,
): PathWalk | null {
  // incident_walks holds no civilian figure: that filter takes the older walks
  if (f.q !== undefined || f.bbox || f.min_civilians_killed !== undefined) return null;
  const datedOnly = f.event_date_from !== undefined || f.event_date_to !== undefined;
  const skipUndated = f.event_date_to !== undefined && f.event_date_from === undefined;
  const walk = (path: PathWalk['path'], keys: (string | number)[], without: Partial<ResolvedFilters>, statuses?: string[]): PathWalk | null =>
    keys.length === 0 || keys.length > MAX_KEYS
      ? null
      : {
          path,
          keys,
          rest: rest(without),
          skipUndated,
          datedOnly,
          repeats: (path === 't' || path === 'b') && keys.length > 1,
          ...(statuses?.length ? { statuses } : {}),
        };
  if (f.near) {
    const cells = cellsOf(f.near);
    const w = cells ? walk('g', cells, {}) : null;
    return w && { ...w, days: days() };
  }
  if (f.target?.length) return walk('t', [...new Set(f.target)], { target: undefined });
  if (f.belligerent?.length)
    return walk('b', [...new Set(f.belligerent)], { belligerent: undefined, status: undefined }, f.status);
  if (f.country?.length) return walk('c', [...new Set(f.country)], { country: undefined });
  // All incidents, tested row by row, only for dates: a grade, type or place filter alone is
  // better served by the narrow covering indexes of incident_list (a rare value, or none,
  // would have this walk read wide rows to the end of the table).
  const others = Object.entries(f).some(([k, v]) => v !== undefined && k !== 'event_date_from' && k !== 'event_date_to');
  return others ? null : walk('d', [''], {});
}

/** The cell of a point, as migration 14 computes it. */
export function walkCell(lat: number, lon: number): number {
  return Math.floor((lat + 90) / WALK_CELL_DEGREES) * 1000 + Math.floor((lon + 180) / WALK_CELL_DEGREES);
}

/** The cells under the box of a circle search, or null when it crosses the antimeridian or spans too many. */
function cellsOf(c: { lat: number; lon: number; km: number }): number[] | null {
  const b = nearBox(c);
  if (b.west < -180 || b.east > 180) return null;
  const south = Math.max(-90, b.south);
  const north = Math.min(90, b.north);
  const y0 = Math.floor((south + 90) / WALK_CELL_DEGREES);
  const y1 = Math.floor((north + 90) / WALK_CELL_DEGREES);
  const x0 = Math.floor((b.west + 180) / WALK_CELL_DEGREES);
  const x1 = Math.floor((b.east + 180) / WALK_CELL_DEGREES);
  if ((y1 - y0 + 1) * (x1 - x0 + 1) > MAX_KEYS) return null;
  const out: number[] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) out.push(y * 1000 + x);
  return out;
}

/**
 * Up to `want` rows of the walk in the sort order, after the key `after` (date_start '' for an
 * undated incident). Undated incidents sort first ('' < any day), as NULL dates do elsewhere.
 */
export function readWalk(
  db: Database.Database,
  w: PathWalk,
  sort: SortOrder,
  after: After | null,
  want: number,
): WalkRow[] {
  if (w.days !== undefined) return readSliced(db, w, sort === 'date_desc', after, want);
  const dir = sort === 'date_desc' ? 'DESC' : 'ASC';
  const cmp = sort === 'date_desc' ? '<' : '>';
  const params: unknown[] = [];
  const arms = w.keys.map((key) => {
    // The path is a literal (one of five fixed letters): bound, it would leave the planner guessing.
    let sql = `SELECT i.date_start, i.id, i.item FROM incident_walks i WHERE i.path = '${w.path}' AND i.key = ?`;
    params.push(key);
    if (w.statuses) {
      sql += ` AND i.status IN (${w.statuses.map(() => '?').join(', ')})`;
      params.push(...w.statuses);
    }
    if (w.skipUndated) sql += ` AND i.date_start > ''`;
    if (after) {
      sql += ` AND (i.date_start, i.id) ${cmp} (?, ?)`;
      params.push(after.d ?? '', after.id);
    }
    params.push(...w.rest.params);
    return `${sql} AND ${w.rest.sql}`;
  });
  return stmt(db, merged(arms, w.repeats, dir)).raw(true).all(...params, want) as WalkRow[];
}

/**
 * One walk per key merged in the sort order: plain arms under the compound's ORDER BY, so
 * SQLite walks each arm's index range in order and merges them lazily, stopping at the LIMIT
 * (an arm with its own ORDER BY and LIMIT would be read whole and sorted first).
 */
function merged(arms: string[], repeats: boolean, dir: 'ASC' | 'DESC'): string {
  if (arms.length === 1) return `${arms[0]} ORDER BY i.date_start ${dir}, i.id ${dir} LIMIT ?`;
  return `${arms.join(repeats ? ' UNION ' : ' UNION ALL ')} ORDER BY 1 ${dir}, 2 ${dir} LIMIT ?`;
}

const isoDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/**
 * A walk by cells reads all its cells at once, a slice of days at a time (newest first for
 * date_desc), sorting the few rows of each slice: merged cell by cell instead, a cell the
 * circle barely touches would be read to its end before the merge could know its first row.
 * A slice that finds few rows makes the next one wider, in proportion to what is missing.
 * Undated incidents ('' days) come last in date_desc order, first in date_asc.
 */
function readSliced(db: Database.Database, w: PathWalk, desc: boolean, after: After | null, want: number): WalkRow[] {
  const dir = desc ? 'DESC' : 'ASC';
  const cmp = desc ? '<' : '>';
  const cells = w.keys.map(() => '?').join(', ');
  /** All cells at once, with `cond` and its parameters: the few rows of a slice are sorted. */
  const read = (cond: string, condParams: unknown[], limit: number) => {
    const sql = `SELECT i.date_start, i.id, i.item FROM incident_walks i WHERE i.path = 'g' AND i.key IN (${cells})${cond} AND ${w.rest.sql} ORDER BY i.date_start ${dir}, i.id ${dir} LIMIT ?`;
    return stmt(db, sql).raw(true).all(...w.keys, ...condParams, ...w.rest.params, limit) as WalkRow[];
  };
  const out: WalkRow[] = [];
  const afterDay = after ? (after.d ?? '') : null;
  const undated = () => {
    if (w.datedOnly || out.length >= want) return;
    const rows =
      afterDay === ''
        ? read(` AND i.date_start = '' AND i.id ${cmp} ?`, [after!.id], want - out.length)
        : read(` AND i.date_start = ''`, [], want - out.length);
    out.push(...rows);
  };
  const dated = () => {
    if (!w.days || (afterDay === '' && desc)) return;
    let lo = dayNumber(w.days.first);
    let hi = dayNumber(w.days.last);
    if (afterDay) {
      if (desc) hi = Math.min(hi, dayNumber(afterDay));
      else lo = Math.max(lo, dayNumber(afterDay));
    }
    const cond = ` AND i.date_start >= ? AND i.date_start <= ? AND (i.date_start, i.id) ${cmp} (?, ?)`;
    // past the cursor, or everything of the slice on a first page
    const [ad, aid] = afterDay ? [afterDay, after!.id] : desc ? ['9999', ''] : ['', ''];
    let width = FIRST_SLICE;
    while (lo <= hi && out.length < want) {
      const a = desc ? Math.max(lo, hi - width + 1) : lo;
      const b = desc ? hi : Math.min(hi, lo + width - 1);
      const rows = read(cond, [isoDay(a), isoDay(b), ad, aid], want - out.length);
      out.push(...rows);
      width = nextWidth(width, b - a + 1, rows.length, want - out.length);
      if (desc) hi = a - 1;
      else lo = b + 1;
    }
  };
  if (desc) {
    dated();
    undated();
  } else {
    if (afterDay === null || afterDay === '') undated();
    dated();
  }
  return out;
}

