import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { createDriver, Database, type Neo4jConnection } from './db/database.ts';
import { LocalEngine } from './db/local-engine.ts';
import { prepareDatabase, type NetworkSeeder } from './db/prepare.ts';
import { createHttpService } from './http/app.ts';
import { createMetrics } from './http/metrics.ts';
import { Readiness } from './http/readiness.ts';
import type { Logger } from './logger.ts';
import { withRedaction } from './logging/redaction.ts';
import { Pseudonyms } from './auth/pseudonyms.ts';
import { createRateLimits } from './auth/rate-limits.ts';
import { TokenService } from './auth/tokens.ts';
import { buildSnapshotInWorker } from './network/network-index/build-snapshot.ts';
import { NetworkIndex } from './network/network-index/network-index.ts';
import { networkReader } from './network/network-index/network-reader.ts';
import { GdsAvailability, gdsProcedures } from './research/measures/gds-availability.ts';
import { MeasuresJobs } from './research/measures/jobs.ts';

export interface RunningService {
  url: string;
  db: Database;
  /** Graceful: stop accepting, finish requests in flight, close the driver, stop the local engine. */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** What fills an empty database when SEED_ON_START asks for it: the seed loader, from the entry point. */
  seedNetwork?: NetworkSeeder;
  /**
   * The GDS procedures the measures need (gds-availability.ts): a test names one that no Neo4j has, to
   * see the service as it is on a Neo4j without GDS.
   */
  gdsProcedures?: string[];
}

/**
 * Starts the service. It listens even while Neo4j is unreachable (then /readyz says 503) and keeps
 * preparing the database in the background until it succeeds.
 */
export async function startService(config: Config, logger: Logger, options: ServiceOptions = {}): Promise<RunningService> {
  // Whatever logger the caller passes, nothing the service writes carries a credential or personal data.
  logger = withRedaction(logger);
  let engine: LocalEngine | null = null;
  let connection: Neo4jConnection;
  if (config.neo4j) {
    connection = config.neo4j;
  } else {
    logger.info({ dataDir: config.localEngine.dataDir }, 'starting the local Neo4j');
    engine = await LocalEngine.start(config.localEngine);
    logger.info({ uri: engine.boltUri }, 'local Neo4j ready');
    connection = { uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' };
  }

  const driver = createDriver(connection);
  const db = new Database(driver, connection.database, config.queryTimeoutMs);
  const readiness = new Readiness(db);
  const metrics = createMetrics();
  // A national network's Leiden or betweenness runs for minutes on a small machine, far beyond a request's NEO4J_QUERY_TIMEOUT_MS.
  const measuresDb = new Database(driver, connection.database, config.measures.statementTimeoutMs);
  const services = {
    tokens: new TokenService(config.tokens),
    rateLimits: createRateLimits(config.rateLimits),
    pseudonyms: new Pseudonyms(config.pseudonymSecret),
    networkIndex: new NetworkIndex(
      networkReader(
        db,
        async () => buildSnapshotInWorker(connection, { timeoutMs: config.networkIndex.buildTimeoutMs, heapMb: config.networkIndex.buildHeapMb }, await db.processBookmarks()),
        config.requestWaitMs,
      ),
      {
        built(snapshot, ms) {
          metrics.networkIndexBuild.observe(ms / 1000);
          metrics.networkIndexRevision.set(snapshot.revision);
          logger.debug({ revision: snapshot.revision, actors: snapshot.actors.count, initiatives: snapshot.initiatives.count, ms: Math.round(ms) }, 'network index built');
        },
        caughtUp(snapshot, ms) {
          metrics.networkIndexCatchUp.observe(ms / 1000);
          metrics.networkIndexRevision.set(snapshot.revision);
        },
        catchUpFailed(error) {
          logger.error({ err: error }, 'the network index could not apply the changes it read; reading the network whole');
        },
      },
    ),
    measures: new MeasuresJobs(measuresDb, logger, new GdsAvailability(db, options.gdsProcedures ?? gdsProcedures), config.measures.staleAfterMs),
  };
  if (config.tokens.ephemeral) logger.warn('JWT_SECRET is not set: tokens are signed with a random key and end with this process');
  const http = await createHttpService({ config, db, services, readiness, logger, metrics });

  await new Promise<void>((resolve) => http.server.listen(config.http.port, config.http.host, resolve));
  const { port } = http.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ url, graphql: `${url}/graphql` }, 'listening');

  let stopping = false;
  const preparing = (async () => {
    for (let attempt = 1, delayMs = 500; !stopping; attempt++, delayMs = Math.min(delayMs * 2, 10_000)) {
      try {
        await prepareDatabase(db, logger, { seedNetwork: config.seedOnStart ? options.seedNetwork : undefined, firstAdmin: config.firstAdmin });
        readiness.markMigrated();
        // Runs that a service killed before now left queued or running are marked FAILED once their heartbeat is stale.
        await services.measures.failStaleRuns().catch((error: unknown) => logger.warn({ err: error }, 'could not look for measures runs left unfinished'));
        return;
      } catch (error) {
        readiness.markMigrationProblem(`database not prepared: ${(error as Error).message}`);
        logger.warn({ attempt, err: error }, 'preparing the database failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  })();

  return {
    url,
    db,
    async stop() {
      stopping = true;
      await http.close();
      await preparing;
      await services.measures.stop();
      await driver.close();
      await engine?.stop();
      logger.info('stopped');
    },
  };
}
