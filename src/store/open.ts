import type { Store } from './store.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

/** Default database path, overridden by --db PATH or STRIKEWATCH_DB. */
export const DEFAULT_DB = './strikewatch.db';

export function resolveDbLocation(flag?: string): string {
  return flag ?? process.env.STRIKEWATCH_DB ?? DEFAULT_DB;
}

/** Opens the store named by a path (SQLite) or a postgres:// URL, running migrations. */
export async function openStore(location?: string): Promise<Store> {
  const where = resolveDbLocation(location);
  if (/^postgres(ql)?:\/\//.test(where)) {
    throw new Error(`PostgreSQL store is not available yet (${where}); use a SQLite file path`);
  }
  return SqliteStore.open(where);
}
