import type Database from 'better-sqlite3';
import type { Store } from '../store/store.ts';
import type { UserStore } from '../store/sqlite/users.ts';
import type { QueryDeps } from '../query/resolve.ts';
import type { AskDeps } from '../query/ask.ts';
import type { Stages } from '../pipeline.ts';
import type { Gazetteer } from '../gazetteer/types.ts';
import type { ReviewService } from './review-service.ts';

/** What route modules share: the store, its SQLite connection, the users and the pluggable services. */
export interface ServerContext {
  store: Store;
  db: Database.Database;
  users: UserStore;
  isPrivate: boolean;
  queryDeps: QueryDeps;
  askDeps: AskDeps;
  gazetteer: Gazetteer | null;
  review: ReviewService | null;
  stages: () => Promise<Stages>;
}
