import type Database from 'better-sqlite3';
import type { Store } from '../store/store.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { EARTH_RADIUS_KM, haversineKm } from '../domain/geo.ts';

/**
 * The query layer reads the SQLite tables directly (migrations 1-4): one indexed SQL query
 * per request beats assembling results through the generic Store methods. This is the one
 * place that reaches past the Store contract; a PostgreSQL engine would get its own twin.
 */
export function sqliteOf(store: Store): Database.Database {
  if (store instanceof SqliteStore) {
    prepareDb(store.db);
    return store.db;
  }
  throw new Error('queries need the SQLite engine for now (the PostgreSQL query layer is not written yet)');
}

const prepared = new WeakSet<Database.Database>();
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Registers the SQL functions the queries use, once per connection. */
export function prepareDb(db: Database.Database): void {
  if (prepared.has(db)) return;
  prepared.add(db);
  // Queries read many pages of a large file: map it into memory (no read() copy per page)
  // and keep a bigger page cache than SQLite's 2 MB default. Both only affect this connection.
  if (db.name !== ':memory:') {
    db.pragma('mmap_size = 2147483648');
    db.pragma('cache_size = -131072');
  }
  db.function(
    'sw_dist_km',
    { deterministic: true },
    (lat1: unknown, lon1: unknown, lat2: unknown, lon2: unknown) => {
      if (
        typeof lat1 !== 'number' ||
        typeof lon1 !== 'number' ||
        typeof lat2 !== 'number' ||
        typeof lon2 !== 'number'
      )
        return null;
      return haversineKm(lat1, lon1, lat2, lon2);
    },
  );
}

/** A prepared statement, cached per connection and SQL text (filters build a handful of shapes). */
export function stmt(db: Database.Database, sql: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) {
    if (m.size > 500) m.clear();
    s = db.prepare(sql);
    m.set(sql, s);
  }
  return s;
}

export { EARTH_RADIUS_KM, haversineKm };

/**
 * A number that changes whenever the database changes, from this connection or another:
 * the key of the result caches (counts, statistics, clusters).
 */
export function dataVersion(db: Database.Database): string {
  // One prepared statement (db.pragma() prepares its statement on every call; this runs several times a request).
  const r = stmt(
    db,
    'SELECT data_version AS other, total_changes() AS own FROM pragma_data_version',
  ).get() as { other: number; own: number };
  return `${r.other}:${r.own}`;
}

let spanCache: { key: string; days: number } | null = null;

/**
 * The longest date window of any incident, in whole days (from the window-length index of
 * migration 5): it turns "window ends on or after `from`" into an index range on date_start.
 */
export function maxWindowDays(db: Database.Database): number {
  const key = dataVersion(db);
  if (spanCache?.key === key) return spanCache.days;
  const r = stmt(db, 'SELECT max(julianday(date_end) - julianday(date_start)) AS d FROM incidents').get() as {
    d: number | null;
  };
  const days = Math.max(0, Math.ceil(r.d ?? 0));
  spanCache = { key, days };
  return days;
}
