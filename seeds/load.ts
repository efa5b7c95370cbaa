// `npm run seed`: loads the reference data and the seed network into the configured database.
import { parseConfig } from '../server/config.ts';
import { createDriver, Database } from '../server/db/database.ts';
import { LocalEngine } from '../server/db/local-engine.ts';
import { applyMigrations } from '../server/db/migrations.ts';
import { loadReferenceData } from '../server/reference/load.ts';
import { loadSeedNetwork } from './loader/network.ts';

const config = parseConfig(process.env);
const engine = config.neo4j ? null : await LocalEngine.start(config.localEngine);
const connection = config.neo4j ?? { uri: engine!.boltUri, user: 'neo4j', password: '', database: 'neo4j' };
const driver = createDriver(connection);
try {
  const db = new Database(driver, connection.database, config.queryTimeoutMs);
  await applyMigrations(db);
  await loadReferenceData(db);
  const counts = await loadSeedNetwork(db);
  console.log(`Loaded into ${connection.uri}:`, counts);
} finally {
  await driver.close();
  await engine?.stop();
}
