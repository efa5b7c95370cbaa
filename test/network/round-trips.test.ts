import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';
import { anonymousStores } from '../helpers/stores.ts';

/** The service's own count of Cypher statements sent, read from /metrics. */
async function statementsSent(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^neo4j_statements_total (\d+)/m.exec(text)?.[1] ?? NaN);
}

const nestedQuery = `query ($text: String!, $first: Int!) {
  actors(filter: { text: $text }, first: $first) {
    totalCount
    edges { node {
      name themes { key } municipalities { code county { name } } sources { title }
      ... on Organization { parent { name } units { name } contact { email } }
      participations { role status sources { title } initiative {
        name themes { key } municipalities { code } grants { amount } partOf { name } parts { name } events { name }
        participants { role actor { name } }
      } }
    } }
  }
}`;

describe('round trips to Neo4j per GraphQL operation', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Rundtur');
  const ids: string[] = [];

  beforeAll(async () => {
    const organizations = await createOrganizations(
      db,
      Array.from({ length: 50 }, (_, n) => ({ name: `${token} förening ${String(n).padStart(2, '0')}`, themes: ['integration'], municipalities: ['1982'] })),
    );
    const initiatives = await createInitiatives(
      db,
      Array.from({ length: 50 }, (_, n) => ({
        name: `${token} projekt ${n}`,
        description: `${token} beskrivning ${n}`,
        themes: ['andt'],
        municipalities: ['1982'],
        start: '2021',
      })),
    );
    await createParticipations(db, organizations.map((actor, n) => ({ actor, initiative: initiatives[n]!, role: 'LEAD' })));
    ids.push(...organizations, ...initiatives);
  });
  afterAll(() => removeNodes(db, ids));

  async function statementsFor(first: number): Promise<number> {
    const before = await statementsSent(client().url);
    const data = await client().data<{ actors: { edges: { node: { participations: unknown[] } }[] } }>(nestedQuery, { text: token, first });
    expect(data.actors.edges).toHaveLength(first);
    expect(data.actors.edges.every((edge) => edge.node.participations.length === 1)).toBe(true);
    return (await statementsSent(client().url)) - before;
  }

  it('sends as many statements for 50 items, nested three levels deep, as for 1', async () => {
    const forOne = await statementsFor(1);
    const forFifty = await statementsFor(50);
    expect(forOne).toBeGreaterThan(1);
    expect(forFifty).toBe(forOne);
  });

  it('reads a profile with its links, participations and their initiatives in one statement, and a list page with its links in one', async () => {
    const before = await statementsSent(client().url);
    const data = await client().data<{ actor: { name: string; participations: { initiative: { name: string } }[] } }>(
      `query ($id: ID!) { actor(id: $id) { name themes { key } municipalities { code }
         participations { role status initiative { id name start } } } }`,
      { id: ids[0] },
    );
    expect(data.actor.participations.map((p) => p.initiative.name)).toEqual([`${token} projekt 0`]);
    expect((await statementsSent(client().url)) - before).toBe(1);

    const beforeList = await statementsSent(client().url);
    const list = await client().data<{ actors: { edges: { node: { municipalities: { code: string }[] } }[] } }>(
      `query ($text: String!) { actors(filter: { text: $text }, first: 50) { edges { node { name municipalities { code } } } } }`,
      { text: token },
    );
    expect(list.actors.edges).toHaveLength(50);
    expect(list.actors.edges.every((edge) => edge.node.municipalities[0]?.code === '1982')).toBe(true);
    expect((await statementsSent(client().url)) - beforeList).toBe(1);
  });

  it("reads the initiatives' descriptions with a profile only when they are asked for", async () => {
    const stores = anonymousStores(db);
    await stores.actors.byIdReading(ids[0]!, { links: false, participations: true, initiatives: 'summary' });
    const [summary] = await stores.actors.participationsOf(ids[0]!);
    expect(summary!.initiative).toMatchObject({ name: `${token} projekt 0` });
    expect(summary!.initiative).not.toHaveProperty('description');

    const full = anonymousStores(db);
    await full.actors.byIdReading(ids[0]!, { links: false, participations: true, initiatives: 'full' });
    expect((await full.actors.participationsOf(ids[0]!))[0]!.initiative!.description).toBe(`${token} beskrivning 0`);
  });

  it('answers a description even when another field of the request read the same profile without it', async () => {
    // Both fields read the profile; whichever answers first hands its participations to the other.
    for (let attempt = 0; attempt < 4; attempt++) {
      const data = await client().data<{ full: { participations: { initiative: { description: string } }[] } }>(
        `query ($id: ID!) { brief: actor(id: $id) { participations { initiative { name } } }
                            full: actor(id: $id) { participations { initiative { name description } } } }`,
        { id: ids[attempt]! },
      );
      expect(data.full.participations.map((p) => p.initiative.description)).toEqual([`${token} beskrivning ${attempt}`]);
    }
  });

  it('counts the total only when it is asked for', async () => {
    const statementsFor = async (selection: string) => {
      const before = await statementsSent(client().url);
      await client().data(`query ($text: String!) { actors(filter: { text: $text }, first: 5) { ${selection} } }`, { text: token });
      return (await statementsSent(client().url)) - before;
    };
    const pageOnly = await statementsFor('edges { node { id } }');
    expect(pageOnly).toBe(1);
    expect(await statementsFor('totalCount edges { node { id } }')).toBe(pageOnly + 1);
  });
});

// Norsjö (2417) and Robertsfors (2409) are used by no other test file, so their pending lists are this file's.
describe('round trips for the review list', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const ids: string[] = [];

  beforeAll(async () => {
    const token = uniqueToken('Granskning');
    ids.push(
      ...(await createOrganizations(db, [
        { name: `${token} ensam`, status: 'PENDING', municipalities: ['2417'] },
        { name: `${token} ensamma`, municipalities: ['2417'] },
        ...Array.from({ length: 5 }, (_, n) => ({ name: `${token} förening ${n}`, status: 'PENDING' as const, municipalities: ['2409'] })),
        { name: `${token} föreningen 0`, municipalities: ['2409'] },
      ])),
    );
  });
  afterAll(() => removeNodes(db, ids));

  it('sends as many statements for five pending registrations, with their look-alikes and reviews, as for one', async () => {
    const query = '{ pendingRegistrations { name possibleDuplicates { name } registrationReview { approved } themes { key } } }';
    const countFor = async (kommun: string, expected: number) => {
      const strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [kommun] });
      const before = await statementsSent(client().url);
      const data = await client().data(query, {}, strategist.headers);
      expect(data.pendingRegistrations).toHaveLength(expected);
      expect(data.pendingRegistrations.every((o: { possibleDuplicates: unknown[] }) => o.possibleDuplicates.length > 0)).toBe(true);
      return (await statementsSent(client().url)) - before;
    };
    expect(await countFor('2409', 5)).toBe(await countFor('2417', 1));
  });
});
