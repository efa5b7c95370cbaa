/**
 * `npm run bench:overlaps-for-initiative -- --scale 1`: what an initiative's own overlaps cost in the
 * network index, in the kommun with the most initiatives of the synthetic network, against two baselines
 * measured in the same run on the same snapshot:
 *
 * - the kommun's best 20 pairs, which form every pair of the kommun (what `/overlapp?kommun=` asks);
 * - what the initiative page asked before `filter.initiative`: the best 60 pairs of the initiative's
 *   kommuner and themes, of which it kept those the initiative is one of.
 *
 * It also counts the sampled initiatives that have overlaps but none among those 60. Only the index's
 * choice is timed (findOverlaps); the statement that names the chosen pairs is the same for all three.
 *
 *   npm run bench:data -- --scale 1 && npm run bench:overlaps-for-initiative -- --scale 1
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createDriver, Database } from '../server/db/database.ts';
import { rowLength, rowOf } from '../server/network/network-index/adjacency.ts';
import { membersOf } from '../server/network/network-index/bitset.ts';
import { findOverlaps } from '../server/network/network-index/find-overlaps.ts';
import { loadSnapshot } from '../server/network/network-index/load-snapshot.ts';
import type { NetworkSnapshot } from '../server/network/network-index/snapshot.ts';
import { startBenchEngine } from './harness/engine.ts';

const scaleArgument = process.argv.indexOf('--scale');
const scale = scaleArgument > 0 ? Number(process.argv[scaleArgument + 1]) : 0.25;
const resultsFile = `bench/results/overlaps-for-initiative-${scale}.json`;
const SAMPLE = 40;
const ROUNDS = 5;
const today = new Date().toISOString().slice(0, 10);

/** The median of `rounds` timings of `work`, in milliseconds. */
function medianMs(rounds: number, work: () => unknown): number {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times.sort((x, y) => x - y)[Math.floor(rounds / 2)]!;
}

/** The old page's question for an initiative: its kommuner and themes, the best 60 pairs, then its own. */
function pageQuestionBefore(snapshot: NetworkSnapshot, i: number) {
  const municipalities = [...rowOf(snapshot.initiatives.municipalities, i)].map((m) => snapshot.municipalities.codes[m]!);
  const themes = membersOf(snapshot.initiatives.themes, i, snapshot.themes.words).map((t) => snapshot.themes.keys[t]!);
  const id = snapshot.initiatives.ids[i]!;
  return () => findOverlaps(snapshot, { municipalities, themes }, 60, today).filter((pair) => pair.a === id || pair.b === id);
}

const { engine, stop } = await startBenchEngine(scale);
const db = new Database(createDriver({ uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' }), 'neo4j', 10 * 60_000);
try {
  const snapshot = await db.read(loadSnapshot);
  const { initiatives, municipalities } = snapshot;
  let biggest = 0;
  for (let m = 1; m < municipalities.codes.length; m++) if (rowLength(initiatives.byMunicipality, m) > rowLength(initiatives.byMunicipality, biggest)) biggest = m;
  const inBiggest = [...rowOf(initiatives.byMunicipality, biggest)];
  const step = Math.max(1, Math.floor(inBiggest.length / SAMPLE));
  const sample = inBiggest.filter((_, k) => k % step === 0).slice(0, SAMPLE);
  const code = municipalities.codes[biggest]!;

  const kommunMs = medianMs(ROUNDS, () => findOverlaps(snapshot, { municipalities: [code] }, 20, today));
  let beforeMs = 0;
  let ownMs = 0;
  let missedBefore = 0;
  let withOverlaps = 0;
  for (const i of sample) {
    const id = initiatives.ids[i]!;
    const before = pageQuestionBefore(snapshot, i);
    beforeMs += medianMs(ROUNDS, before);
    ownMs += medianMs(ROUNDS, () => findOverlaps(snapshot, { initiative: id }, 20, today));
    const own = findOverlaps(snapshot, { initiative: id }, 20, today);
    if (own.length > 0) {
      withOverlaps++;
      if (before().length === 0) missedBefore++;
    }
  }
  const result = {
    scale,
    kommun: code,
    initiativesInKommun: inBiggest.length,
    sampled: sample.length,
    kommunBest20Ms: kommunMs,
    pageBeforeMeanMs: beforeMs / sample.length,
    ownOverlapsMeanMs: ownMs / sample.length,
    ownOverRatioToPageBefore: ownMs / beforeMs,
    ownOverRatioToKommun: ownMs / sample.length / kommunMs,
    sampledWithOverlaps: withOverlaps,
    sampledWithOverlapsButNoneInPageBefore: missedBefore,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(result, null, 2)}\n`);
  console.log(result);
} finally {
  await db.driver.close();
  await stop();
}
