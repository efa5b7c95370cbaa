import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

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
      Array.from({ length: 50 }, (_, n) => ({ name: `${token} projekt ${n}`, themes: ['andt'], municipalities: ['1982'], start: '2021' })),
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
});
