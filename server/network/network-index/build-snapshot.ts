import { Worker } from 'node:worker_threads';
import type { Neo4jConnection } from '../../db/database.ts';
import type { BuildRequest } from './build-worker.ts';
import type { NetworkSnapshot } from './snapshot.ts';

export interface BuildLimits {
  timeoutMs: number;
  heapMb: number;
}

/**
 * Builds a snapshot in a thread of its own: reading the network makes hundreds of MB of short-lived
 * objects, which a heap of bounded size collects as it goes and gives back when the thread ends, and
 * the service's own thread stays free to answer other requests meanwhile.
 */
export function buildSnapshotInWorker(connection: Neo4jConnection, limits: BuildLimits, bookmarks: string[]): Promise<NetworkSnapshot> {
  const request: BuildRequest = { connection, timeoutMs: limits.timeoutMs, bookmarks };
  const worker = new Worker(new URL('./build-worker.mjs', import.meta.url), {
    workerData: request,
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16 },
  });
  return new Promise<NetworkSnapshot>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the network index build stopped with exit code ${code} before it finished`)));
  });
}
