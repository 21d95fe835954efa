import type Database from 'better-sqlite3';

/**
 * Rebuilds the map grid (incident_grid, migration 8) from the incidents in one GROUP BY: bulk
 * loads drop its triggers while they insert (six upserts per row cost more than one pass at
 * the end) and call this after. The triggers keep it in step the rest of the time.
 */
export function rebuildGrid(db: Database.Database): void {
  db.exec(`DELETE FROM incident_grid;
    INSERT INTO incident_grid (z, cx, cy, country, grade, event_type, n, sum_lat, sum_lon, sum_rowid)
      SELECT g.z, cast((i.lon + 180) / g.cell AS INTEGER), cast((i.lat + 90) / g.cell AS INTEGER), coalesce(i.country, ''),
        i.grade, i.event_type, count(*), sum(i.lat), sum(i.lon), sum(i.rowid)
      FROM incident_grid_levels g, incidents i WHERE i.lat IS NOT NULL AND i.lon IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6;`);
}

/** Drops the grid's triggers, runs `fn`, restores them and rebuilds the grid. */
export function withoutGridTriggers<T>(db: Database.Database, fn: () => T): T {
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'incident\\_grid\\_%' ESCAPE '\\'")
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  try {
    return fn();
  } finally {
    for (const t of triggers) db.exec(t.sql);
    rebuildGrid(db);
  }
}
