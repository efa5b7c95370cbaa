/**
 * `npm run bench:export`: the whole national network exported once, as the public gets it, in one format
 * (GraphML by default, the largest), from the service as deployed against the synthetic network.
 *
 *   npm run bench:export -- [--scale 1] [--format graphml]
 *
 * Reports the time to the last byte and the service's peak resident memory, each beside a baseline of
 * the same run: the time of one hand-written statement that streams the same nodes and edges through
 * the driver (no visibility, no sources, nothing written), and the service's memory at rest before the
 * export. Results go to bench/results/export.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createDriver } from '../server/db/database.ts';
import { exportFormats } from '../server/research/export/export-scope.ts';
import { prepareBenchData } from './harness/data.ts';
import { startBenchEngine } from './harness/engine.ts';
import { residentMb, sampleResidentMemory } from './harness/rss.ts';
import { startServer } from './harness/servers.ts';

const args = Object.fromEntries(process.argv.slice(2).reduce<[string, string][]>((pairs, arg, i, all) => (i % 2 === 0 ? [...pairs, [arg.replace(/^--/, ''), all[i + 1]!]] : pairs), []));
const scale = Number(args.scale ?? 1);
const format = args.format ?? 'graphml';
if (!(exportFormats as readonly string[]).includes(format)) throw new Error(`--format must be one of ${exportFormats.join(', ')}`);

/** The floor: every actor, initiative and participation, streamed by one statement and counted. */
async function floorSeconds(boltUri: string): Promise<{ seconds: number; records: number }> {
  const driver = createDriver({ uri: boltUri, user: 'neo4j', password: '', database: 'neo4j' });
  const started = performance.now();
  let records = 0;
  try {
    const session = driver.session({ database: 'neo4j' });
    for (const text of [
      'MATCH (n:Actor) RETURN n.id, n.kind, n.name',
      'MATCH (n:Initiative) RETURN n.id, n.kind, n.name',
      'MATCH (a:Actor)-[r:PARTICIPATES_IN]->(i:Initiative) RETURN r.id, a.id, i.id, r.role',
    ]) {
      for await (const _record of session.run(text)) records++;
    }
    await session.close();
  } finally {
    await driver.close();
  }
  return { seconds: (performance.now() - started) / 1000, records };
}

const { engine, settle, stop } = await startBenchEngine(scale);
try {
  const { nodes, relationships } = await prepareBenchData(engine.boltUri, scale, 20261122);
  await settle();
  const floor = await floorSeconds(engine.boltUri);
  process.stderr.write(`floor: ${floor.records} records in ${floor.seconds.toFixed(1)} s\n`);
  const server = await startServer('ours', engine.boltUri, scale);
  try {
    const base = server.url.replace(/\/graphql$/, '');
    // One kommun first, so that the export's statements are planned before the national one is timed.
    await (await fetch(`${base}/export?format=${format}&municipality=1982`)).text();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const restingMb = residentMb(server.pid)!;
    const memory = sampleResidentMemory(server.pid);
    const started = performance.now();
    const response = await fetch(`${base}/export?format=${encodeURIComponent(format)}`);
    if (!response.ok || !response.body) throw new Error(`the export answered ${response.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    const peakMb = memory.stop();
    const result = {
      scale,
      format,
      graph: { nodes, relationships },
      export: { seconds, megabytes: bytes / 1e6, lines },
      floor,
      timeRatio: seconds / floor.seconds,
      memory: { restingMb, peakMb, peakOverResting: peakMb / restingMb },
    };
    process.stderr.write(`${JSON.stringify(result, null, 2)}\n`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/export.json', `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await server.stop();
  }
} finally {
  await stop();
}
