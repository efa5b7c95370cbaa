// `npm run soak`: the mixed read and write load of bench/mixed-load.ts against the real service, for
// SOAK_SECONDS (default 300) in windows of SOAK_WINDOW_SECONDS (default 30). It reports each window's
// throughput, latency, errors and the service's memory, checks that no acknowledged write was lost, and
// writes bench/results/soak-latest.json. Uses NEO4J_URI if set, else a local engine in a fresh directory.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAccount } from '../server/accounts/store.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { TokenService } from '../server/auth/tokens.ts';
import { createDriver, Database } from '../server/db/database.ts';
import { LocalEngine } from '../server/db/local-engine.ts';
import { prepareDatabase } from '../server/db/prepare.ts';
import { createLogger } from '../server/logger.ts';
import { writeOrganizations, type OrganizationShape } from '../server/repositories/organizations.ts';
import { newId } from '../server/shared/ids.ts';
import { seedIfEmpty } from '../seeds/loader/network.ts';
import { runMixedLoad, type MixedLoadResult } from './mixed-load.ts';

const seconds = Number(process.env.SOAK_SECONDS ?? 300);
const windowSeconds = Number(process.env.SOAK_WINDOW_SECONDS ?? 30);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 10);
const secret = 'soak-secret-that-is-long-enough-for-hs256';
const port = 4700 + Math.floor(Math.random() * 200);

const dataDir = process.env.NEO4J_URI ? null : mkdtempSync(path.join(tmpdir(), 'samverkan-soak-'));
const engine = dataDir ? await LocalEngine.start({ dataDir, pageCache: '256m', heap: '1g' }) : null;
const connection = engine
  ? { uri: engine.boltUri, user: 'neo4j', password: 'unused', database: 'neo4j' }
  : { uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE ?? 'neo4j' };
const driver = createDriver(connection);
const db = new Database(driver, connection.database, 60_000);
await prepareDatabase(db, createLogger('warn'), { seedNetwork: seedIfEmpty });

// Three organisations to update and an admin to update them, made directly in the database.
const organizationIds = [newId(), newId(), newId()];
const soakOrganization = (id: string): OrganizationShape => ({
  id,
  kind: 'ASSOCIATION',
  name: 'Lastprov organisation start',
  description: null,
  organizationNumber: null,
  email: null,
  phone: null,
  address: null,
  status: 'VERIFIED',
  themes: [],
  municipalities: ['2418'],
  sources: [],
  parent: null,
});
await db.write((tx) => writeOrganizations(tx, organizationIds.map(soakOrganization), { mode: 'create', author: 'soak' }));
const adminId = await db.write(async (tx) => createAccount(tx, { email: `soak-${newId()}@example.org`, passwordHash: await hashPassword('soak-admin-pass-1'), role: 'ADMIN' }, 'soak'));
const tokens = new TokenService({ algorithm: 'HS256', secret, issuer: 'samverkan', audience: 'samverkan-api', ttlSeconds: 86_400, ephemeral: false });
const adminToken = tokens.issue({ accountId: adminId, role: 'ADMIN', organizationId: null, municipalities: [] });

const service = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    NEO4J_URI: connection.uri,
    NEO4J_USER: connection.user,
    NEO4J_PASSWORD: connection.password || 'unused',
    JWT_SECRET: secret,
    LOG_LEVEL: 'warn',
    SEED_ON_START: 'false',
    LOGIN_ATTEMPTS_PER_MINUTE: '1000000',
    REGISTRATIONS_PER_HOUR: '1000000',
    QUERY_BUDGET_ANONYMOUS: '1000000000',
    QUERY_BUDGET_SIGNED_IN: '1000000000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
for (let ready = false; !ready; ) {
  ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
  if (!ready) await new Promise((resolve) => setTimeout(resolve, 250));
}

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${service.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const windows: (Omit<MixedLoadResult, 'acknowledgedRegistrations' | 'acknowledgedUpdates' | 'attemptedUpdates' | 'graphqlErrors'> & { errors: number; rssMb: number })[] = [];
const acknowledged: string[] = [];
console.log(`soak: ${seconds} s against ${url}, ${connections} connections, windows of ${windowSeconds} s`);
for (let elapsed = 0; elapsed < seconds; elapsed += windowSeconds) {
  const result = await runMixedLoad({ url, adminToken, organizationIds, suggestionSubjectId: organizationIds[0]!, connections, durationSeconds: windowSeconds });
  acknowledged.push(...result.acknowledgedRegistrations);
  const row = {
    requests: result.requests,
    requestsPerSecond: result.requestsPerSecond,
    latencyP50Ms: result.latencyP50Ms,
    latencyP99Ms: result.latencyP99Ms,
    non2xx: result.non2xx,
    connectionErrors: result.connectionErrors,
    timeouts: result.timeouts,
    errors: result.graphqlErrors.length,
    rssMb: Math.round(rssMb()),
  };
  windows.push(row);
  console.log(JSON.stringify(row));
}

const found = await db.read(async (tx) => {
  const result = await tx.run<{ n: number }>({
    text: 'UNWIND $ids AS id MATCH (o:Organization {id: id})<-[:REPRESENTS]-(:Account) RETURN count(DISTINCT o) AS n',
    parameters: { ids: acknowledged },
  });
  return result.records[0]!.get('n');
});

service.kill('SIGTERM');
await new Promise((resolve) => service.once('exit', resolve));
await driver.close();
await engine?.stop();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });

const report = {
  seconds,
  connections,
  windows,
  acknowledgedRegistrations: acknowledged.length,
  registrationsFound: found,
  lostWrites: acknowledged.length - found,
  rssFirstWindowMb: windows[0]?.rssMb,
  rssLastWindowMb: windows.at(-1)?.rssMb,
  rssMaxMb: Math.max(...windows.map((w) => w.rssMb)),
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/soak-latest.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify({ ...report, windows: undefined }, null, 2));
process.exitCode = report.lostWrites === 0 && windows.every((w) => w.non2xx === 0 && w.errors === 0) ? 0 : 1;
