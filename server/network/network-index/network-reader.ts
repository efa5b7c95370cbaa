import type { Database } from '../../db/database.ts';
import { readChangedRows } from './catch-up/read-changed-rows.ts';
import type { NetworkReader } from './network-index.ts';
import type { NetworkSnapshot } from './snapshot.ts';

/**
 * The network index's reads of this database: the whole network by `readAll` (in the service, a thread
 * of its own: build-snapshot.ts), what changed in one read transaction.
 */
export function networkReader(db: Database, readAll: () => Promise<NetworkSnapshot>): NetworkReader {
  return { readAll, readChanges: (since, inIndex) => db.read((tx) => readChangedRows(tx, since, inIndex)) };
}
