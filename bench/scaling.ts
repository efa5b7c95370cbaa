/**
 * `npm run bench:scaling`: how partner suggestions and overlaps grow with the data, at several scales of
 * the synthetic network (each in a database of its own).
 *
 *   npm run bench:scaling -- [--scales 0.25,1,4] [--servers ours,floor] [--connections 8] [--duration 15]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { prepareBenchData } from './harness/data.ts';
import { startBenchEngine } from './harness/engine.ts';
import { measureOperation } from './harness/measure.ts';
import type { OperationName } from './harness/operations.ts';
import { parseBenchOptions } from './harness/options.ts';
import { scalingPath, writeResultsSection, type ScalingResult } from './harness/report.ts';
import { startServer } from './harness/servers.ts';

const defaults = ['--operations', 'suggestions,overlaps', '--servers', 'ours,floor'];
const options = parseBenchOptions([...defaults, ...process.argv.slice(2)]);

const results: ScalingResult[] = [];
const counters = {};
for (const scale of options.scales) {
  const { engine, settle, stop } = await startBenchEngine(scale);
  try {
    const { samples, nodes, relationships } = await prepareBenchData(engine.boltUri, scale, options.seed);
    for (const name of options.servers) {
      const server = await startServer(name, engine.boltUri, scale);
      try {
        for (const operation of options.operations as OperationName[]) {
          const figures = await measureOperation(server, operation, { samples, options, settle, counters });
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
