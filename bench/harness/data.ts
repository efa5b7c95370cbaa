import { createDriver } from '../../server/db/database.ts';
import { ensureSyntheticNetwork } from '../synthetic/load.ts';
import { sampleSubjects } from '../synthetic/samples.ts';
import type { Samples } from './operations.ts';

/** How many subjects of each kind a run cycles through: enough that caches do not see one question. */
const SAMPLE_COUNT = 400;

/**
 * Makes sure the engine holds the synthetic network of this scale (loading it once per data directory)
 * and draws the questions to ask of it.
 */
export async function prepareBenchData(boltUri: string, scale: number, seed: number): Promise<{ samples: Samples; nodes: number; relationships: number }> {
  const driver = createDriver({ uri: boltUri, user: 'neo4j', password: '', database: 'neo4j' });
  try {
    let reported = -1;
    const result = await ensureSyntheticNetwork(driver, {
      scale,
      seed,
      onProgress: ({ phase, done, total }) => {
        const tenth = Math.floor((done / total) * 10);
        if (tenth !== reported) process.stderr.write(`loading scale ${scale}: ${phase} ${tenth * 10}%\n`);
        reported = tenth;
      },
    });
    if (result.loaded) process.stderr.write(`loaded ${result.nodes + result.relationships} entities in ${result.seconds.toFixed(0)} s (${Math.round(result.entitiesPerSecond ?? 0)}/s)\n`);
    const subjects = sampleSubjects(scale, seed, SAMPLE_COUNT);
    return {
      nodes: result.nodes,
      relationships: result.relationships,
      samples: {
        profileIds: subjects.organizationIds,
        suggestionIds: subjects.organizationIds,
        listFilters: subjects.countyThemes,
        counties: subjects.counties,
        searchTexts: subjects.searchWords,
        municipalities: subjects.municipalities,
        themes: subjects.countyThemes.map((pair) => pair.theme),
      },
    };
  } finally {
    await driver.close();
  }
}
