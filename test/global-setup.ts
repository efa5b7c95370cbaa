import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDriver, Database, type Neo4jConnection } from '../server/db/database.ts';
import { LocalEngine } from '../server/db/local-engine.ts';
import { prepareDatabase } from '../server/db/prepare.ts';
import { createLogger } from '../server/logger.ts';
import { seedIfEmpty } from '../seeds/loader/network.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jConnection;
  }
}

/**
 * Starts one local Neo4j for the whole run (or uses NEO4J_URI), prepares it as the service would,
 * and hands its address to every test file. If Neo4j cannot start, the run fails and says why.
 */
export default async function setup(project: TestProject) {
  let engine: LocalEngine | null = null;
  let dataDir: string | null = null;
  let connection: Neo4jConnection;
  if (process.env.NEO4J_URI) {
    connection = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    };
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), 'samverkan-test-neo4j-'));
    try {
      engine = await LocalEngine.start({ dataDir, pageCache: '256m', heap: '1g' });
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`The tests need a real Neo4j and it could not start. ${(error as Error).message}`);
    }
    connection = { uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' };
  }

  const driver = createDriver(connection);
  try {
    await prepareDatabase(new Database(driver, connection.database, 60_000), createLogger('silent'), { seedNetwork: seedIfEmpty });
  } finally {
    await driver.close();
  }
  project.provide('neo4j', connection);

  return async () => {
    await engine?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
