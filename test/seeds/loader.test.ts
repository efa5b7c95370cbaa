import { describe, expect, it } from 'vitest';
import { mergeSeedDocuments } from '../../seeds/loader/merge.ts';
import { readSeedDocuments } from '../../seeds/loader/network-files.ts';
import { loadSeedNetwork } from '../../seeds/loader/network.ts';
import { loadReferenceData } from '../../server/reference/load.ts';
import { useTestDatabase } from '../helpers/database.ts';

/**
 * The seed keys of everything the seed files describe. Counting only these leaves out seed documents
 * that other test files load into the same database alongside the seed files (the erasure test does).
 */
function seedFileKeys(): string[] {
  const network = mergeSeedDocuments(readSeedDocuments());
  return [...network.organizations, ...network.people, ...network.initiatives, ...network.grants, ...network.events].map((item) => item.key);
}

/** Counts of everything the seed wrote (nodes carrying a seed file's key, and their relationships). */
async function seedCounts(db: ReturnType<typeof useTestDatabase>) {
  return db.read(async (tx) => {
    const result = await tx.run({
      text: `MATCH (n) WHERE n.seedKey IN $keys
             WITH labels(n) AS labels, n
             RETURN labels, count(n) AS nodes, sum(COUNT { (n)-[]->() }) AS outgoing
             ORDER BY labels`,
      parameters: { keys: seedFileKeys() },
    });
    const places = await tx.run({ text: 'MATCH (m:Municipality)-[:IN_COUNTY]->(c:County) RETURN count(m) AS m, count(DISTINCT c) AS c, COUNT { (:Theme) } AS t' });
    return { byLabel: result.records.map((r) => r.toObject()), places: places.records[0]!.toObject() };
  });
}

describe('the seed loader', () => {
  const db = useTestDatabase();

  it('merges entities that several documents name, citing each document', () => {
    const network = mergeSeedDocuments(readSeedDocuments());
    const polisen = network.organizations.find((o) => o.key === 'polisen')!;
    expect(polisen.sources.sort()).toEqual(['src-001', 'src-004']);
    expect(polisen.municipalities.sort()).toEqual(['0767', '1982']);
    expect(new Set(network.organizations.map((o) => o.key)).size).toBe(network.organizations.length);
  });

  it('loads twice with the same result: same nodes, same relationships', async () => {
    // The global setup loaded it once already.
    const before = await seedCounts(db);
    const counts = await loadSeedNetwork(db);
    await loadReferenceData(db);
    const after = await seedCounts(db);
    expect(after).toEqual(before);
    expect(after.places).toEqual({ m: 290, c: 21, t: expect.any(Number) });
    const actors = after.byLabel.filter((row) => (row.labels as string[]).includes('Actor')).reduce((sum, row) => sum + (row.nodes as number), 0);
    expect(actors).toBe(counts.organizations + counts.people);
  });
});
