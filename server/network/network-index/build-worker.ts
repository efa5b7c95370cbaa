import neo4j from 'neo4j-driver';
import { parentPort, workerData } from 'node:worker_threads';
import { createDriver, Database, type Neo4jConnection } from '../../db/database.ts';
import { loadSnapshot } from './load-snapshot.ts';
import type { NetworkSnapshot } from './snapshot.ts';

/** What the service hands the thread. */
export interface BuildRequest {
  connection: Neo4jConnection;
  timeoutMs: number;
  /** The service's bookmarks: the read waits until its cluster member holds every write the service has seen. */
  bookmarks: string[];
}

const { connection, timeoutMs, bookmarks } = workerData as BuildRequest;
const driver = createDriver(connection);
try {
  const db = new Database(driver, connection.database, timeoutMs, { bookmarks: neo4j.bookmarkManager({ initialBookmarks: bookmarks }) });
  const snapshot = await db.read(loadSnapshot);
  parentPort!.postMessage(snapshot, buffersOf(snapshot));
} finally {
  await driver.close();
}

/** The typed arrays' memory moves to the service instead of being copied. */
function buffersOf(snapshot: NetworkSnapshot): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown) => {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    else if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Map)) Object.values(value).forEach(visit);
  };
  visit(snapshot);
  return [...buffers];
}
