/**
 * `npm run bench:measures`: how long a measures run takes on the synthetic network, step by step, for
 * all of Sweden and for its largest län, each step also as a ratio to a baseline measured in the same
 * run: one statement that counts the measured network's participations with the same predicate.
 *
 *   npm run bench:data -- --scale 1 && npm run bench:measures -- --scale 1 [--county 01]
 *
 * With `--county`, only that län is measured (a national run takes many minutes on a small machine), and
 * the results go to a file of their own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createDriver, Database } from '../server/db/database.ts';
import { applyMigrations } from '../server/db/migrations.ts';
import { inMeasuredNetwork, scopeParameters, type MeasuresScope } from '../server/research/measures/network-scope.ts';
import { measureNetwork } from '../server/research/measures/measure-network.ts';
import { deleteRowsOf } from '../server/research/measures/run-writes.ts';
import { newId } from '../server/shared/ids.ts';
import { startBenchEngine } from './harness/engine.ts';

const scaleArgument = process.argv.indexOf('--scale');
const scale = scaleArgument > 0 ? Number(process.argv[scaleArgument + 1]) : 0.25;
const countyArgument = process.argv.indexOf('--county');
const onlyCounty = countyArgument > 0 ? process.argv[countyArgument + 1]! : null;
const resultsFile = `bench/results/measures-${scale}${onlyCounty ? `-${onlyCounty}` : ''}.json`;
/** Progress marks that measure-network.ts reports after each step, and the step each one ends. */
const steps: [number, string][] = [
  [0.05, 'revision'],
  [0.15, 'projection'],
  [0.2, 'degree'],
  [0.45, 'leiden'],
  [0.7, 'betweenness'],
  [0.8, 'rows'],
  [1, 'bridging'],
];

const { engine, stop } = await startBenchEngine(scale);
const driver = createDriver({ uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' });
const db = new Database(driver, 'neo4j', 60 * 60_000);
const results: Record<string, unknown>[] = [];
try {
  await applyMigrations(db);
  for (const county of onlyCounty ? [onlyCounty] : [null, '01']) {
    const scope: MeasuresScope = { county, asOf: null };
    const baselineStart = performance.now();
    const counted = await db.query<{ participations: number }>({
      text: `MATCH (a:Actor)-[r:PARTICIPATES_IN]->(i:Initiative) WHERE ${inMeasuredNetwork('a', 'r', 'i')} RETURN count(*) AS participations`,
      parameters: scopeParameters(scope),
    });
    const baselineSeconds = (performance.now() - baselineStart) / 1000;
    const runId = newId();
    await db.write((tx) => tx.run({ text: `CREATE (:MeasuresRun {id: $runId, state: 'QUEUED', progress: 0.0, scopeKey: 'bench', startedAt: datetime()})`, parameters: { runId } }), {
      changesNetwork: false,
    });
    const seconds: Record<string, number> = {};
    const started = performance.now();
    let previous = started;
    let finished = false;
    const running = measureNetwork(db, runId, scope).finally(() => (finished = true));
    // The step durations come from watching the run's progress, as a client would.
    let seen = 0;
    while (!finished || seen < steps.length) {
      const progress = (await db.query<{ progress: number }>({ text: 'MATCH (run:MeasuresRun {id: $runId}) RETURN run.progress AS progress', parameters: { runId } })).records[0]!.get('progress');
      while (seen < steps.length && progress >= steps[seen]![0]) {
        const now = performance.now();
        seconds[steps[seen]![1]] = (now - previous) / 1000;
        previous = now;
        seen++;
      }
      if (finished && seen < steps.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await running;
    const totalSeconds = (performance.now() - started) / 1000;
    const summary = (await db.query<{ nodes: number; links: number; sampled: boolean }>({
      text: 'MATCH (run:MeasuresRun {id: $runId}) RETURN run.nodeCount AS nodes, run.linkCount AS links, run.betweennessSampled AS sampled',
      parameters: { runId },
    })).records[0]!;
    const result = {
      scale,
      county,
      participations: counted.records[0]!.get('participations'),
      nodes: summary.get('nodes'),
      links: summary.get('links'),
      betweennessSampled: summary.get('sampled'),
      baselineSeconds,
      totalSeconds,
      totalToBaseline: totalSeconds / baselineSeconds,
      stepSeconds: seconds,
      stepToBaseline: Object.fromEntries(Object.entries(seconds).map(([step, s]) => [step, s / baselineSeconds])),
    };
    results.push(result);
    process.stderr.write(`${JSON.stringify(result)}\n`);
    await db.write((tx) => tx.run({ text: `MATCH (run:MeasuresRun {id: $runId}) DETACH DELETE run`, parameters: { runId } }), { changesNetwork: false });
    await deleteRowsOf(db, [runId]);
  }
} finally {
  await driver.close();
  await stop();
}
mkdirSync('bench/results', { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write(`wrote ${resultsFile}\n`);
