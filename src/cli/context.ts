import type { Command } from 'commander';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';

/** Opens the store named by the global --db option (or STRIKEWATCH_DB), runs fn, closes it. */
export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const db = (cmd.optsWithGlobals() as { db?: string }).db;
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
