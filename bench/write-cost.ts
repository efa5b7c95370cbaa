// `npm run bench:write-cost -- --scale 1 --requests 400 --rounds 4`
// What a write costs: p50 and p99 at 4 connections of the mutations that write the network, each with its
// change record, audit entry and network revision, against the floor's hand-written profile edit (one
// statement: the property, the audit entry, the revision) measured in the same run on the same engine.
// `--compare-with DIR` runs another checkout of this project (an earlier commit, say) beside them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { prepareBenchData } from './harness/data.ts';
import { startBenchEngine } from './harness/engine.ts';
import { OperationLoad, type LoadFigures } from './harness/load.ts';
import { benchSource, graphqlRequest, nthInitiative, nthParticipation, type BenchRequest } from './harness/operations.ts';
import { prepareWriteTargets, removeBenchWrites, signedInHeaders } from './harness/write-targets.ts';
import { startServer } from './harness/servers.ts';

const options = z
  .object({
    scale: z.coerce.number().positive().default(1),
    seed: z.coerce.number().int().default(20261122),
    connections: z.coerce.number().int().min(1).default(4),
    requests: z.coerce.number().int().min(10).default(400),
    rounds: z.coerce.number().int().min(1).default(4),
    'compare-with': z.string().optional(),
  })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).reduce<string[][]>((pairs, arg, i, all) => (i % 2 === 0 ? [...pairs, [arg.replace(/^--/, ''), all[i + 1]!]] : pairs), [])));

const mutations = {
  updateOrganization: `mutation ($id: ID!, $description: String!, $source: SourceInput) {
    updateOrganization(id: $id, input: { description: $description, source: $source }) { id version } }`,
  createInitiative: `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
  addParticipation: `mutation ($input: AddParticipationInput!) { addParticipation(input: $input) { id } }`,
};

const bench = await startBenchEngine(options.scale);
const { samples } = await prepareBenchData(bench.engine.boltUri, options.scale, options.seed);
// The run's own initiatives and admin, as `npm run bench` makes them; removed again at the end.
const { targets, admin } = await prepareWriteTargets(bench.engine.boltUri, samples);
const organizations = targets.organizationIds;

let written = 0;
const operations: Record<string, { server: 'ours' | 'floor' | 'compared'; next: () => BenchRequest }> = {
  'floor: profile edit': { server: 'floor', next: () => ({ method: 'POST', path: '/update-organization', body: JSON.stringify({ id: organizations[written % organizations.length], description: `Mätning ${++written}` }) }) },
  updateOrganization: {
    server: 'ours',
    next: () => graphqlRequest(mutations.updateOrganization, { id: organizations[written % organizations.length], description: `Mätning ${++written}`, source: benchSource }),
  },
  createInitiative: { server: 'ours', next: () => graphqlRequest(mutations.createInitiative, { input: nthInitiative(samples, written++) }) },
  // Every request a pair of actor and initiative of its own, so that none is refused as a role taken.
  addParticipation: { server: 'ours', next: () => graphqlRequest(mutations.addParticipation, { input: nthParticipation(targets, written++) }) },
};
if (options['compare-with']) {
  // An older checkout's updateOrganization takes no source: it has none to give.
  operations['compared: updateOrganization'] = {
    server: 'compared',
    next: () => graphqlRequest('mutation ($id: ID!, $d: String!) { updateOrganization(id: $id, input: { description: $d }) { id } }', { id: organizations[written % organizations.length], d: `Mätning ${++written}` }),
  };
}

const servers = {
  ours: await startServer('ours', bench.engine.boltUri, options.scale),
  floor: await startServer('floor', bench.engine.boltUri, options.scale),
  compared: options['compare-with'] ? await startServer('ours', bench.engine.boltUri, options.scale, path.resolve(options['compare-with'])) : null,
};
const results: Record<string, LoadFigures> = {};
try {
  const loads: [string, OperationLoad][] = [];
  for (const [name, operation] of Object.entries(operations)) {
    const server = servers[operation.server]!;
    const headers = operation.server === 'floor' ? {} : await signedInHeaders(server, admin);
    const target = { url: server.url, pid: server.pid, connections: options.connections, headers, nextRequest: operation.next, settle: bench.settle };
    loads.push([name, await OperationLoad.warmUp(target, [{ requests: Math.min(100, options.requests) }])]);
  }
  // Rounds of each operation in turn, so that a machine whose load drifts during the run weighs on all alike.
  for (let round = 0; round < options.rounds; round++) {
    for (const [, load] of loads) await load.measureRound({ requests: Math.ceil(options.requests / options.rounds) });
  }
  for (const [name, load] of loads) {
    const figures = (results[name] = load.figures());
    process.stderr.write(`${name}: p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ${figures.rps} req/s, ${figures.errors} errors${figures.firstError ? ` (${figures.firstError})` : ''}\n`);
  }
} finally {
  for (const server of Object.values(servers)) await server?.stop();
  await removeBenchWrites(bench.engine.boltUri);
  await bench.stop();
}

const floor = results['floor: profile edit']!;
const report = {
  measuredAt: new Date().toISOString(),
  scale: options.scale,
  connections: options.connections,
  requests: options.requests,
  operations: Object.fromEntries(
    Object.entries(results).map(([name, figures]) => [name, { ...figures, p50ToFloor: Math.round((figures.p50Ms / floor.p50Ms) * 100) / 100 }]),
  ),
};
writeFileSync('bench/results/write-cost.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
