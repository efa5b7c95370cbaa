import type { Database } from '../db/database.ts';
import { ReferenceStore } from '../reference/store.ts';

/** Everything one GraphQL operation works with. Stores are made per request so their batches are too. */
export interface Context {
  db: Database;
  stores: ReturnType<typeof createStores>;
}

export function createStores(db: Database) {
  return {
    reference: new ReferenceStore(db),
  };
}

export function createContext(db: Database): Context {
  return { db, stores: createStores(db) };
}
