import type Database from 'better-sqlite3';
import { dataVersion, stmt } from './db.ts';
import { LruCache } from './cache.ts';
import type { ResolvedFilters } from './resolve.ts';
import { whereFor } from './incidents.ts';

/**
 * Server-side map clustering: incidents binned on a lat/lon grid whose cell shrinks by half
 * at each zoom level (4 cells across a 256-pixel web-map tile, i.e. ~64 px per cell), so the
 * browser draws at most a few hundred markers whatever the size of the database.
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

/** Cell size in degrees at a zoom level (0 = whole world in one 256-px tile). */
export function cellDegrees(zoom: number): number {
  return 360 / (2 ** zoom * CELLS_PER_TILE);
}

const cache = new LruCache<string, Cluster[]>(500);

export function mapClusters(db: Database.Database, f: ResolvedFilters, zoom: number): Cluster[] {
  const z = Math.max(0, Math.min(22, Math.floor(zoom)));
  const cell = cellDegrees(z);
  const where = whereFor(db, f);
  const key = `${dataVersion(db)}|${z}|${where.sql}|${JSON.stringify(where.params)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rows = stmt(
    db,
    `SELECT cast((i.lon + 180) / ? AS INTEGER) AS cx, cast((i.lat + 90) / ? AS INTEGER) AS cy,
       count(*) AS n, avg(i.lat) AS lat, avg(i.lon) AS lon, min(i.id) AS id,
       sum(i.grade = 'confirmed') AS confirmed, sum(i.grade = 'fair') AS fair, sum(i.grade = 'weak') AS weak,
       sum(i.grade = 'contested') AS contested, sum(i.grade = 'discounted') AS discounted
     FROM incidents i WHERE ${where.sql} AND i.lat IS NOT NULL AND i.lon IS NOT NULL
     GROUP BY cx, cy`,
  ).all(cell, cell, ...where.params) as Record<string, number | string>[];
  const out = rows.map((r) => {
    const grades: Record<string, number> = {};
    for (const g of ['confirmed', 'fair', 'weak', 'contested', 'discounted']) if (r[g]) grades[g] = r[g] as number;
    return {
      lat: round(r.lat as number),
      lon: round(r.lon as number),
      count: r.n as number,
      grades,
      id: r.n === 1 ? (r.id as string) : null,
    };
  });
  cache.set(key, out);
  return out;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;
