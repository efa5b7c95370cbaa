/**
 * `npm run bench`: each operation against this service, the @neo4j/graphql peer and the hand-written
 * Cypher floor, over one database holding the synthetic national network, in one run.
 *
 *   npm run bench -- [--scale 1] [--connections 8] [--warmup 5] [--duration 15] [--operations profile,list] [--servers ours,floor]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { startBenchEngine } from './harness/engine.ts';
import type { LoadFigures, OperationLoad } from './harness/load.ts';
import { roundLength, warmUpOperation } from './harness/measure.ts';
import { signedInOperations, type OperationName } from './harness/operations.ts';
import { parseBenchOptions } from './harness/options.ts';
import { ratioOf, resultsPath, writeResultsSection, type OperationResult } from './harness/report.ts';
import { startServer, type RunningServer, type ServerName } from './harness/servers.ts';
import { prepareBenchData, removeBenchRegistrations } from './harness/data.ts';
import { prepareWriteTargets, removeBenchWrites, signedInHeaders, type PreparedWrites } from './harness/write-targets.ts';

const options = parseBenchOptions(process.argv.slice(2));

const { engine, settle, stop } = await startBenchEngine(options.scale);
const servers: RunningServer[] = [];
try {
  const { samples } = await prepareBenchData(engine.boltUri, options.scale, options.seed);
  // All three run at once but only one is loaded at a time; the idle ones cost memory, not CPU.
  for (const name of options.servers) servers.push(await startServer(name, engine.boltUri, options.scale));

  const writes: PreparedWrites | null = options.operations.some((operation) => signedInOperations.includes(operation))
    ? await prepareWriteTargets(engine.boltUri, samples)
    : null;
  const ours = servers.find((server) => server.name === 'ours');

  const results: OperationResult[] = [];
  const counters = {};
  for (const operation of options.operations as OperationName[]) {
    // Every server is warmed up before any is measured, and the measured time is cut into one round per
    // server with each server first in one of them: Neo4j's JIT and caches go on warming for tens of
    // seconds, and that drift must fall on every server alike, not on whichever is measured first.
    const loads: [RunningServer, OperationLoad][] = [];
    // Signed in afresh for each write operation: a token lives minutes, a run far longer.
    const signedIn = writes && ours && signedInOperations.includes(operation) ? { ours: await signedInHeaders(ours, writes.admin) } : {};
    for (const server of servers) {
      process.stderr.write(`${operation} · ${server.name} warming up\n`);
      loads.push([server, await warmUpOperation(server, operation, { samples, options, settle, counters, signedIn, ...(writes ? { targets: writes.targets } : {}) })]);
    }
    const rounds = loads.length;
    for (let round = 0; round < rounds; round++) {
      for (let turn = 0; turn < rounds; turn++) {
        const [server, load] = loads[(round + turn) % rounds]!;
        process.stderr.write(`${operation} · ${server.name} round ${round + 1} of ${rounds}\n`);
        await load.measureRound(roundLength(options, operation, round, rounds));
      }
    }
    const figures: Partial<Record<ServerName, LoadFigures>> = {};
    for (const [server, load] of loads) {
      const f = (figures[server.name] = load.figures());
      process.stderr.write(`${operation} · ${server.name}: ${f.rps.toFixed(1)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, ${f.rssMb} MB${f.errors ? `, ${f.errors} errors: ${f.firstError}` : ''}\n`);
    }
    results.push(toOperationResult(operation, figures));
  }

  mkdirSync('bench/results', { recursive: true });
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  writeResultsSection('comparison', `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(), options);
  process.stderr.write('wrote bench/results/latest.json and bench/RESULTS.md\n');
} finally {
  for (const server of servers) await server.stop();
  process.stderr.write(`removed ${await removeBenchRegistrations(engine.boltUri)} nodes the registrations wrote\n`);
  process.stderr.write(`removed ${await removeBenchWrites(engine.boltUri)} initiatives, sources and accounts the other writes left\n`);
  await stop();
}

function toOperationResult(operation: OperationName, figures: Partial<Record<ServerName, LoadFigures>>): OperationResult {
  return {
    operation,
    ours: figures.ours ?? null,
    peer: figures.peer ?? null,
    floor: figures.floor ?? null,
    ratioVsPeer: ratioOf(figures.ours?.rps, figures.peer?.rps),
    ratioVsFloorP50: ratioOf(figures.ours?.p50Ms, figures.floor?.p50Ms),
  };
}
