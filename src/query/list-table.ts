import type Database from 'better-sqlite3';
import { LIST_FILL_SQL, LIST_ITEMS_FILL_SQL, WALKS_FILL_SQL } from '../store/sqlite/migrations.ts';

/**
 * Bulk loads and the derived tables of migrations 11, 13 and 14 (incident_list,
 * incident_actor_dates, incident_list_items, incident_walks): their triggers keep them in step row by row,
 * which for a million incidents costs several writes per row. Loads drop the triggers and indexes, insert, then fill the tables in one
 * pass and put back the indexes and triggers the database had.
 */
export function withoutListTriggers<T>(db: Database.Database, fn: () => T): T {
  const triggers = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'incident\\_list\\_%' ESCAPE '\\'",
    )
    .all() as { name: string; sql: string }[];
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('incident_list', 'incident_actor_dates')",
    )
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
  try {
    return fn();
  } finally {
    db.exec(LIST_FILL_SQL);
    db.exec(LIST_ITEMS_FILL_SQL);
    db.exec(WALKS_FILL_SQL);
    for (const ix of indexes) db.exec(ix.sql);
    for (const t of triggers) db.exec(t.sql);
  }
}
