import { int } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { lastWordAsPrefix, listCypher, overlapsCypher, partnerSuggestionsCypher, profileCypher, searchCypher } from '../../bench/floor/queries.ts';
import { oursRequests } from '../../bench/harness/operations.ts';
import { anyWordQuery } from '../../server/shared/fulltext.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { useTestService } from '../helpers/service.ts';

type Row = Record<string, any>;

/**
 * The benchmark's floor asks the service's questions: on the seed network its hand-written Cypher finds
 * what the service answers an anonymous caller. Other files write into the database meanwhile (never into
 * the seed's organisations), so each comparison is asked back to back and repeated until both agree.
 */
describe('the benchmark floor', () => {
  const db = useTestDatabase();
  const { client } = useTestService();

  const floor = (text: string, parameters: Record<string, unknown>) =>
    db.read(async (tx) => (await tx.run({ text, parameters })).records.map((record) => record.toObject() as Row));

  const ours = async (request: { body?: string }): Promise<Row> => {
    const { query, variables } = JSON.parse(request.body!) as { query: string; variables: Row };
    return client().data(query, variables);
  };

  async function agree<T>(ask: () => Promise<{ ours: T; floor: T }>): Promise<{ ours: T; floor: T }> {
    let last!: { ours: T; floor: T };
    for (let attempt = 0; attempt < 4; attempt++) {
      last = await ask();
      if (JSON.stringify(last.ours) === JSON.stringify(last.floor)) break;
    }
    return last;
  }

  const seedOrganization = async (name: string): Promise<string> =>
    (await floor('MATCH (o:Organization {name: $name}) WHERE o.seedKey IS NOT NULL RETURN o.id AS id', { name }))[0]!.id;

  it.each(['Fagersta kommun', 'Polisen', 'Avesta kommun'])('suggests the same partners, with the same scores, for %s', async (name) => {
    const id = await seedOrganization(name);
    const { ours: fromOurs, floor: fromFloor } = await agree(async () => ({
      ours: (await ours(oursRequests.suggestions(id))).partnerSuggestions.map((s: Row) => [s.actor.id, s.score]),
      floor: (await floor(partnerSuggestionsCypher, { id, first: int(10) })).map((row) => [row.actor.id, row.score]),
    }));
    expect(fromOurs.length).toBeGreaterThan(0);
    expect(fromOurs).toEqual(fromFloor);
  });

  it.each(['19', '20'])('finds the same overlaps in län %s', async (county) => {
    const today = new Date().toISOString().slice(0, 10);
    const { ours: fromOurs, floor: fromFloor } = await agree(async () => ({
      ours: (await ours(oursRequests.overlaps(county))).overlaps.map((o: Row) => [o.a.id, o.b.id, o.score]),
      floor: (await floor(overlapsCypher, { county, today, first: int(20) })).map((row) => [row.a.id, row.b.id, row.score]),
    }));
    expect(fromOurs.length).toBeGreaterThan(0);
    expect(fromOurs).toEqual(fromFloor);
  });

  it('lists the same organisations for a län and a theme', async () => {
    const { ours: fromOurs, floor: fromFloor } = await agree(async () => ({
      ours: (await ours(oursRequests.list('19', 'andt'))).actors.edges.map((edge: Row) => edge.node.id),
      floor: (await floor(listCypher, { county: '19', theme: 'andt', first: int(50) })).map((row) => row.organization.id),
    }));
    expect(fromOurs.length).toBeGreaterThan(0);
    expect(fromOurs).toEqual(fromFloor);
  });

  it('reads the same profile', async () => {
    const id = await seedOrganization('Fagersta kommun');
    const actor = (await ours(oursRequests.profile(id))).actor;
    const [{ profile }] = (await floor(profileCypher, { id })) as [{ profile: Row }];
    expect(actor.name).toBe(profile.name);
    expect(actor.themes.map((t: Row) => t.key).sort()).toEqual(profile.themes.map((t: Row) => t.key).sort());
    const initiatives = (participations: Row[]) => participations.map((p) => `${p.role} ${p.initiative.id}`).sort();
    expect(initiatives(actor.participations)).toEqual(initiatives(profile.participations));
    expect(actor.participations.length).toBeGreaterThan(0);
  });

  it('finds every hit of the floor’s single full-text statement, the service ranking names first', async () => {
    // The floor asks the Swedish indexes once, best Lucene score first; the service adds names, prefixes and
    // places and ranks them together, so its order differs: its first 50 hold the floor's 20. A word cut
    // short is a prefix of names only in the service (a description is not searched as it is typed), so
    // there the floor's hits by name are the ones it must hold.
    const firstFifty = `query ($text: String!) { search(text: $text, first: 50) { ... on Organization { id } ... on Person { id } ... on Initiative { id } } }`;
    const anyHit = () => true;
    for (const [text, query, held] of [
      ['integration', anyWordQuery('integration'), anyHit],
      ['trygghet', anyWordQuery('trygghet'), anyHit],
      ['integr', lastWordAsPrefix(anyWordQuery('integr')), (hit: Row) => /(^|[^\p{L}])integr/iu.test(hit.name)],
    ] as const) {
      const { ours: fromOurs, floor: fromFloor } = await agree(async () => {
        const ours = ((await client().data(firstFifty, { text })).search as Row[]).map((hit) => hit.id as string);
        const floorIds = (await floor(searchCypher, { query, first: int(20) })).filter((row) => held(row.hit)).map((row) => row.hit.id as string);
        // Compared as the floor's ids that the service found, so that agree() can wait out other files' writes.
        return { ours: floorIds.filter((id) => ours.includes(id)), floor: floorIds };
      });
      expect(fromFloor.length).toBeGreaterThan(0);
      expect(fromOurs).toEqual(fromFloor);
    }
  });
});
