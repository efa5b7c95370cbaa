import { anonymousViewer } from '../../server/auth/viewer.ts';
import type { Database } from '../../server/db/database.ts';
import { createStores } from '../../server/graphql/context.ts';
import { loadSnapshot } from '../../server/network/network-index/load-snapshot.ts';
import { NetworkIndex } from '../../server/network/network-index/network-index.ts';
import { networkReader } from '../../server/network/network-index/network-reader.ts';

/** The stores of one anonymous request, their network index read straight from this database. */
export function anonymousStores(db: Database) {
  return createStores(db, anonymousViewer, { networkIndex: new NetworkIndex(networkReader(db, () => db.read(loadSnapshot), 60_000)) });
}
