// `npm run bench:import -- --rows 10000`
// What importing a file costs: the time of a dry run and of the import of a CSV and of an XLSX, and the
// service's resident memory while it reads them, against two baselines measured in the same run: a file a
// quarter the size (does the cost grow with the rows, and memory less than that?) and the floor, the same
// organisations written by the write repository in one transaction straight through the driver (no
// parsing, checking, matching or change records).
import { rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { createAccount } from '../server/accounts/store.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { createDriver, Database } from '../server/db/database.ts';
import { LocalEngine } from '../server/db/local-engine.ts';
import { csvContentType, xlsxContentType } from '../server/import/table.ts';
import { writeOrganizations, type OrganizationShape } from '../server/repositories/organizations.ts';
import { newId } from '../server/shared/ids.ts';
import { organizationsAndInitiativesXlsx, organizationsCsv } from './harness/import-files.ts';
import { residentMb, sampleResidentMemory } from './harness/rss.ts';
import { startServer } from './harness/servers.ts';

const options = z
  .object({ rows: z.coerce.number().int().min(100).default(10_000) })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).reduce<string[][]>((pairs, arg, i, all) => (i % 2 === 0 ? [...pairs, [arg.replace(/^--/, ''), all[i + 1]!]] : pairs), [])));

// A fresh database each run, holding the reference data only, so that every run imports into the same registry.
const dataDir = '.data/bench-import';
rmSync(dataDir, { recursive: true, force: true });
const engine = await LocalEngine.start({ dataDir, pageCache: '256m', heap: '1g', startTimeoutMs: 300_000 });
const server = await startServer('ours', engine.boltUri, 1);
const base = server.url.replace(/\/graphql$/, '');
const driver = createDriver({ uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' });
const db = new Database(driver, 'neo4j', 600_000);

const admin = { email: `import-${Date.now()}@example.org`, password: 'importen-mäts-42' };
await db.write(async (tx) => createAccount(tx, { email: admin.email, passwordHash: await hashPassword(admin.password), role: 'ADMIN' }, 'bench'));
const login = await fetch(server.url, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: admin.email, p: admin.password } }),
});
const authorization = `Bearer ${((await login.json()) as { data: { login: { token: string } } }).data.login.token}`;
const kommuner = (await db.query<{ code: string }>({ text: 'MATCH (m:Municipality) RETURN m.code AS code ORDER BY code' })).records.map((record) => record.get('code'));

/** The service's V8 heap in use, in MB, as its /metrics says: what the import holds, apart from what garbage collection has yet to free from the resident memory. */
async function heapUsedMb(): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? 0) / 1024 / 1024;
}

/** Samples the heap in use until stopped, and reports the highest reading. */
function sampleHeap(everyMs = 100): { stop: () => Promise<number> } {
  let peak = 0;
  let sampling = true;
  const done = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heapUsedMb());
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      sampling = false;
      await done;
      return peak;
    },
  };
}

interface Measured {
  file: string;
  rows: number;
  bytes: number;
  dryRunMs: number;
  importMs: number;
  idleRssMb: number;
  peakRssMb: number;
  idleHeapMb: number;
  peakHeapMb: number;
  created: number;
}

async function post(body: string | Uint8Array<ArrayBuffer>, type: string, dryRun: boolean): Promise<{ ms: number; summary: Record<string, number> }> {
  const query = new URLSearchParams({ fileName: `bench.${type === csvContentType ? 'csv' : 'xlsx'}`, suppliedBy: 'Mätning' });
  if (dryRun) query.set('dryRun', 'true');
  const started = performance.now();
  const response = await fetch(`${base}/import?${query}`, { method: 'POST', headers: { authorization, 'content-type': type }, body });
  const answer = (await response.json()) as { summary: Record<string, number>; errors?: unknown };
  if (!response.ok) throw new Error(`import answered ${response.status}: ${JSON.stringify(answer.errors)}`);
  return { ms: performance.now() - started, summary: answer.summary };
}

async function measure(file: string, rows: number, body: string | Uint8Array<ArrayBuffer>, type: string): Promise<Measured> {
  const idleRssMb = residentMb(server.pid) ?? 0;
  const idleHeapMb = await heapUsedMb();
  const memory = sampleResidentMemory(server.pid, 20);
  const heap = sampleHeap();
  const dryRun = await post(body, type, true);
  const imported = await post(body, type, false);
  const peakRssMb = memory.stop();
  const peakHeapMb = await heap.stop();
  const created = imported.summary.organizationsCreated! + imported.summary.initiativesCreated! + imported.summary.participationsCreated!;
  return { file, rows, bytes: typeof body === 'string' ? Buffer.byteLength(body) : body.length, dryRunMs: dryRun.ms, importMs: imported.ms, idleRssMb, peakRssMb, idleHeapMb, peakHeapMb, created };
}

/** The floor: the same number of organisations written by the repository in one transaction, nothing else. */
async function floorMs(rows: number, first: number): Promise<number> {
  const shapes: OrganizationShape[] = Array.from({ length: rows }, (_, n) => ({
    id: newId(), kind: 'ASSOCIATION', name: `Golvförening ${first + n}`, description: null, organizationNumber: null, email: `golv${n}@example.org`,
    phone: null, address: null, status: 'VERIFIED', themes: ['trygghet', 'integration'], municipalities: [kommuner[n % kommuner.length]!], sources: [], parent: null,
  }));
  const started = performance.now();
  await db.write((tx) => writeOrganizations(tx, shapes, { mode: 'create', author: 'bench' }));
  return performance.now() - started;
}

const quarter = Math.floor(options.rows / 4);
// One warm-up import, so that the first measured one does not pay for compiling the service's code paths.
await post(organizationsCsv(900_000, 50, kommuner), csvContentType, false);
const results = [
  await measure('CSV, organisations', quarter, organizationsCsv(0, quarter, kommuner), csvContentType),
  await measure('CSV, organisations', options.rows, organizationsCsv(100_000, options.rows, kommuner), csvContentType),
  await measure('XLSX, organisations and initiatives', quarter, await organizationsAndInitiativesXlsx(300_000, quarter, kommuner), xlsxContentType),
  await measure('XLSX, organisations and initiatives', options.rows, await organizationsAndInitiativesXlsx(400_000, options.rows, kommuner), xlsxContentType),
];
const floor = { rows: options.rows, ms: await floorMs(options.rows, 0) };

const round = (value: number) => Math.round(value);
console.log('| file | rows | size | dry run | import | import ÷ floor | service heap in use, before → peak | service RSS, before → peak |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |');
for (const r of results) {
  console.log(`| ${r.file} | ${r.rows} | ${(r.bytes / 1024).toFixed(0)} KB | ${round(r.dryRunMs)} ms | ${round(r.importMs)} ms | ${(r.importMs / floor.ms).toFixed(1)} | ${round(r.idleHeapMb)} → ${round(r.peakHeapMb)} MB | ${round(r.idleRssMb)} → ${round(r.peakRssMb)} MB |`);
}
console.log(`floor: ${floor.rows} organisations through the write repository in one transaction: ${round(floor.ms)} ms`);
writeFileSync('bench/results/import.json', `${JSON.stringify({ at: new Date().toISOString(), rows: options.rows, floor, results }, null, 2)}\n`);

await server.stop();
await driver.close();
await engine.stop();
