import { int, type Driver } from 'neo4j-driver';
import { Database } from '../../server/db/database.ts';
import { prepareDatabase } from '../../server/db/prepare.ts';
import { createLogger } from '../../server/logger.ts';
import { networkBatches } from './network.ts';
import { DEFAULT_SEED, GENERATOR_VERSION, planNetwork, SYNTHETIC_AUTHOR, type NetworkPlan } from './plan.ts';
import { countBatch, Tally } from './tally.ts';
import { SyntheticLoadError, writeBatch } from './writer.ts';

export { SyntheticLoadError } from './writer.ts';

export interface SyntheticNetworkOptions {
  scale: number;
  seed?: number;
  /** Rows per transaction. */
  batchSize?: number;
  /** The database to use when given a driver. */
  database?: string;
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  phase: 'nodes' | 'relationships';
  /** Entities (nodes and relationships) written so far, and in all. */
  done: number;
  total: number;
}

/** What the marker node records about the network a database holds. */
export interface SyntheticNetworkMarker {
  scale: number;
  seed: number;
  generatorVersion: number;
  nodes: number;
  relationships: number;
  loadedAt: string;
}

export interface EnsureResult {
  /** False when the database already held this network and nothing was written. */
  loaded: boolean;
  scale: number;
  seed: number;
  nodes: number;
  relationships: number;
  seconds: number;
  /** Nodes and relationships written per second; null when nothing was loaded. */
  entitiesPerSecond: number | null;
}

/** A bulk write of 10 000 rows can take longer than the service's 10-second query limit allows. */
const LOADER_TIMEOUT_MS = 15 * 60_000;
const DEFAULT_BATCH_SIZE = 10_000;

/**
 * Makes sure the database holds the synthetic network of (scale, seed): prepares it as the service
 * does (migrations, reference data, no seed network), then loads the network unless the marker says it
 * is there already. Refuses a database that holds anything else: actors or initiatives that this
 * generator did not make, or another synthetic network. A load that was cut short is removed and redone.
 */
export async function ensureSyntheticNetwork(target: Database | Driver, options: SyntheticNetworkOptions): Promise<EnsureResult> {
  const started = performance.now();
  const plan = planNetwork(options.scale, options.seed ?? DEFAULT_SEED);
  const db =
    target instanceof Database
      ? new Database(target.driver, target.name, LOADER_TIMEOUT_MS)
      : new Database(target, options.database ?? 'neo4j', LOADER_TIMEOUT_MS);
  await prepareDatabase(db, createLogger('silent'));

  const existing = await readMarker(db);
  if (existing) {
    if (existing.scale === plan.scale && existing.seed === plan.seed && existing.generatorVersion === GENERATOR_VERSION) {
      const seconds = (performance.now() - started) / 1000;
      return { loaded: false, scale: plan.scale, seed: plan.seed, nodes: existing.nodes, relationships: existing.relationships, seconds, entitiesPerSecond: null };
    }
    throw new SyntheticLoadError(
      `The database already holds another synthetic network (scale ${existing.scale}, seed ${existing.seed}, generator version ` +
        `${existing.generatorVersion}, loaded ${existing.loadedAt}), not scale ${plan.scale}, seed ${plan.seed}, version ${GENERATOR_VERSION}. ` +
        'Use another database (another --data-dir) or empty this one.',
    );
  }
  const foreign = await countForeignNodes(db);
  if (foreign > 0) {
    throw new SyntheticLoadError(
      `The database holds ${foreign} actors or initiatives that are not of a synthetic network (the seed network, registrations or ` +
        'test data). Refusing to mix the synthetic network into them: use an empty database (another --data-dir).',
    );
  }
  await removeUnfinishedLoad(db);

  // A dry pass first, for the progress bar's total; it is cheap beside writing, and kept out of the timing.
  const total = options.onProgress ? countSyntheticNetwork(plan.scale, plan.seed).entities : 0;
  const loadStarted = performance.now();
  const written = await writeNetwork(db, plan, options.batchSize ?? DEFAULT_BATCH_SIZE, (phase, done) => options.onProgress?.({ phase, done, total }));
  const seconds = (performance.now() - loadStarted) / 1000;
  await writeMarker(db, plan, written);
  // The indexes' statistics still describe the database before the load (empty), and a statement planned
  // from them scans an index once per row where it should expand from the row's node: sample them again
  // and let every statement be planned anew, as an operator would after an import.
  await db.runSchemaStatement('CALL db.prepareForReplanning()');
  return {
    loaded: true,
    scale: plan.scale,
    seed: plan.seed,
    nodes: written.nodes,
    relationships: written.relationships,
    seconds,
    entitiesPerSecond: written.entities / seconds,
  };
}

/** What the generator makes for (scale, seed), by label and relationship type, without a database. */
export function countSyntheticNetwork(scale: number, seed = DEFAULT_SEED): Tally {
  const tally = new Tally();
  for (const batch of networkBatches(planNetwork(scale, seed), DEFAULT_BATCH_SIZE)) tally.add(countBatch(batch));
  return tally;
}

/** One transaction per batch, so a batch is written whole or not at all and memory stays flat. */
async function writeNetwork(
  db: Database,
  plan: NetworkPlan,
  batchSize: number,
  progress: (phase: LoadProgress['phase'], done: number) => void,
): Promise<Tally> {
  const written = new Tally();
  let phase: LoadProgress['phase'] = 'nodes';
  for (const batch of networkBatches(plan, batchSize)) {
    await db.write((tx) => writeBatch(tx, batch));
    written.add(countBatch(batch));
    // The parts of initiatives go out among the participations, which make the rest of the load.
    if (batch.type === 'participations') phase = 'relationships';
    progress(phase, written.entities);
  }
  return written;
}

export async function readMarker(db: Database): Promise<SyntheticNetworkMarker | null> {
  return db.read(async (tx) => {
    const result = await tx.run<{ marker: SyntheticNetworkMarker }>({
      text: `MATCH (s:SyntheticNetwork)
             RETURN s { .scale, .seed, .generatorVersion, .nodes, .relationships, loadedAt: toString(s.loadedAt) } AS marker
             ORDER BY s.loadedAt LIMIT 1`,
    });
    return result.records[0]?.get('marker') ?? null;
  });
}

async function writeMarker(db: Database, plan: NetworkPlan, written: Tally): Promise<void> {
  await db.write((tx) =>
    tx.run({
      text: `CREATE (:SyntheticNetwork {scale: $scale, seed: $seed, generatorVersion: $version, nodes: $nodes,
               relationships: $relationships, loadedAt: datetime()})`,
      // Whole numbers go as integers; the driver would send a plain number as a float.
      parameters: { scale: plan.scale, seed: int(plan.seed), version: int(GENERATOR_VERSION), nodes: int(written.nodes), relationships: int(written.relationships) },
    }),
  );
}

async function countForeignNodes(db: Database): Promise<number> {
  return db.read(async (tx) => {
    const result = await tx.run<{ foreign: number }>({
      text: `MATCH (n:Actor|Initiative) WHERE coalesce(n.createdBy, '') <> $author RETURN count(n) AS foreign`,
      parameters: { author: SYNTHETIC_AUTHOR },
    });
    return result.records[0]!.get('foreign');
  });
}

/** Deletes, a batch at a time, what an interrupted load left: synthetic nodes without a marker. */
async function removeUnfinishedLoad(db: Database): Promise<void> {
  for (;;) {
    const deleted = await db.write(async (tx) => {
      const result = await tx.run<{ deleted: number }>({
        text: `MATCH (n:Actor|Initiative) WHERE n.createdBy = $author
               WITH n LIMIT 5000
               OPTIONAL MATCH (n)-[:GAVE]->(consent:Consent)
               DETACH DELETE n, consent
               RETURN count(*) AS deleted`,
        parameters: { author: SYNTHETIC_AUTHOR },
      });
      return result.records[0]!.get('deleted');
    });
    if (deleted === 0) return;
  }
}
