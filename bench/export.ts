/**
 * `npm run bench:export`: the whole national network exported once, as the public gets it, in one format
 * (GraphML by default, the largest), from the service as deployed against the synthetic network.
 *
 *   npm run bench:export -- [--scale 1] [--format graphml]
 *
 * Reports the time to the last byte and the service's peak resident memory, each beside a baseline of
 * the same run: the time of one hand-written statement that streams the same nodes and edges through
 * the driver (no visibility, no sources, nothing written), and the service's memory at rest before the
 * export. Before it, one kommun's export (Umeå, 2480 by default: `--municipality`) is timed the same way
 * beside hand-written statements that read that kommun's rows, the figure that shows whether an export
 * of a kommun starts from it. Results go to bench/results/export.json.
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
const municipality = args.municipality ?? '2480';
if (!(exportFormats as readonly string[]).includes(format)) throw new Error(`--format must be one of ${exportFormats.join(', ')}`);

/** The floor of the national export: every actor, initiative and participation, streamed by one statement each and counted. */
const nationalFloor = [
  'MATCH (n:Actor) RETURN n.id, n.kind, n.name',
  'MATCH (n:Initiative) RETURN n.id, n.kind, n.name',
  'MATCH (a:Actor)-[r:PARTICIPATES_IN]->(i:Initiative) RETURN r.id, a.id, i.id, r.role',
];

/** The floor of a kommun's export: its actors (its own and those in its initiatives), its initiatives and their participations. */
const kommunFloor = [
  `CALL () {
     MATCH (:Municipality {code: $code})<-[:IN_MUNICIPALITY]-(a:Actor) RETURN a
     UNION
     MATCH (:Municipality {code: $code})<-[:IN_MUNICIPALITY]-(:Initiative)<-[:PARTICIPATES_IN]-(a:Actor) RETURN a
   } RETURN a.id, a.kind, a.name`,
  'MATCH (:Municipality {code: $code})<-[:IN_MUNICIPALITY]-(n:Initiative) RETURN n.id, n.kind, n.name',
  'MATCH (:Municipality {code: $code})<-[:IN_MUNICIPALITY]-(i:Initiative)<-[r:PARTICIPATES_IN]-(a:Actor) RETURN r.id, a.id, i.id, r.role',
];

async function floorSeconds(boltUri: string, statements: string[], parameters: Record<string, unknown> = {}): Promise<{ seconds: number; records: number }> {
  const driver = createDriver({ uri: boltUri, user: 'neo4j', password: '', database: 'neo4j' });
  const started = performance.now();
  let records = 0;
  try {
    const session = driver.session({ database: 'neo4j' });
    for (const text of statements) {
      for await (const _record of session.run(text, parameters)) records++;
    }
    await session.close();
  } finally {
    await driver.close();
  }
  return { seconds: (performance.now() - started) / 1000, records };
}

/** Downloads an export to its last byte; its time, size and lines. */
async function download(url: string): Promise<{ seconds: number; megabytes: number; lines: number }> {
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`the export answered ${response.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  return { seconds: (performance.now() - started) / 1000, megabytes: bytes / 1e6, lines };
}

const { engine, settle, stop } = await startBenchEngine(scale);
try {
  const { nodes, relationships } = await prepareBenchData(engine.boltUri, scale, 20261122);
  await settle();
  const floor = await floorSeconds(engine.boltUri, nationalFloor);
  process.stderr.write(`floor: ${floor.records} records in ${floor.seconds.toFixed(1)} s\n`);
  const server = await startServer('ours', engine.boltUri, scale);
  try {
    const base = server.url.replace(/\/graphql$/, '');
    // The kommun's export once first, so that its statements are planned before it is timed; then the
    // kommun's floor and export, each twice, alternating, and the quicker of each kept.
    const kommunUrl = `${base}/export?format=${encodeURIComponent(format)}&municipality=${municipality}`;
    await download(kommunUrl);
    const kommunRuns: { seconds: number; megabytes: number; lines: number }[] = [];
    const kommunFloors: { seconds: number; records: number }[] = [];
    for (let round = 0; round < 2; round++) {
      kommunFloors.push(await floorSeconds(engine.boltUri, kommunFloor, { code: municipality }));
      kommunRuns.push(await download(kommunUrl));
    }
    const kommunExport = kommunRuns.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    const kommunBaseline = kommunFloors.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    process.stderr.write(`kommun ${municipality}: export ${kommunExport.seconds.toFixed(2)} s, floor ${kommunBaseline.seconds.toFixed(2)} s\n`);
    // The national export's first statement is planned by a first page, abandoned, before the whole is timed.
    const firstPage = await fetch(`${base}/export?format=${encodeURIComponent(format)}`);
    const firstChunk = firstPage.body!.getReader();
    await firstChunk.read();
    await firstChunk.cancel();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const restingMb = residentMb(server.pid)!;
    const memory = sampleResidentMemory(server.pid);
    const national = await download(`${base}/export?format=${encodeURIComponent(format)}`);
    const peakMb = memory.stop();
    const result = {
      scale,
      format,
      graph: { nodes, relationships },
      kommun: { municipality, export: kommunExport, floor: kommunBaseline, timeRatio: kommunExport.seconds / kommunBaseline.seconds },
      export: national,
      floor,
      timeRatio: national.seconds / floor.seconds,
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
