import { LocalEngine } from '../../server/db/local-engine.ts';

/** The engine each benchmark run starts: one data directory per scale, kept between runs. */
export async function startBenchEngine(scale: number): Promise<{ engine: LocalEngine; stop: () => Promise<void> }> {
  const memory = scale > 1 ? '4g' : '2g';
  const engine = await LocalEngine.start({ dataDir: `.data/bench-${scale}`, pageCache: memory, heap: memory, startTimeoutMs: 300_000 });
  return { engine, stop: () => engine.stop() };
}
