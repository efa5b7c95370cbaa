import { createDriver } from '../../server/db/database.ts';
import { LocalEngine } from '../../server/db/local-engine.ts';
import { waitUntilQuiet } from './quiet.ts';

/** The engine each benchmark run starts: one data directory per scale, kept between runs. */
export async function startBenchEngine(scale: number) {
  const memory = scale > 1 ? '4g' : '2g';
  // G1, as a deployed Neo4j runs: the serial collector's pauses would stop the three servers' statements alike and hide their own tails.
  const engine = await LocalEngine.start({ dataDir: `.data/bench-${scale}`, pageCache: memory, heap: memory, startTimeoutMs: 300_000, collector: 'g1' });
  const monitor = createDriver({ uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' });
  return {
    engine,
    /** Resolves once Neo4j has finished every statement in flight. */
    settle: () => waitUntilQuiet(monitor),
    stop: async () => {
      await monitor.close();
      await engine.stop();
    },
  };
}
