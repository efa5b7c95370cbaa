// The service the browser tests drive: a local Neo4j in a temporary directory, prepared and seeded as
// test/global-setup.ts prepares the vitest run's, and the real service in front of it, serving web/dist.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../server/config.ts';
import { createDriver, Database } from '../../server/db/database.ts';
import { LocalEngine } from '../../server/db/local-engine.ts';
import { prepareDatabase } from '../../server/db/prepare.ts';
import { createLogger } from '../../server/logger.ts';
import { startService } from '../../server/service.ts';
import { seedIfEmpty } from '../../seeds/loader/network.ts';
import { adminEmail, adminPassword, productionPort, servicePort } from './service-address.ts';

const port = String(servicePort);
const dataDir = mkdtempSync(path.join(tmpdir(), 'samverkan-web-neo4j-'));
const engine = await LocalEngine.start({ dataDir, pageCache: '128m', heap: '512m' });
const connection = { uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' };

async function discardEngine() {
  await engine.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const driver = createDriver(connection);
try {
  // Seeding on a busy machine can take minutes; a failure still leaves no engine or directory behind.
  await prepareDatabase(new Database(driver, connection.database, 300_000), createLogger('silent'), { seedNetwork: seedIfEmpty });
} catch (error) {
  await discardEngine();
  throw error;
} finally {
  await driver.close();
}

const environment = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: port,
  LOG_LEVEL: 'warn',
  // A machine shared with other work answers slowly at times; the tests are about the pages, not the limits.
  NEO4J_REQUEST_WAIT_MS: '30000',
  NEO4J_QUERY_TIMEOUT_MS: '30000',
  NEO4J_URI: connection.uri,
  NEO4J_USER: connection.user,
  NEO4J_PASSWORD: connection.password || 'unused-without-auth',
  SEED_ON_START: 'false',
  JWT_SECRET: 'browser-test-secret-that-is-long-enough-for-hs256',
  ADMIN_EMAIL: adminEmail,
  ADMIN_PASSWORD: adminPassword,
  LOGIN_ATTEMPTS_PER_MINUTE: '100000',
  REGISTRATIONS_PER_HOUR: '100000',
  // The tests are one client that asks a lot in a short time; the budget is not what they test.
  QUERY_BUDGET_ANONYMOUS: '10000000',
  QUERY_BUDGET_SIGNED_IN: '10000000',
} as const;
const config = parseConfig(environment);
const service = await startService(config, createLogger('warn'));
// The same pages and network as deployed: helmet's content security policy and the other production
// headers, secure cookies, no introspection. web/tests/production.spec.ts drives it and waits until it is
// ready. It starts after the test service has prepared the database, which two at once would race over.
const production = await startService(parseConfig({ ...environment, NODE_ENV: 'production', PORT: String(productionPort) }), createLogger('warn'));
process.stdout.write(`browser tests' service on ${service.url}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await Promise.all([service.stop(), production.stop()]);
  } finally {
    await discardEngine();
    process.exit(0);
  }
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
