import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { int, type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, Database } from '../../server/db/database.ts';
import { LocalEngine } from '../../server/db/local-engine.ts';
import { loadSnapshot } from '../../server/network/network-index/load-snapshot.ts';
import { commonPartnersNamed, partnerReasons } from '../../server/network/partner-scoring.ts';
import { overlapsCypher, partnerSuggestionsCypher } from '../../bench/floor/queries.ts';
import { countGraph } from '../../bench/synthetic/graph-counts.ts';
import { countSyntheticNetwork, ensureSyntheticNetwork, readMarker } from '../../bench/synthetic/load.ts';
import { DEFAULT_SEED, GENERATOR_VERSION } from '../../bench/synthetic/plan.ts';
import { sampleSubjects } from '../../bench/synthetic/samples.ts';
import { createOrganizations, removeNodes } from '../helpers/fixtures.ts';
import { anonymousStores } from '../helpers/stores.ts';

const SCALE = 0.01;

/**
 * The loader against a Neo4j of its own: the run's shared database must not get a synthetic network,
 * since other test files count what is in a kommun. Starting a JVM and loading take a while on a busy machine.
 */
describe('loading the synthetic network', { timeout: 240_000 }, () => {
  let dataDir: string;
  let engine: LocalEngine;
  let driver: Driver;
  let db: Database;
  const expected = countSyntheticNetwork(SCALE);

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'samverkan-synthetic-'));
    engine = await LocalEngine.start({ dataDir, pageCache: '128m', heap: '1g' });
    driver = createDriver({ uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' });
    db = new Database(driver, 'neo4j', 60_000);
  }, 180_000);

  afterAll(async () => {
    await driver?.close();
    await engine?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The counts the generator made must be what the database holds, label by label and type by type. */
  async function expectDatabaseToHoldTheNetwork() {
    const counts = await countGraph(db);
    for (const [label, count] of Object.entries(expected.labels)) expect(counts.labels[label], label).toBe(count);
    for (const [type, count] of Object.entries(expected.types)) expect(counts.types[type], type).toBe(count);
  }

  it('refuses a database that holds organisations of its own', async () => {
    const ids = await createOrganizations(db, [{ name: 'Föreningen som redan fanns' }]);
    await expect(ensureSyntheticNetwork(driver, { scale: SCALE })).rejects.toThrow(/holds 1 actors or initiatives that are not of a synthetic network/);
    await removeNodes(db, ids);
  });

  it('loads the network the generator makes, and marks the database with it', async () => {
    const result = await ensureSyntheticNetwork(driver, { scale: SCALE });
    expect(result).toMatchObject({ loaded: true, scale: SCALE, seed: DEFAULT_SEED, nodes: expected.nodes, relationships: expected.relationships });
    expect(result.entitiesPerSecond).toBeGreaterThan(0);
    await expectDatabaseToHoldTheNetwork();
    expect(await readMarker(db)).toMatchObject({
      scale: SCALE,
      seed: DEFAULT_SEED,
      generatorVersion: GENERATOR_VERSION,
      nodes: expected.nodes,
      relationships: expected.relationships,
    });
  });

  it('has Neo4j sample the indexes again once it has written, so that statements are planned for the network it wrote', async () => {
    const verified = (await db.query<{ n: number }>({ text: `MATCH (o:Organization {status: 'VERIFIED'}) RETURN count(o) AS n` })).records[0]!.get('n');
    // A seek in the status index is estimated from the index's last sample: 0 rows while that still describes it empty.
    const plan = (await db.query({ text: `EXPLAIN MATCH (o:Organization {status: 'VERIFIED'}) RETURN o.id` })).summary.plan as unknown as {
      arguments: { EstimatedRows: number };
    };
    expect(verified).toBeGreaterThan(500);
    expect(plan.arguments.EstimatedRows).toBeGreaterThan(verified / 2);
  });

  it('does not load again when the marker says the network is there', async () => {
    const before = await countGraph(db);
    const again = await ensureSyntheticNetwork(db, { scale: SCALE });
    expect(again).toMatchObject({ loaded: false, nodes: expected.nodes, relationships: expected.relationships, entitiesPerSecond: null });
    expect(await countGraph(db)).toEqual(before);
  });

  it('refuses to load another network on top of it', async () => {
    await expect(ensureSyntheticNetwork(driver, { scale: SCALE, seed: 7 })).rejects.toThrow(/already holds another synthetic network \(scale 0\.01, seed 20261122/);
    await expect(ensureSyntheticNetwork(driver, { scale: 0.02 })).rejects.toThrow(/another synthetic network/);
  });

  it('is read by the service’s own stores', async () => {
    const subjects = sampleSubjects(SCALE, DEFAULT_SEED, 30);
    const stores = anonymousStores(db);
    const organizations = await stores.actors.visibleOf(subjects.organizationIds);
    expect(organizations.map((o) => o.id)).toEqual(subjects.organizationIds);
    for (const organization of organizations) {
      expect(organization).toMatchObject({ isPerson: false, status: 'VERIFIED' });
      expect(['ASSOCIATION', 'AUTHORITY', 'MUNICIPAL_UNIT']).toContain(organization.kind);
    }
    const initiatives = await stores.initiatives.byId.loadMany(subjects.initiativeIds);
    expect(initiatives.every((i) => i !== null && !(i instanceof Error))).toBe(true);

    const { county, theme } = subjects.countyThemes[0]!;
    const page = await stores.initiatives.page({ counties: [county], themes: [theme] }, 20, null);
    expect(page.items.length).toBeGreaterThan(0);
    for (const word of new Set(subjects.searchWords)) {
      expect((await stores.network.search(word, 5)).length, word).toBeGreaterThan(0);
    }
    const participations = await Promise.all(organizations.map((o) => stores.actors.participationsOf(o.id)));
    expect(participations.flat().length).toBeGreaterThan(0);
  });

  it('gets from the network index the partners, and the reasons, that the hand-written Cypher finds, for subjects small and large', async () => {
    const stores = anonymousStores(db);
    // The theme-richest set a bar so high that most candidates are not read for common partners at all.
    const { actors } = await db.read(loadSnapshot);
    const themeRichest = [...actors.candidatesByThemeCount.subarray(0, 8)].map((a) => actors.ids[a]!);
    const subjects = [...new Set([...sampleSubjects(SCALE, DEFAULT_SEED, 40).organizationIds, ...themeRichest])];
    // The statement names every common partner; a reason names the first three in Swedish order and counts the rest.
    const swedish = (names: string[]) => names.sort(new Intl.Collator('sv').compare);
    const reasonsOf = (r: Record<string, string[]>) =>
      partnerReasons({
        sharedThemes: swedish(r.sharedThemes!),
        sharedMunicipalities: swedish(r.sharedMunicipalities!),
        sharedCounties: swedish(r.sharedCounties!),
        commonPartners: swedish(r.commonPartners!).slice(0, commonPartnersNamed),
        commonPartnerCount: r.commonPartners!.length,
        families: swedish(r.families!),
      });
    let compared = 0;
    for (const id of subjects) {
      const fromIndex = (await stores.network.partnerSuggestions(id, 10)).map((s) => [s.actor.id, s.score, s.reasons]);
      const fromCypher = await db.read(async (tx) =>
        (await tx.run({ text: partnerSuggestionsCypher, parameters: { id, first: int(10) } })).records.map((r) => [
          r.get('actor').id,
          r.get('score'),
          reasonsOf(r.toObject()),
        ]),
      );
      expect(fromIndex, id).toEqual(fromCypher);
      compared += fromIndex.length;
    }
    expect(compared).toBeGreaterThan(subjects.length * 5);
  });

  it('finds with the index the overlaps that the hand-written Cypher finds, in every län', async () => {
    const stores = anonymousStores(db);
    const today = new Date().toISOString().slice(0, 10);
    const counties = (await db.query<{ code: string }>({ text: 'MATCH (c:County) RETURN c.code AS code ORDER BY code' })).records.map((r) => r.get('code'));
    // Names repeat in the synthetic network, and Cypher leaves the order of equal names open: so the
    // pairs are compared by what orders them, not by id.
    const shape = (overlap: { a: { name: string }; b: { name: string }; score: number; overlappingDays: number | null }) =>
      [overlap.score, overlap.a.name, overlap.b.name, overlap.overlappingDays];
    let compared = 0;
    for (const county of counties) {
      const fromIndex = (await stores.network.overlaps({ counties: [county] }, 20, today)).map(shape);
      const fromCypher = (
        await db.query<{ a: { name: string }; b: { name: string }; score: number; overlappingDays: number | null }>({
          text: overlapsCypher,
          parameters: { county, today, first: int(20) },
        })
      ).records.map((r) => shape(r.toObject()));
      expect(fromIndex, county).toEqual(fromCypher);
      compared += fromIndex.length;
    }
    expect(compared).toBeGreaterThan(counties.length * 2);
  });

  it('removes a load that was cut short and loads again', async () => {
    await db.write((tx) => tx.run({ text: 'MATCH (s:SyntheticNetwork) DELETE s' }));
    const result = await ensureSyntheticNetwork(driver, { scale: SCALE });
    expect(result.loaded).toBe(true);
    await expectDatabaseToHoldTheNetwork();
  });
});
