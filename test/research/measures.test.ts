import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger.ts';
import { GdsAvailability } from '../../server/research/measures/gds-availability.ts';
import { startService, type RunningService } from '../../server/service.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, createPeople, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { TestClient, testConfig, useTestService } from '../helpers/service.ts';

// Blekinge (län 10: Ronneby 1081, Olofström 1060) is this file's, and Gotland (0980) the kommun outside
// it: no other test file writes there, so a run of län 10 measures this file's network alone.
const COUNTY = '10';
const RONNEBY = '1081';
const OLOFSTROM = '1060';
const GOTLAND = '0980';

/** A run is seconds of work, but a loaded machine compiles its statements slowly the first time. */
const runTimeoutMs = 240_000;
const runTest = { timeout: runTimeoutMs + 30_000 };

type Row = { actor: { id: string; name: string }; degree: number; betweenness: number; community: number; bridging: number; sectors: string[]; communitiesLinked: number };
type Run = { id: string; state: string; progress: number; county: string | null; asOf: string | null; startedAt: string; finishedAt: string | null; error: string | null; revision: number | null; networkRevision: number; behindBy: number | null };

const runFields = 'id state progress county asOf startedAt finishedAt error revision networkRevision behindBy';
const rowFields = 'actor { id name } degree betweenness community bridging sectors communitiesLinked';
const computeMutation = `mutation ($input: MeasuresInput) { computeMeasures(input: $input) { ${runFields} } }`;
const runQuery = `query ($id: ID!, $by: MeasureKind!, $first: Int, $linking: [ActorKind!]) { measuresRun(id: $id) { ${runFields}
  top(by: $by, first: $first, linking: $linking) { ${rowFields} } } }`;
const communitiesQuery = `query ($id: ID!, $kommun: String!) { measuresRun(id: $id) { communities(municipality: $kommun) {
  community actorCount initiativeCount themes(first: 10) { theme { key } count } } } }`;

/**
 * Betweenness by Brandes' algorithm on an undirected graph, each pair of nodes counted once: the
 * figures GDS must give for a graph below the sampling threshold, worked out here independently.
 */
function brandes(links: [string, string][]): Map<string, number> {
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of links) {
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  }
  const score = new Map([...neighbours.keys()].map((node) => [node, 0]));
  for (const source of neighbours.keys()) {
    const order: string[] = [];
    const predecessors = new Map<string, string[]>([...neighbours.keys()].map((node) => [node, []]));
    const paths = new Map([...neighbours.keys()].map((node) => [node, 0]));
    const distance = new Map<string, number>([[source, 0]]);
    paths.set(source, 1);
    const queue = [source];
    while (queue.length > 0) {
      const node = queue.shift()!;
      order.push(node);
      for (const next of neighbours.get(node)!) {
        if (!distance.has(next)) {
          distance.set(next, distance.get(node)! + 1);
          queue.push(next);
        }
        if (distance.get(next) === distance.get(node)! + 1) {
          paths.set(next, paths.get(next)! + paths.get(node)!);
          predecessors.get(next)!.push(node);
        }
      }
    }
    const dependency = new Map([...neighbours.keys()].map((node) => [node, 0]));
    for (const node of order.reverse()) {
      for (const previous of predecessors.get(node)!) {
        dependency.set(previous, dependency.get(previous)! + (paths.get(previous)! / paths.get(node)!) * (1 + dependency.get(node)!));
      }
      if (node !== source) score.set(node, score.get(node)! + dependency.get(node)!);
    }
  }
  // Every pair was counted from both of its ends.
  return new Map([...score].map(([node, value]) => [node, value / 2]));
}

describe('measures of the network', runTest, () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Matt');
  const n = (name: string) => `${token} ${name}`;
  const ids: Record<string, string> = {};
  let researcher: TestAccount;
  let strategist: TestAccount;
  let association: TestAccount;
  /** The measured network of län 10 today, as actor–initiative links. */
  let countyLinks: [string, string][];

  beforeAll(async () => {
    const [a1, a2, a3, police, unit, business, claimant, pending, islander] = await createOrganizations(db, [
      { name: n('Förening Ett'), municipalities: [RONNEBY], themes: ['trygghet'] },
      { name: n('Förening Två'), municipalities: [RONNEBY] },
      { name: n('Förening Tre'), municipalities: [RONNEBY], themes: ['integration'] },
      { name: n('Polisen'), kind: 'AUTHORITY', municipalities: [RONNEBY] },
      { name: n('Fritidsgården'), kind: 'MUNICIPAL_UNIT', municipalities: [RONNEBY, OLOFSTROM] },
      { name: n('Företaget'), kind: 'BUSINESS', municipalities: [OLOFSTROM] },
      { name: n('Anspråkaren'), municipalities: [RONNEBY] },
      { name: n('Väntande'), status: 'PENDING', municipalities: [RONNEBY] },
      { name: n('Öbon'), municipalities: [GOTLAND] },
    ]);
    const [mentor] = await createPeople(db, [{ name: n('Förebild'), roleModel: true, municipalities: [RONNEBY] }]);
    const [safety, welcome, jobs, island, unreviewed] = await createInitiatives(db, [
      { name: n('Trygg i Ronneby'), municipalities: [RONNEBY], themes: ['trygghet'], start: '2020', end: '2021' },
      { name: n('Välkommen'), municipalities: [RONNEBY], themes: ['integration', 'trygghet'], start: '2022' },
      { name: n('Jobbspåret'), municipalities: [OLOFSTROM], themes: ['arbete'], start: '2019' },
      { name: n('Öprojektet'), municipalities: [GOTLAND], themes: ['arbete'], start: '2020' },
      { name: n('Ogranskat'), status: 'PENDING', municipalities: [RONNEBY], start: '2020' },
    ]);
    await createParticipations(db, [
      { actor: a1!, initiative: safety!, role: 'LEAD' },
      { actor: a2!, initiative: safety!, role: 'PARTNER' },
      { actor: police!, initiative: safety!, role: 'PARTNER' },
      { actor: a3!, initiative: welcome!, role: 'LEAD' },
      { actor: unit!, initiative: welcome!, role: 'PARTNER' },
      { actor: police!, initiative: welcome!, role: 'PARTNER' },
      { actor: unit!, initiative: jobs!, role: 'LEAD' },
      { actor: business!, initiative: jobs!, role: 'PARTNER' },
      // Outside the län: counted in the national network only.
      { actor: a1!, initiative: island!, role: 'PARTNER' },
      { actor: islander!, initiative: island!, role: 'LEAD' },
      // Not part of the confirmed, verified network.
      { actor: claimant!, initiative: safety!, role: 'MEMBER', status: 'CLAIMED' },
      { actor: pending!, initiative: welcome!, role: 'PARTNER' },
      { actor: a2!, initiative: unreviewed!, role: 'LEAD' },
      { actor: mentor!, initiative: jobs!, role: 'MEMBER' },
    ]);
    Object.assign(ids, { a1, a2, a3, police, unit, business, claimant, pending, islander, mentor, safety, welcome, jobs, island, unreviewed });
    countyLinks = [
      [a1!, safety!],
      [a2!, safety!],
      [police!, safety!],
      [a3!, welcome!],
      [unit!, welcome!],
      [police!, welcome!],
      [unit!, jobs!],
      [business!, jobs!],
    ];
    researcher = await createTestAccount(db, 'RESEARCHER');
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [RONNEBY] });
    association = await createTestAccount(db, 'ASSOCIATION', { organizationId: a1! });
  });
  afterAll(async () => {
    await removeNodes(db, Object.values(ids));
    await db.write(
      (tx) =>
        tx.run({
          text: `MATCH (run:MeasuresRun) WHERE run.county = $county OR run.requestedBy IN $accounts
                 OPTIONAL MATCH (row) WHERE (row:ActorMeasure OR row:InitiativeMeasure) AND row.runId = run.id
                 DETACH DELETE run, row`,
          parameters: { county: COUNTY, accounts: [researcher.id, strategist.id] },
        }),
      { changesNetwork: false },
    );
  });

  const as = (account: TestAccount) => account.headers;

  async function compute(input: Record<string, unknown> | null, account = researcher): Promise<Run> {
    return (await client().data<{ computeMeasures: Run }>(computeMutation, { input }, as(account))).computeMeasures;
  }

  /** Follows a run until it finishes; returns the states it was seen in, and the finished run with its top rows. */
  async function follow(id: string, by = 'BRIDGING', linking: string[] | null = null): Promise<{ seen: string[]; run: Run & { top: Row[] } }> {
    const seen: string[] = [];
    for (const giveUpAt = Date.now() + runTimeoutMs; Date.now() < giveUpAt; ) {
      const { measuresRun } = await client().data<{ measuresRun: Run & { top: Row[] } }>(runQuery, { id, by, first: 100, linking }, as(researcher));
      if (seen.at(-1) !== `${measuresRun.state} ${measuresRun.progress}`) seen.push(`${measuresRun.state} ${measuresRun.progress}`);
      if (measuresRun.state === 'DONE' || measuresRun.state === 'FAILED') return { seen: seen.map((step) => step.split(' ')[0]!), run: measuresRun };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`run ${id} did not finish: ${seen.join(', ')}`);
  }

  const top = async (id: string, by: string, linking: string[] | null = null) => (await follow(id, by, linking)).run.top;

  it('finds GDS in the local engine the tests run on, and tells a procedure it lacks', async () => {
    expect(await new GdsAvailability(db).missing()).toEqual([]);
    expect(await new GdsAvailability(db, ['gds.leiden.stream', 'gds.nosuch.procedure'], ['gds.version', 'gds.nosuch.function']).missing()).toEqual([
      'gds.nosuch.procedure',
      'gds.nosuch.function',
    ]);
  });

  describe('a run of a län', () => {
    let run: Run & { top: Row[] };
    let byName: Map<string, Row>;

    beforeAll(async () => {
      const started = await compute({ county: COUNTY });
      expect(started).toMatchObject({ state: 'QUEUED', progress: 0, county: COUNTY, asOf: null, finishedAt: null, revision: null, behindBy: null });
      expect(Date.parse(started.startedAt)).not.toBeNaN();
      const followed = await follow(started.id);
      run = followed.run;
      expect(run.error).toBeNull();
      expect(followed.seen.at(-1)).toBe('DONE');
      byName = new Map(run.top.map((row) => [row.actor.name, row]));
    }, runTest.timeout);

    it('finishes with progress 1, the revision it measured and how far the network has moved since', async () => {
      expect(run).toMatchObject({ state: 'DONE', progress: 1, county: COUNTY });
      expect(Date.parse(run.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
      expect(run.revision).toEqual(expect.any(Number));
      expect(run.behindBy).toBe(run.networkRevision - run.revision!);
      expect(run.behindBy).toBeGreaterThanOrEqual(0);
      // A write to the network makes the results older by at least one revision.
      const [extra] = await createOrganizations(db, [{ name: n('Nykomling'), municipalities: [RONNEBY] }]);
      ids.extra = extra!;
      const later = (await client().data<{ measuresRun: Run }>(`query ($id: ID!) { measuresRun(id: $id) { ${runFields} } }`, { id: run.id }, as(researcher))).measuresRun;
      expect(later.revision).toBe(run.revision);
      expect(later.behindBy).toBeGreaterThan(run.behindBy!);
    });

    it('measures the confirmed, verified network of the län only', () => {
      expect([...byName.keys()].sort()).toEqual(
        ['Förening Ett', 'Förening Två', 'Förening Tre', 'Polisen', 'Fritidsgården', 'Företaget'].map(n).sort(),
      );
    });

    it('counts each actor’s initiatives as its degree', () => {
      const degrees = Object.fromEntries([...byName].map(([name, row]) => [name.slice(token.length + 1), row.degree]));
      expect(degrees).toEqual({ 'Förening Ett': 1, 'Förening Två': 1, 'Förening Tre': 1, Polisen: 2, Fritidsgården: 2, Företaget: 1 });
    });

    it('gives the betweenness of the actor–initiative graph, as Brandes’ algorithm works it out', () => {
      const expected = brandes(countyLinks);
      for (const row of run.top) expect(row.betweenness, row.actor.name).toBeCloseTo(expected.get(row.actor.id)!, 6);
      expect(byName.get(n('Polisen'))!.betweenness).toBeGreaterThan(0);
      expect(byName.get(n('Förening Ett'))!.betweenness).toBe(0);
    });

    it('puts actors that share their only initiative in one community', () => {
      expect(byName.get(n('Förening Ett'))!.community).toBe(byName.get(n('Förening Två'))!.community);
      expect(new Set(run.top.map((row) => row.community)).size).toBeGreaterThan(1);
    });

    it('scores bridging as the sectors and communities an actor links beyond its own', () => {
      const police = byName.get(n('Polisen'))!;
      expect(police.sectors).toEqual(['ASSOCIATION', 'AUTHORITY', 'MUNICIPAL_UNIT']);
      expect(byName.get(n('Förening Ett'))!.sectors).toEqual(['ASSOCIATION', 'AUTHORITY']);
      expect(byName.get(n('Företaget'))!.sectors).toEqual(['BUSINESS', 'MUNICIPAL_UNIT']);
      for (const row of run.top) {
        expect(row.bridging, row.actor.name).toBe(row.sectors.length - 1 + row.communitiesLinked - 1);
        expect(row.communitiesLinked).toBeLessThanOrEqual(row.degree);
      }
      const bridging = run.top.map((row) => row.bridging);
      expect(bridging).toEqual([...bridging].sort((x, y) => y - x));
    });

    it('answers who bridges civil society and authorities most in the län', async () => {
      const rows = await top(run.id, 'BRIDGING', ['ASSOCIATION', 'AUTHORITY']);
      // Fritidsgården works with associations and Polisen in Välkommen, and with a business besides.
      expect(rows.map((row) => row.actor.name).sort()).toEqual(['Förening Ett', 'Förening Två', 'Förening Tre', 'Polisen', 'Fritidsgården'].map(n).sort());
      expect(rows.slice(0, 2).map((row) => row.actor.name).sort()).toEqual([n('Fritidsgården'), n('Polisen')]);
      expect(rows.slice(2).every((row) => row.bridging < byName.get(n('Polisen'))!.bridging)).toBe(true);
    });

    it('orders by degree and by betweenness on request', async () => {
      const byDegree = await top(run.id, 'DEGREE');
      expect(byDegree.slice(0, 2).map((row) => row.actor.name).sort()).toEqual([n('Fritidsgården'), n('Polisen')]);
      const byBetweenness = (await top(run.id, 'BETWEENNESS')).map((row) => row.betweenness);
      expect(byBetweenness).toEqual([...byBetweenness].sort((x, y) => y - x));
    });

    it('tells the communities of a kommun and the themes that hold each together', async () => {
      const { measuresRun } = await client().data(communitiesQuery, { id: run.id, kommun: RONNEBY }, as(researcher));
      const communities = measuresRun.communities as { community: number; actorCount: number; initiativeCount: number; themes: { theme: { key: string }; count: number }[] }[];
      // Ronneby's measured actors (Fritidsgården works there too) and its two initiatives, each in one community.
      expect(communities.reduce((sum, c) => sum + c.actorCount, 0)).toBe(5);
      expect(communities.reduce((sum, c) => sum + c.initiativeCount, 0)).toBe(2);
      const ofSafety = communities.find((c) => c.community === byName.get(n('Förening Ett'))!.community)!;
      expect(ofSafety.themes[0]).toEqual({ theme: { key: 'trygghet' }, count: expect.any(Number) });
      for (const community of communities) {
        const counts = community.themes.map((t) => t.count);
        expect(counts).toEqual([...counts].sort((x, y) => y - x));
      }
      const themes = new Set(communities.flatMap((c) => c.themes.map((t) => t.theme.key)));
      expect(themes).toEqual(new Set(['trygghet', 'integration']));
    });

    it('is the latest run of the län until a newer one finishes, which replaces it', async () => {
      const latest = async () => (await client().data<{ latestMeasures: Run | null }>(`query ($c: String) { latestMeasures(county: $c) { id } }`, { c: COUNTY }, as(researcher))).latestMeasures;
      expect((await latest())?.id).toBe(run.id);
      const again = await compute({ county: COUNTY }, strategist);
      expect((await follow(again.id)).run.state).toBe('DONE');
      expect((await latest())?.id).toBe(again.id);
      const old = await client().data(`query ($id: ID!) { measuresRun(id: $id) { id } }`, { id: run.id }, as(researcher));
      expect(old.measuresRun).toBeNull();
      // Its rows go right after, a batch at a time.
      const rowsLeft = async () =>
        (await db.query<{ n: number }>({ text: 'MATCH (m:ActorMeasure|InitiativeMeasure {runId: $id}) RETURN count(m) AS n', parameters: { id: run.id } })).records[0]!.get('n');
      await expect.poll(rowsLeft, { timeout: 30_000 }).toBe(0);
    });
  });

  it('measures the network as it was on a day, from the periods of initiatives and participations', async () => {
    const started = await compute({ county: COUNTY, asOf: '2020-06' });
    expect(started.asOf).toBe('2020-06');
    const rows = (await follow(started.id)).run.top;
    const byName = new Map(rows.map((row) => [row.actor.name, row]));
    // Välkommen starts in 2022: Förening Tre was not yet in the network, and Polisen had one initiative.
    expect([...byName.keys()].sort()).toEqual(['Förening Ett', 'Förening Två', 'Polisen', 'Fritidsgården', 'Företaget'].map(n).sort());
    expect(byName.get(n('Polisen'))!.degree).toBe(1);
    expect(byName.get(n('Polisen'))!.sectors).toEqual(['ASSOCIATION', 'AUTHORITY']);
  });

  it('measures the whole national network without a län', async () => {
    const started = await compute(null);
    expect(started.county).toBeNull();
    const { run } = await follow(started.id, 'DEGREE');
    expect(run.state).toBe('DONE');
    const ones = new Set(run.top.map((row) => row.actor.id));
    expect(run.top.length).toBeGreaterThan(0);
    // Förening Ett's island initiative counts here, so its degree is 2 (it may sit below the first 100).
    const mine = (await db.query<{ degree: number }>({ text: 'MATCH (m:ActorMeasure {runId: $run, actorId: $actor}) RETURN m.degree AS degree', parameters: { run: run.id, actor: ids.a1 } })).records;
    expect(mine[0]?.get('degree')).toBe(2);
    expect(ones.has(ids.claimant!)).toBe(false);
  });

  it('is for researchers, strategists and admins, and refuses bad input naming the field', async () => {
    const anonymous = await client().graphql(computeMutation, { input: { county: COUNTY } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refused = await client().graphql(computeMutation, { input: { county: COUNTY } }, as(association));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await client().graphql(`{ latestMeasures(county: "10") { id } }`, {}, as(association));
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const before = await db.query({ text: 'MATCH (run:MeasuresRun) RETURN count(run) AS n' });
    const badCounty = await client().graphql(computeMutation, { input: { county: '99' } }, as(researcher));
    expect(badCounty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.county' });
    const badDate = await client().graphql(computeMutation, { input: { asOf: '2020-13' } }, as(researcher));
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = await db.query({ text: 'MATCH (run:MeasuresRun) RETURN count(run) AS n' });
    expect(after.records[0]!.get('n')).toBe(before.records[0]!.get('n'));
    const queued = (await compute({ county: COUNTY })).id;
    const tooMany = await client().graphql(`query ($id: ID!) { measuresRun(id: $id) { top(by: DEGREE, first: 500) { degree } } }`, { id: queued }, as(researcher));
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badKommun = await client().graphql(`query ($id: ID!) { measuresRun(id: $id) { communities(municipality: "9999") { community } } }`, { id: queued }, as(researcher));
    expect(badKommun.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'municipality' });
    await follow(queued);
  });
});

describe('measures where the database has no GDS', () => {
  const db = useTestDatabase();
  let service: RunningService;
  let client: TestClient;
  let researcher: TestAccount;

  beforeAll(async () => {
    // The same real Neo4j, asked for a procedure that no Neo4j has: what a Neo4j without GDS answers.
    service = await startService(testConfig(), createLogger('silent'), { gdsProcedures: ['gds.nosuch.procedure'] });
    client = new TestClient(service.url);
    researcher = await createTestAccount(db, 'RESEARCHER');
  });
  afterAll(() => service?.stop());

  it('answers GDS_UNAVAILABLE for the measures and writes no run', async () => {
    const before = await db.query({ text: 'MATCH (run:MeasuresRun) RETURN count(run) AS n' });
    const computed = await client.graphql(computeMutation, { input: { county: COUNTY } }, researcher.headers);
    expect(computed.errors?.[0]?.extensions?.code).toBe('GDS_UNAVAILABLE');
    expect(computed.errors?.[0]?.message).toContain('gds.nosuch.procedure');
    const after = await db.query({ text: 'MATCH (run:MeasuresRun) RETURN count(run) AS n' });
    expect(after.records[0]!.get('n')).toBe(before.records[0]!.get('n'));
    for (const query of ['{ latestMeasures { id } }', '{ measuresRun(id: "00000000-0000-4000-8000-000000000000") { id } }']) {
      const response = await client.graphql(query, {}, researcher.headers);
      expect(response.errors?.[0]?.extensions?.code, query).toBe('GDS_UNAVAILABLE');
    }
  });

  it('still refuses callers who may not ask, before looking for GDS', async () => {
    const anonymous = await client.graphql(computeMutation, { input: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers everything else as before', async () => {
    const name = uniqueToken('Utan GDS');
    const [id] = await createOrganizations(db, [{ name, municipalities: [RONNEBY] }]);
    try {
      const data = await client.data<{ actor: { name: string }; themes: { key: string }[] }>(
        'query ($id: ID!) { actor(id: $id) { name } themes { key } }',
        { id },
        researcher.headers,
      );
      expect(data.actor.name).toBe(name);
      expect(data.themes.map((theme) => theme.key)).toContain('trygghet');
    } finally {
      await removeNodes(db, [id!]);
    }
  });
});
