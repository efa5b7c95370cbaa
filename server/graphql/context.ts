import { AccountStore } from '../accounts/store.ts';
import { ActorStore } from '../actors/store.ts';
import { AuditStore } from '../audit/store.ts';
import { HistoryStore } from '../history/store.ts';
import type { Pseudonyms } from '../auth/pseudonyms.ts';
import type { RateLimits } from '../auth/rate-limits.ts';
import type { TokenService } from '../auth/tokens.ts';
import { anonymousViewer, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import { InitiativeStore } from '../initiatives/store.ts';
import type { NetworkIndex } from '../network/network-index/network-index.ts';
import { NetworkStore } from '../network/store.ts';
import { PeopleStore } from '../people/store.ts';
import { ReferenceStore } from '../reference/store.ts';
import type { MeasuresJobs } from '../research/measures/jobs.ts';
import { MeasuresStore } from '../research/measures/store.ts';
import { ReviewStore } from '../review/store.ts';
import type { Language } from '../shared/language.ts';
import { LinkStore } from '../shared/links-store.ts';

/** What lives as long as the service: shared by every request. */
export interface Services {
  tokens: TokenService;
  rateLimits: RateLimits;
  pseudonyms: Pseudonyms;
  networkIndex: NetworkIndex;
  measures: MeasuresJobs;
}

/** Everything one GraphQL operation works with. Stores are made per request so their batches are too. */
export interface Context {
  db: Database;
  viewer: Viewer;
  clientAddress: string;
  /** The language the request asked for (Accept-Language): the errors of its answer are written in it. */
  language: Language;
  services: Services;
  stores: ReturnType<typeof createStores>;
}

export function createStores(db: Database, viewer: Viewer, services: Pick<Services, 'networkIndex'>) {
  const links = new LinkStore(db);
  return {
    reference: new ReferenceStore(db),
    links,
    actors: new ActorStore(db, viewer, links),
    initiatives: new InitiativeStore(db, viewer),
    network: new NetworkStore(db, viewer, services.networkIndex),
    accounts: new AccountStore(db),
    audit: new AuditStore(db),
    people: new PeopleStore(db),
    history: new HistoryStore(db, viewer),
    review: new ReviewStore(db),
    measures: new MeasuresStore(db),
  };
}

export function createContext(
  db: Database,
  services: Services,
  viewer: Viewer = anonymousViewer,
  clientAddress = 'unknown',
  language: Language = 'en',
): Context {
  return { db, viewer, clientAddress, language, services, stores: createStores(db, viewer, services) };
}
