import type { Database } from '../../db/database.ts';
import { readChangedRows } from './catch-up/read-changed-rows.ts';
import type { NetworkReader } from './network-index.ts';
import type { NetworkSnapshot } from './snapshot.ts';

/**
 * The network index's reads of this database: the whole network by `readAll` (in the service, a thread
 * of its own: build-snapshot.ts), what changed in one read transaction. A catch-up waits for the
 * database at most `catchUpWaitMs`, as a request would: every request behind it waits for it, so one
 * that hung on a frozen database would hang them all.
 */
export function networkReader(db: Database, readAll: () => Promise<NetworkSnapshot>, catchUpWaitMs: number): NetworkReader {
  return { readAll, readChanges: (since, inIndex) => db.forRequest(catchUpWaitMs).read((tx) => readChangedRows(tx, since, inIndex)) };
}
