import type Database from 'better-sqlite3';
import { dataVersion, stmt } from './db.ts';
import { LruCache } from './cache.ts';
import type { ResolvedFilters } from './resolve.ts';
import { whereFor } from './incidents.ts';
import type { BBox } from './filters.ts';

/**
 * Server-side map clustering: incidents binned on a lat/lon grid whose cell shrinks by half
 * at each zoom level (4 cells across a 256-pixel web-map tile, i.e. ~64 px per cell), so the
 * browser draws at most a few hundred markers whatever the size of the database.
 *
 * Two ways to the same bins. The map grid of migration 8 (incident_grid, kept by triggers)
 * holds counts per cell at even zoom levels 0-10 by country, grade and event type: a view with
 * no other filter sums a few thousand of its rows, whatever the number of incidents. Any other
 * filter (dates, actors, text, a circle...) groups the matching incidents themselves.
 */
export interface Cluster {
  lat: number;
  lon: number;
  count: number;
  grades: Record<string, number>;
  /** The incident's id when the cluster holds exactly one. */
  id: string | null;
}

const CELLS_PER_TILE = 4;
const GRADES = ['confirmed', 'fair', 'weak', 'contested', 'discounted'] as const;

/** Cell size in degrees at a zoom level (0 = whole world in one 256-px tile). */
export function cellDegrees(zoom: number): number {
  return 360 / (2 ** zoom * CELLS_PER_TILE);
}

/** The zoom levels stored in incident_grid (migration 8). */
export const GRID_LEVELS = [0, 2, 4, 6, 8, 10] as const;

/** Filters the grid can answer: it is keyed by cell, country, grade and event type only. */
const GRID_FILTERS = new Set(['country', 'grade', 'event_type', 'bbox', 'region', 'region_resolved']);

/** Whether a map view can be summed from the grid (and from which level), or null. */
export function gridLevel(f: ResolvedFilters, zoom: number): number | null {
  for (const [k, v] of Object.entries(f)) if (v !== undefined && !GRID_FILTERS.has(k)) return null;
  if (f.region_resolved?.circle) return null;
  return GRID_LEVELS.find((l) => l >= zoom) ?? null;
}

const cache = new LruCache<string, Cluster[]>(500);

export function mapClusters(db: Database.Database, f: ResolvedFilters, zoom: number): Cluster[] {
  const z = Math.max(0, Math.min(22, Math.floor(zoom)));
  const level = gridLevel(f, z);
  if (level === null && f.bbox && z <= WIDE_ZOOM) return panned(db, f, f.bbox, z);
  // Without an order or a limit, reading an actor's incidents from the actor index always beats
  // testing every incident for the actor.
  const where = level === null ? whereFor(db, f, { rareActors: () => true }) : null;
  const key = `${dataVersion(db)}|${z}|${level}|${where ? where.sql + JSON.stringify(where.params) : JSON.stringify(f)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = level === null ? groupIncidents(db, where!.sql, where!.params, z).map((b) => b.cluster) : sumGrid(db, f, z, level);
  cache.set(key, out);
  return out;
}

/**
 * Up to this zoom a filtered view that the grid cannot answer is grouped for the whole world
 * once (per filters, zoom and database version) and cut to each box from the cache: a box at
 * these zooms holds a large part of the matches anyway, and panning then costs nothing.
 * Deeper zooms put the box in the SQL (the R*Tree reads just its incidents).
 */
const WIDE_ZOOM = 6;

const wide = new LruCache<string, Bin[]>(100);

/** The cells of a filtered world view that a box overlaps (whole cells, as the grid answers). */
function panned(db: Database.Database, f: ResolvedFilters, bbox: BBox, z: number): Cluster[] {
  const world: ResolvedFilters = { ...f };
  delete world.bbox;
  const where = whereFor(db, world, { rareActors: () => true });
  const key = `${dataVersion(db)}|${z}|${where.sql}|${JSON.stringify(where.params)}`;
  let bins = wide.get(key);
  if (!bins) {
    bins = groupIncidents(db, where.sql, where.params, z);
    wide.set(key, bins);
  }
  const r = cellRanges(bbox, cellDegrees(z));
  return bins.filter((b) => b.cy >= r.cy[0] && b.cy <= r.cy[1] && r.cx.some(([lo, hi]) => b.cx >= lo && b.cx <= hi)).map((b) => b.cluster);
}

/** A cluster with its cell at its zoom. */
interface Bin {
  cx: number;
  cy: number;
  cluster: Cluster;
}

type BinRow = { n: number; slat: number; slon: number; srow: number } & Partial<Record<(typeof GRADES)[number], number>>;

const gradeSums = GRADES.map((g) => `sum(CASE WHEN grade = '${g}' THEN n ELSE 0 END) AS ${g}`).join(', ');

/** Cells of the grid at `level` rolled up to zoom z (a cell of z is 2^k x 2^k cells of z + k). */
function sumGrid(db: Database.Database, f: ResolvedFilters, z: number, level: number): Cluster[] {
  const shift = level - z;
  const parts = ['z = ?'];
  const params: unknown[] = [level];
  const inList = (col: string, vs: readonly string[] | undefined) => {
    if (!vs?.length) return;
    parts.push(`${col} IN (${vs.map(() => '?').join(', ')})`);
    params.push(...vs);
  };
  inList('country', f.country);
  inList('grade', f.grade);
  inList('event_type', f.event_type);
  if (f.bbox) {
    const r = cellRanges(f.bbox, cellDegrees(level));
    parts.push('cy BETWEEN ? AND ?');
    params.push(r.cy[0], r.cy[1]);
    parts.push(`(${r.cx.map(() => 'cx BETWEEN ? AND ?').join(' OR ')})`);
    params.push(...r.cx.flat());
  }
  const rows = stmt(
    db,
    `SELECT cx >> ${shift} AS x, cy >> ${shift} AS y, sum(n) AS n, sum(sum_lat) AS slat, sum(sum_lon) AS slon,
       sum(sum_rowid) AS srow, ${gradeSums}
     FROM incident_grid WHERE ${parts.join(' AND ')} GROUP BY x, y`,
  ).all(...params) as BinRow[];
  return withLoneIds(db, rows);
}

/** Bins as clusters; a bin of one incident carries its id (srow is then its rowid). */
function withLoneIds(db: Database.Database, rows: BinRow[]): Cluster[] {
  const lone = rows.filter((r) => r.n === 1).map((r) => r.srow);
  const ids = new Map<number, string>();
  if (lone.length) {
    for (const r of stmt(db, 'SELECT rowid AS rid, id FROM incidents WHERE rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(lone)) as {
      rid: number;
      id: string;
    }[])
      ids.set(r.rid, r.id);
  }
  return rows.map((r) => toCluster(r.slat / r.n, r.slon / r.n, r, r.n === 1 ? (ids.get(r.srow) ?? null) : null));
}

/** The cell index ranges a box covers at a cell size (two longitude ranges over the antimeridian). */
export function cellRanges(b: BBox, cell: number): { cx: [number, number][]; cy: [number, number] } {
  const ix = (lon: number) => Math.floor((lon + 180) / cell);
  const iy = (lat: number) => Math.floor((lat + 90) / cell);
  const cy: [number, number] = [iy(b.south), iy(b.north)];
  const cx: [number, number][] = b.west <= b.east ? [[ix(b.west), ix(b.east)]] : [[ix(b.west), ix(180)], [ix(-180), ix(b.east)]];
  return { cx, cy };
}

/** Groups the incidents matching a WHERE clause into the cells of zoom z. */
function groupIncidents(db: Database.Database, whereSql: string, params: unknown[], z: number): Bin[] {
  const cell = cellDegrees(z);
  const rows = stmt(
    db,
    `SELECT cast((i.lon + 180) / ? AS INTEGER) AS cx, cast((i.lat + 90) / ? AS INTEGER) AS cy,
       count(*) AS n, sum(i.lat) AS slat, sum(i.lon) AS slon, min(i.rowid) AS srow,
       ${GRADES.map((g) => `sum(i.grade = '${g}') AS ${g}`).join(', ')}
     FROM incidents i WHERE ${whereSql} AND i.lat IS NOT NULL AND i.lon IS NOT NULL
     GROUP BY cx, cy`,
  ).all(cell, cell, ...params) as (BinRow & { cx: number; cy: number })[];
  const clusters = withLoneIds(db, rows);
  return rows.map((r, k) => ({ cx: r.cx, cy: r.cy, cluster: clusters[k] }));
}

function toCluster(lat: number, lon: number, r: BinRow, id: string | null): Cluster {
  const grades: Record<string, number> = {};
  for (const g of GRADES) if (r[g]) grades[g] = r[g];
  return { lat: round(lat), lon: round(lon), count: r.n, grades, id };
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;
