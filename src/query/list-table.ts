import type Database from 'better-sqlite3';
import { LIST_FILL_SQL, LIST_INDEXES_SQL, LIST_TRIGGERS_SQL } from '../store/sqlite/migrations.ts';

/**
 * Bulk loads and migration 11's derived tables (incident_list, incident_actor_dates): its
 * triggers keep them in step row by row, which for a million incidents costs several
 * writes per row. Loads drop the triggers and indexes, insert, then fill the tables in one
 * pass and index them once.
 */
export function withoutListTriggers<T>(db: Database.Database, fn: () => T): T {
  const triggers = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'incident\\_list\\_%' ESCAPE '\\'",
    )
    .all() as { name: string }[];
  const indexes = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('incident_list', 'incident_actor_dates')",
    )
    .all() as { name: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
  try {
    return fn();
  } finally {
    db.exec(LIST_FILL_SQL);
    db.exec(LIST_INDEXES_SQL);
    db.exec(LIST_TRIGGERS_SQL);
  }
}
