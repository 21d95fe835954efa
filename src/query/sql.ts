import { toFtsQuery } from '../store/fts-query.ts';
import { EARTH_RADIUS_KM } from './db.ts';
import { LruCache } from './cache.ts';
import type { ResolvedFilters } from './resolve.ts';

/**
 * Filters -> a SQL WHERE clause over `incidents i` with positional parameters. Every value
 * travels as a bound parameter; only fixed fragments are concatenated, so no input can
 * change the statement. Full text goes through toFtsQuery, which quotes every term.
 */
export interface Where {
  sql: string;
  params: unknown[];
  /**
   * True when the clause drives from a short list of incidents (a rare target or belligerent
   * read from the actor index): reading them all and sorting beats scanning in date order.
   */
  selective?: boolean;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Degrees of latitude per km (mean meridian degree ~ 111.2 km). */
const KM_PER_DEG = 111.2;

export interface WhereOptions {
  /** The longest incident date window in days (maxWindowDays): bounds date_start from below. */
  maxWindowDays?: number;
  /**
   * True when a box holds so many incidents that reading them in date order and testing
   * each beats collecting them from the R*Tree and sorting (see boxIsDense).
   */
  denseBox?: (b: Box) => boolean;
  /**
   * True when few incidents have one of these actors in this role (see actorsAreRare): the
   * filter then reads them from the actor index instead of testing every incident in date order.
   */
  rareActors?: (
    role: 'target' | 'belligerent',
    ids: readonly string[],
    statuses?: readonly string[],
  ) => boolean;
}

export interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
  /** The date window in days since 1970 (the R*Tree's third dimension, migration 10). */
  days?: [number, number];
}

/** Days since 1970 of YYYY-MM-DD. */
export const dayNumber = (day: string) => Date.parse(day + 'T00:00:00Z') / 86_400_000;

/** The R*Tree's date test: candidates whose window overlaps the filter's (an undated one spans all). */
function daysSql(b: Box): { sql: string; params: number[] } {
  return b.days ? { sql: ' AND max_day >= ? AND min_day <= ?', params: b.days } : { sql: '', params: [] };
}

/** The R*Tree part of a box test (candidates), with the date window when there is one. */
export function rtreeSql(b: Box): { sql: string; params: number[] } {
  const { south, north, ranges } = boxRanges(b);
  const d = daysSql(b);
  const lonSql = ranges.map(() => '(max_lon >= ? AND min_lon <= ?)').join(' OR ');
  return {
    sql: `SELECT id FROM incidents_rtree WHERE max_lat >= ? AND min_lat <= ? AND (${lonSql})${d.sql}`,
    params: [south, north, ...ranges.flat(), ...d.params],
  };
}

export function buildWhere(f: ResolvedFilters, opts: WhereOptions = {}): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const inList = (col: string, values: readonly unknown[] | undefined) => {
    if (!values?.length) return;
    parts.push(`${col} IN (${marks(values.length)})`);
    params.push(...values);
  };

  // Date windows overlapping [from, to]; incidents without a date cannot match a date filter.
  // A window ending on or after `from` starts at most maxWindowDays before it: that bound
  // makes the search an index range instead of a scan of everything before `to`.
  if (f.event_date_from) {
    parts.push('i.date_end >= ?');
    params.push(f.event_date_from);
    if (opts.maxWindowDays !== undefined) {
      parts.push('i.date_start >= ?');
      params.push(shiftDays(f.event_date_from, -opts.maxWindowDays));
    }
  }
  if (f.event_date_to) {
    parts.push('i.date_start <= ?');
    params.push(f.event_date_to);
  }
  inList('i.country', f.country);
  inList('i.admin1', f.admin1);
  inList('i.event_type', f.event_type);
  inList('i.grade', f.grade);
  if (f.min_killed !== undefined) {
    parts.push('i.killed_best >= ?');
    params.push(f.min_killed);
  }
  if (f.min_civilians_killed !== undefined) {
    parts.push('i.civilians_best >= ?');
    params.push(f.min_civilians_killed);
  }
  const days: [number, number] | undefined =
    f.event_date_from || f.event_date_to
      ? [
          f.event_date_from ? dayNumber(f.event_date_from) : -1e7,
          f.event_date_to ? dayNumber(f.event_date_to) : 1e7,
        ]
      : undefined;
  if (f.near) {
    // An incident matches when its uncertainty circle reaches the search circle; its own radius
    // counts up to the search radius, so a country-wide "somewhere in Mali" does not match
    // every circle inside Mali. Candidates come from the R*Tree (migrations 6, 10) within the box
    // and the date window
    // that holds such circles; the haversine test in SQL's math functions is the exact one.
    const { lat, lon, km } = f.near;
    const box: Box = { ...nearBox(f.near), ...(days ? { days } : {}) };
    inBox(parts, params, box, !opts.denseBox?.(box));
    parts.push(
      `2 * ${EARTH_RADIUS_KM} * asin(min(1, sqrt(pow(sin(radians(i.lat - ?) / 2), 2) + ? * cos(radians(i.lat)) * pow(sin(radians(i.lon - ?) / 2), 2))))
         <= ? + min(coalesce(i.radius_km, 0), ?)`,
    );
    params.push(lat, Math.cos((lat * Math.PI) / 180), lon, km, km);
  }
  if (f.bbox) {
    const b: Box = { ...f.bbox, ...(days ? { days } : {}) };
    if (b.west <= b.east) inBox(parts, params, b, !opts.denseBox?.(b));
    else {
      // crosses the antimeridian: two boxes
      const d = daysSql(b);
      parts.push(
        `i.rowid IN (SELECT id FROM incidents_rtree WHERE max_lat >= ? AND min_lat <= ? AND ((max_lon >= ? AND min_lon <= 180) OR (max_lon >= -180 AND min_lon <= ?))${d.sql})`,
      );
      params.push(b.south, b.north, b.west, b.east, ...d.params);
      parts.push('+i.lat BETWEEN ? AND ?', '(+i.lon >= ? OR +i.lon <= ?)');
      params.push(b.south, b.north, b.west, b.east);
    }
  }
  let selective = false;
  if (f.target?.length) {
    if (opts.rareActors?.('target', f.target)) {
      selective = true;
      parts.push(
        `i.id IN (SELECT a.incident_id FROM incident_actors a WHERE a.role = 'target' AND a.actor_id IN (${marks(f.target.length)}))`,
      );
    } else {
      parts.push(
        `EXISTS (SELECT 1 FROM incident_actors a WHERE a.incident_id = i.id AND a.role = 'target'
         AND a.actor_id IN (${marks(f.target.length)}))`,
      );
    }
    params.push(...f.target);
  }
  if (f.belligerent?.length || f.status?.length) {
    const rare = f.belligerent?.length ? opts.rareActors?.('belligerent', f.belligerent, f.status) : false;
    let sql = rare
      ? `i.id IN (SELECT b.incident_id FROM incident_actors b WHERE b.role = 'belligerent'`
      : `EXISTS (SELECT 1 FROM incident_actors b WHERE b.incident_id = i.id AND b.role = 'belligerent'`;
    if (rare) selective = true;
    if (f.belligerent?.length) {
      sql += ` AND b.actor_id IN (${marks(f.belligerent.length)})`;
      params.push(...f.belligerent);
    }
    if (f.status?.length) {
      sql += ` AND coalesce(b.status, 'unknown') IN (${marks(f.status.length)})`;
      params.push(...f.status);
    }
    parts.push(sql + ')');
  }
  if (f.q !== undefined) {
    const fts = toFtsQuery(f.q);
    if (fts === null) {
      parts.push('0'); // nothing searchable in the text: nothing matches
    } else {
      parts.push(
        `i.id IN (SELECT ir.incident_id FROM documents_fts
           JOIN documents d ON d.rowid = documents_fts.rowid
           JOIN reports r ON r.document_id = d.id
           JOIN incident_reports ir ON ir.report_id = r.id
           WHERE documents_fts MATCH ?)`,
      );
      params.push(fts);
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params, ...(selective ? { selective } : {}) };
}

/**
 * The box that holds every incident a circle search can match: an incident's own radius
 * counts up to the search radius, so points up to twice the radius away.
 */
export function nearBox(c: { lat: number; lon: number; km: number }): Box {
  const { lat, lon, km } = c;
  const reach = 2 * km;
  const dLat = reach / KM_PER_DEG;
  const cos = Math.max(0.01, Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180));
  const dLon = Math.min(180, reach / (KM_PER_DEG * cos));
  return {
    south: lat - dLat,
    north: lat + dLat,
    west: dLon >= 180 ? -180 : lon - dLon,
    east: dLon >= 180 ? 180 : lon + dLon,
  };
}

/**
 * YYYY-MM-DD moved by n days (UTC calendar). Remembered: every dated list asks it for its
 * start day and the same window length, and Date parsing and formatting cost tens of
 * microseconds a call.
 */
export function shiftDays(day: string, n: number): string {
  const key = `${day}|${n}`;
  let out = shifted.get(key);
  if (out === undefined) {
    out = new Date(Date.parse(day + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
    shifted.set(key, out);
  }
  return out;
}
const shifted = new LruCache<string, string>(10_000);

/**
 * Incidents whose point lies in a box: candidates from the R*Tree, then the exact test on the
 * row (the `+` keeps SQLite from choosing a column index over the R*Tree). A box that runs
 * over the antimeridian wraps to the other side.
 */
export function boxRanges(b: Box): { south: number; north: number; ranges: [number, number][] } {
  const ranges: [number, number][] = [];
  if (b.west < -180) ranges.push([b.west + 360, 180], [-180, b.east]);
  else if (b.east > 180) ranges.push([b.west, 180], [-180, b.east - 360]);
  else ranges.push([b.west, b.east]);
  return { south: Math.max(-90, b.south), north: Math.min(90, b.north), ranges };
}

function inBox(parts: string[], params: unknown[], b: Box, useRtree: boolean): void {
  const { south, north, ranges } = boxRanges(b);
  if (useRtree) {
    const r = rtreeSql(b);
    parts.push(`i.rowid IN (${r.sql})`);
    params.push(...r.params);
  }
  parts.push('+i.lat BETWEEN ? AND ?', `(${ranges.map(() => '+i.lon BETWEEN ? AND ?').join(' OR ')})`);
  params.push(south, north, ...ranges.flat());
}
