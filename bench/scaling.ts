/**
 * `npm run bench:scaling`: how partner suggestions and overlaps grow with the data, at several scales of
 * the synthetic network (each in a database of its own).
 *
 *   npm run bench:scaling -- [--scales 0.25,1,4] [--servers ours,floor] [--connections 8] [--duration 15]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { prepareBenchData } from './harness/data.ts';
import { startBenchEngine } from './harness/engine.ts';
import { measureLoad } from './harness/load.ts';
import { floorRequests, nthRequest, oursRequests, type OperationName, type RequestSet } from './harness/operations.ts';
import { parseBenchOptions } from './harness/options.ts';
import { scalingPath, writeResultsSection, type ScalingResult } from './harness/report.ts';
import { startServer, type ServerName } from './harness/servers.ts';
import { peerRequests } from './peer/operations.ts';

const defaults = ['--operations', 'suggestions,overlaps', '--servers', 'ours,floor'];
const options = parseBenchOptions([...defaults, ...process.argv.slice(2)]);
const requestSets: Record<ServerName, RequestSet> = { ours: oursRequests, peer: peerRequests, floor: floorRequests };

const results: ScalingResult[] = [];
// Every server is asked the same questions in the same order.
let registrations = 0;
for (const scale of options.scales) {
  const { engine, settle, stop } = await startBenchEngine(scale);
  try {
    const { samples, nodes, relationships } = await prepareBenchData(engine.boltUri, scale, options.seed);
    for (const name of options.servers) {
      const server = await startServer(name, engine.boltUri);
      try {
        for (const operation of options.operations as OperationName[]) {
          let asked = 0;
          const figures = await measureLoad({
            url: server.url,
            pid: server.pid,
            connections: options.connections,
            warmupSeconds: options.warmup,
            length: options.counted.includes(operation) ? { requests: options.requests } : { seconds: options.duration },
            settle,
        nextRequest: () => nthRequest(requestSets[name], operation, samples, operation === 'register' ? registrations++ : asked++),
          });
          process.stderr.write(`scale ${scale} · ${operation} · ${name}: ${figures.rps.toFixed(1)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms\n`);
          results.push({ scale, nodes, relationships, operation, server: name, figures });
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    await stop();
  }
}

mkdirSync('bench/results', { recursive: true });
writeFileSync(scalingPath, `${JSON.stringify(results, null, 2)}\n`);
writeResultsSection('scaling', `npm run bench:scaling -- ${process.argv.slice(2).join(' ')}`.trim(), options);
process.stderr.write(`wrote ${scalingPath} and bench/RESULTS.md\n`);
