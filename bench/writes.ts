// `npm run bench:writes -- --scale 1 --seconds 30`
// Partner suggestions and overlaps for one län, asked in sequence as a strategist's pages ask them,
// measured alone and then with writes running alongside at 1 and at 10 a second (updateOrganization,
// createInitiative and addParticipation in turn), all in one run against one service in production mode.
// Each acknowledged write is followed at once by a partner suggestion for what it touched, on a connection of
// its own: the time from the acknowledgement to that answer, which the index must have caught up to give, is
// how long a write takes to reach the index (an upper bound: it includes scoring the suggestion).
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { createAccount } from '../server/accounts/store.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { createDriver, Database } from '../server/db/database.ts';
import { writeInitiatives } from '../server/repositories/initiatives.ts';
import { newId } from '../server/shared/ids.ts';
import { prepareBenchData } from './harness/data.ts';
import { startBenchEngine } from './harness/engine.ts';
import { writeWritesSection } from './harness/report.ts';
import { sampleResidentMemory } from './harness/rss.ts';
import { startServer } from './harness/servers.ts';
import { benchSource, initiativeMark } from './harness/operations.ts';
import { benchAdminMark, removeBenchWrites } from './harness/write-targets.ts';

const options = z
  .object({
    scale: z.coerce.number().positive().default(1),
    seed: z.coerce.number().int().default(20261122),
    seconds: z.coerce.number().positive().default(30),
    county: z.string().default('19'),
  })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).reduce<string[][]>((pairs, arg, i, all) => (i % 2 === 0 ? [...pairs, [arg.replace(/^--/, ''), all[i + 1]!]] : pairs), [])));

// What the run writes is named and cited as every benchmark's writes are, so that removeBenchWrites takes it away again.
const source = benchSource;
const queries = {
  suggestions: `query ($id: ID!) { partnerSuggestions(forId: $id, first: 10) { actor { id name kind } score reasons { kind detail } } }`,
  overlaps: `query ($county: String!) { overlaps(filter: { counties: [$county] }, first: 20) { a { id name } b { id name } score overlappingDays } }`,
  updateOrganization: `mutation ($id: ID!, $description: String!, $source: SourceInput) { updateOrganization(id: $id, input: { description: $description, source: $source }) { id } }`,
  createInitiative: `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
  addParticipation: `mutation ($input: AddParticipationInput!) { addParticipation(input: $input) { id } }`,
};

const bench = await startBenchEngine(options.scale);
await prepareBenchData(bench.engine.boltUri, options.scale, options.seed);
const driver = createDriver({ uri: bench.engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' });
const db = new Database(driver, 'neo4j', 600_000);
const admin = { email: `${benchAdminMark}-writes-${Date.now()}@example.org`, password: 'skrivningar-mäts-42' };
await db.write(async (tx) => createAccount(tx, { email: admin.email, passwordHash: await hashPassword(admin.password), role: 'ADMIN' }, 'bench'));
const sample = (
  await db.query<{ associations: string[]; kommuner: string[] }>({
    text: `MATCH (c:County {code: $county})<-[:IN_COUNTY]-(m:Municipality)
           WITH c, collect(m.code) AS kommuner
           RETURN kommuner, COLLECT { MATCH (o:Organization {kind: 'ASSOCIATION', status: 'VERIFIED'})-[:IN_MUNICIPALITY]->(:Municipality)-[:IN_COUNTY]->(c)
                                      RETURN DISTINCT o.id ORDER BY o.id LIMIT 150 } AS associations`,
    parameters: { county: options.county },
  })
).records[0]!.toObject();
const { associations, kommuner } = sample;
// Initiatives of this run's own, so that no participation added to them is one the network has already.
const initiatives = Array.from({ length: 40 }, () => newId());
await db.write((tx) =>
  writeInitiatives(
    tx,
    initiatives.map((id, n) => ({ id, kind: 'PROJECT', name: `${initiativeMark} skrivning ${n}`, description: null, start: '2026', end: null, status: 'VERIFIED', themes: ['integration'], municipalities: [kommuner[n % kommuner.length]!], sources: [], partOf: null })),
    { mode: 'create', author: 'bench' },
  ),
);

const server = await startServer('ours', bench.engine.boltUri, options.scale);
const url = server.url;

async function graphql(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Record<string, any>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.[0]?.message ?? `status ${response.status}`);
  return body.data;
}

const signedIn = { authorization: `Bearer ${(await graphql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: admin.email, p: admin.password })).login.token}` };

let written = 0;
/** The next write of the mix, and the actor whose partner suggestions it changes. */
function nextWrite(): { query: string; variables: Record<string, unknown>; touches: string } {
  const n = written++;
  const actor = associations[n % associations.length]!;
  switch (n % 3) {
    case 0:
      return { query: queries.updateOrganization, variables: { id: actor, description: `Skrivmätning ${n}`, source }, touches: actor };
    case 1:
      return {
        query: queries.createInitiative,
        variables: { input: { kind: 'ACTIVITY', name: `${initiativeMark} skrivning ${n}`, themes: ['integration', 'fritid'], municipalities: [kommuner[n % kommuner.length]], source } },
        touches: actor,
      };
    default:
      return {
        query: queries.addParticipation,
        variables: { input: { actorId: actor, initiativeId: initiatives[Math.floor(n / 3) % initiatives.length], role: 'PARTNER', source } },
        touches: actor,
      };
  }
}

const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/** How often the service's network index was read whole and caught up so far (its /metrics). */
async function indexUpdates(): Promise<{ fullReads: number; catchUps: number }> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  const count = (name: string) => Number(new RegExp(`^${name}_count (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { fullReads: count('network_index_build_seconds'), catchUps: count('network_index_catch_up_seconds') };
}

interface Phase {
  name: string;
  fullReads: number;
  catchUps: number;
  writesPerSecond: number;
  suggestions: number[];
  overlaps: number[];
  writes: number[];
  toIndex: number[];
  writeErrors: number;
  rssMb: number;
}

async function runPhase(name: string, writesPerSecond: number): Promise<Phase> {
  const phase: Phase = { name, writesPerSecond, suggestions: [], overlaps: [], writes: [], toIndex: [], writeErrors: 0, rssMb: 0, fullReads: 0, catchUps: 0 };
  const updatesBefore = await indexUpdates();
  const memory = sampleResidentMemory(server.pid);
  const endAt = performance.now() + options.seconds * 1000;
  const pending: Promise<void>[] = [];
  // Writes on a schedule of their own (open loop), whatever the readers wait for.
  const writer = writesPerSecond > 0
    ? setInterval(() => {
        const write = nextWrite();
        pending.push(
          (async () => {
            try {
              phase.writes.push(await timed(() => graphql(write.query, write.variables, signedIn)));
              phase.toIndex.push(await timed(() => graphql(queries.suggestions, { id: write.touches })));
            } catch {
              phase.writeErrors++;
            }
          })(),
        );
      }, 1000 / writesPerSecond)
    : null;
  for (let n = 0; performance.now() < endAt; n++) {
    phase.suggestions.push(await timed(() => graphql(queries.suggestions, { id: associations[n % associations.length] })));
    if (n % 3 === 2) phase.overlaps.push(await timed(() => graphql(queries.overlaps, { county: options.county })));
  }
  if (writer) clearInterval(writer);
  await Promise.all(pending);
  phase.rssMb = Math.round(memory.stop());
  const updatesAfter = await indexUpdates();
  phase.fullReads = updatesAfter.fullReads - updatesBefore.fullReads;
  phase.catchUps = updatesAfter.catchUps - updatesBefore.catchUps;
  return phase;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
};
const figures = (values: number[]) => ({ count: values.length, p50Ms: percentile(values, 50), p99Ms: percentile(values, 99), maxMs: values.length ? Math.round(Math.max(...values)) : null });

const phases: Phase[] = [];
try {
  // One of each first, so that the index is read whole before anything is measured; while it is read,
  // a request may give up (SERVICE_UNAVAILABLE) and is asked again.
  for (const [query, variables] of [[queries.suggestions, { id: associations[0] }], [queries.overlaps, { county: options.county }]] as const) {
    for (let attempt = 1; ; attempt++) {
      try {
        await graphql(query, variables);
        break;
      } catch (error) {
        if (attempt === 10) throw error;
      }
    }
  }
  // Then each kind of write a few times with the question after it, unmeasured, so that the first
  // measured ones do not pay for Neo4j planning the writes' and the catch-up's statements afresh.
  for (let n = 0; n < 9; n++) {
    const write = nextWrite();
    await graphql(write.query, write.variables, signedIn);
    await graphql(queries.suggestions, { id: write.touches });
  }
  for (const [name, rate] of [['no writes', 0], ['1 write a second', 1], ['10 writes a second', 10]] as const) {
    process.stderr.write(`${name}: ${options.seconds} s\n`);
    phases.push(await runPhase(name, rate));
  }
} finally {
  await server.stop();
  await driver.close();
  await removeBenchWrites(bench.engine.boltUri);
  await bench.stop();
}

const report = {
  measuredAt: new Date().toISOString(),
  scale: options.scale,
  county: options.county,
  secondsPerPhase: options.seconds,
  phases: phases.map((phase) => ({
    name: phase.name,
    writesPerSecond: phase.writesPerSecond,
    suggestions: figures(phase.suggestions),
    overlaps: figures(phase.overlaps),
    writes: figures(phase.writes),
    writeToIndex: figures(phase.toIndex),
    writeErrors: phase.writeErrors,
    indexCaughtUp: phase.catchUps,
    indexReadWhole: phase.fullReads,
    rssMb: phase.rssMb,
  })),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/writes.json', `${JSON.stringify(report, null, 2)}\n`);

const alone = report.phases[0]!.suggestions.p99Ms!;
const cell = (value: number | null) => (value === null ? '–' : String(value));
const rows = report.phases.map(
  (p) =>
    `| ${p.name} | ${cell(p.suggestions.p50Ms)} | ${cell(p.suggestions.p99Ms)} | ${cell(p.suggestions.maxMs)} | ${(p.suggestions.p99Ms! / alone).toFixed(2)} | ${cell(p.overlaps.p50Ms)} | ${cell(p.overlaps.p99Ms)} | ${cell(p.overlaps.maxMs)} | ${p.writes.count} | ${cell(p.writes.p50Ms)} | ${cell(p.writeToIndex.p50Ms)} | ${cell(p.writeToIndex.p99Ms)} | ${p.indexCaughtUp} | ${p.indexReadWhole} | ${p.rssMb} |`,
);
writeWritesSection(
  `Measured ${report.measuredAt.slice(0, 16).replace('T', ' ')} UTC. Command: \`npm run bench:writes -- --scale ${options.scale} --seconds ${options.seconds}\`: ` +
    `partner suggestions for ${associations.length} associations of län ${options.county} in sequence (an overlap question for the län after every third), ` +
    `${options.seconds} s per row, with writes alongside on their own schedule; "to index" is from a write's acknowledgement to the answer of a partner ` +
    `suggestion for the actor it touched, asked at once. Goal: suggestions p99 under 100 ms and within 2× of the row without writes; to index p99 under 50 ms.\n\n` +
    [
      '| writes alongside | suggestions p50 ms | p99 ms | max ms | p99 / no writes | overlaps p50 ms | p99 ms | max ms | writes | write p50 ms | to index p50 ms | to index p99 ms | caught up | read whole | RSS MB |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n') +
    '\n',
);
process.stderr.write(`${JSON.stringify(report.phases, null, 2)}\nwrote bench/results/writes.json and bench/RESULTS.md\n`);
