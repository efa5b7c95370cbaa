// `npm run bench:data -- --scale 1 [--seed N] [--data-dir .data/bench-1]`: loads the synthetic network
// into a local engine kept in the data directory (or into NEO4J_URI's database), then reports how fast
// it went and what the database holds. A database that already holds the network is left as it is.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { createDriver, Database, type Neo4jConnection } from '../../server/db/database.ts';
import { LocalEngine } from '../../server/db/local-engine.ts';
import { ArgumentError, parseArguments, type CliArguments } from './args.ts';
import { countGraph } from './graph-counts.ts';
import { ensureSyntheticNetwork, SyntheticLoadError } from './load.ts';
import { DEFAULT_SEED } from './plan.ts';

function connectionFromEnvironment(): Neo4jConnection | null {
  const uri = process.env.NEO4J_URI;
  if (!uri) return null;
  return {
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
}

function directorySize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const full = path.join(dir, entry.name);
    return total + (entry.isDirectory() ? directorySize(full) : entry.isFile() ? statSync(full).size : 0);
  }, 0);
}

const formatNumber = (n: number) => Math.round(n).toLocaleString('sv-SE');

async function main(args: CliArguments): Promise<void> {
  const seed = args.seed ?? DEFAULT_SEED;
  const external = connectionFromEnvironment();
  const dataDir = path.resolve(args['data-dir'] ?? `.data/bench-${args.scale}`);
  if (external && args['data-dir']) console.error(`NEO4J_URI is set, so --data-dir ${args['data-dir']} is not used.`);
  // Bulk writes and the full-text indexes want room: 2 GB each up to scale 1, 4 GB above it.
  const memory = args.scale > 1 ? '4g' : '2g';
  const engine = external ? null : await LocalEngine.start({ dataDir, pageCache: args['page-cache'] ?? memory, heap: args.heap ?? memory });
  const connection = external ?? { uri: engine!.boltUri, user: 'neo4j', password: '', database: 'neo4j' };
  const driver = createDriver(connection);
  const bar = new SingleBar({
    format: '{phase} [{bar}] {percentage}% | {value}/{total} entities | {speed}/s | ETA {eta_formatted}',
    hideCursor: true,
    etaBuffer: 50,
    // When stderr is a log file rather than a terminal, a line every ten seconds still shows progress.
    noTTYOutput: true,
    notTTYSchedule: 10_000,
  });
  const wallStarted = performance.now();
  try {
    console.error(`Synthetic network scale ${args.scale}, seed ${seed} into ${external ? external.uri : dataDir}`);
    let barStartedAt: number | null = null;
    const result = await ensureSyntheticNetwork(driver, {
      scale: args.scale,
      seed,
      database: connection.database,
      batchSize: args['batch-size'],
      onProgress: ({ phase, done, total }) => {
        if (barStartedAt === null) {
          barStartedAt = performance.now();
          bar.start(total, 0, { phase, speed: '–' });
        }
        const seconds = (performance.now() - barStartedAt) / 1000;
        bar.update(done, { phase, speed: seconds > 0 ? formatNumber(done / seconds) : '–' });
      },
    });
    bar.stop();
    const counts = await countGraph(new Database(driver, connection.database, 600_000));
    const wallSeconds = (performance.now() - wallStarted) / 1000;
    console.log(result.loaded ? 'Loaded the synthetic network.' : 'The database already held this synthetic network; nothing was written.');
    console.log(`scale ${result.scale}, seed ${result.seed}`);
    console.log(`nodes written          ${formatNumber(result.nodes)}`);
    console.log(`relationships written  ${formatNumber(result.relationships)}`);
    if (result.entitiesPerSecond !== null) {
      console.log(`load time              ${result.seconds.toFixed(1)} s`);
      console.log(`entities per second    ${formatNumber(result.entitiesPerSecond)}`);
    }
    console.log(`wall time              ${wallSeconds.toFixed(1)} s (engine start, preparation and counting included)`);
    if (engine) {
      await driver.close();
      await engine.stop();
      console.log(`data directory         ${dataDir}: ${(directorySize(dataDir) / 1024 ** 2).toFixed(0)} MiB after a clean stop`);
    }
    console.log(`database holds         ${formatNumber(counts.nodes)} nodes, ${formatNumber(counts.relationships)} relationships (reference data included)`);
    console.log('by label:');
    for (const [label, count] of Object.entries(counts.labels)) console.log(`  ${label.padEnd(22)} ${formatNumber(count)}`);
    console.log('by relationship type:');
    for (const [type, count] of Object.entries(counts.types)) console.log(`  ${type.padEnd(22)} ${formatNumber(count)}`);
  } finally {
    bar.stop();
    await driver.close();
    await engine?.stop();
  }
}

try {
  await main(parseArguments(process.argv.slice(2)));
} catch (error) {
  if (error instanceof ArgumentError || error instanceof SyntheticLoadError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
