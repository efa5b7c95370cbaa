import { existsSync, readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../server/config.ts';
import { createDriver, type Neo4jConnection } from '../server/db/database.ts';
import { LocalEngine } from '../server/db/local-engine.ts';

export interface Connected {
  driver: Driver;
  database: string;
  close(): Promise<void>;
}

/**
 * The Neo4j a command-line tool works on, as the service finds it: NEO4J_URI, or else the local engine
 * in LOCAL_NEO4J_DIR: the one the running service started, if there is one (it holds the directory's
 * lock), or one started here for the tool's run.
 */
export async function connect(config: Config, options: { losslessIntegers?: boolean } = {}): Promise<Connected> {
  if (config.neo4j) return opened(config.neo4j, null, options);
  const addressFile = LocalEngine.addressFile(config.localEngine.dataDir);
  if (existsSync(addressFile)) {
    const running = opened({ uri: readFileSync(addressFile, 'utf8').trim(), user: 'neo4j', password: '', database: 'neo4j' }, null, options);
    try {
      await running.driver.verifyConnectivity();
      return running;
    } catch {
      // Left behind by an engine that died without cleaning up: start one here instead.
      await running.close();
    }
  }
  const engine = await LocalEngine.start(config.localEngine);
  return opened({ uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' }, engine, options);
}

function opened(connection: Neo4jConnection, engine: LocalEngine | null, options: { losslessIntegers?: boolean }): Connected {
  const driver = createDriver(connection, options);
  return {
    driver,
    database: connection.database,
    async close() {
      await driver.close();
      await engine?.stop();
    },
  };
}
