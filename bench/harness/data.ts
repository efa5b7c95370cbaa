import { randomInt } from 'node:crypto';
import { createDriver, Database } from '../../server/db/database.ts';
import { ensureSyntheticNetwork } from '../synthetic/load.ts';
import { associationNumber } from '../synthetic/organization-numbers.ts';
import { planNetwork } from '../synthetic/plan.ts';
import { sampleSubjects } from '../synthetic/samples.ts';
import { registrationMark, type Samples } from './operations.ts';

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
    // Association numbers past the network's own are never in it; a random start keeps runs apart.
    const firstFree = planNetwork(scale, seed).associations.total + randomInt(70_000) * 1_000;
    return {
      nodes: result.nodes,
      relationships: result.relationships,
      samples: {
        profileIds: subjects.organizationIds,
        suggestionIds: subjects.organizationIds,
        listFilters: subjects.countyThemes,
        counties: subjects.counties,
        searchTexts: subjects.searchWords,
        prefixTexts: subjects.searchWords.map(typedSoFar),
        municipalities: subjects.municipalities,
        themes: subjects.countyThemes.map((pair) => pair.theme),
        registrationNumber: (n) => associationNumber(firstFree + n, seed),
      },
    };
  } finally {
    await driver.close();
  }
}

/** Removes the organisations and accounts a run registered, so that every run starts from the same network. */
export async function removeBenchRegistrations(boltUri: string): Promise<number> {
  const driver = createDriver({ uri: boltUri, user: 'neo4j', password: '', database: 'neo4j' });
  try {
    return await new Database(driver, 'neo4j', 600_000).write(async (tx) => {
      const result = await tx.run<{ removed: number }>({
        text: `MATCH (account:Account) WHERE account.email CONTAINS $mark
               OPTIONAL MATCH (account)-[:REPRESENTS]->(organization:Organization)
               WITH collect(DISTINCT account) + collect(DISTINCT organization) AS nodes
               UNWIND nodes AS node
               DETACH DELETE node
               RETURN count(*) AS removed`,
        parameters: { mark: registrationMark },
      });
      return result.records[0]?.get('removed') ?? 0;
    });
  } finally {
    await driver.close();
  }
}

/** A word as far as it is typed when a search box first shows hits: a little over half of it, at least three letters. */
export function typedSoFar(word: string): string {
  return word.slice(0, Math.max(3, Math.ceil(word.length * 0.6)));
}
