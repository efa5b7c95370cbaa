import { anonymousViewer, type Viewer } from '../auth/viewer.ts';
import { ActorStore } from '../actors/store.ts';
import type { Database } from '../db/database.ts';
import { InitiativeStore } from '../initiatives/store.ts';
import { NetworkStore } from '../network/store.ts';
import { ReferenceStore } from '../reference/store.ts';
import { LinkStore } from '../shared/links-store.ts';

/** Everything one GraphQL operation works with. Stores are made per request so their batches are too. */
export interface Context {
  db: Database;
  viewer: Viewer;
  stores: ReturnType<typeof createStores>;
}

export function createStores(db: Database, viewer: Viewer) {
  return {
    reference: new ReferenceStore(db),
    links: new LinkStore(db),
    actors: new ActorStore(db, viewer),
    initiatives: new InitiativeStore(db, viewer),
    network: new NetworkStore(db, viewer),
  };
}

export function createContext(db: Database, viewer: Viewer = anonymousViewer): Context {
  return { db, viewer, stores: createStores(db, viewer) };
}
