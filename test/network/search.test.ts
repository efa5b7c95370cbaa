import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

const searchQuery = `query ($text: String!, $first: Int) { search(text: $text, first: $first) {
  __typename ... on Organization { name } ... on Person { name } ... on Initiative { name } } }`;

describe('search', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Sök');
  const ids: string[] = [];

  beforeAll(async () => {
    ids.push(
      ...(await createOrganizations(db, [
        { name: `${token} Idrottsföreningen`, description: 'Vi driver läxhjälp för nyanlända barn.' },
        { name: `${token} Dold`, status: 'PENDING' },
      ])),
      ...(await createInitiatives(db, [{ name: `${token} Läxhjälpsprojektet` }])),
    );
  });
  afterAll(() => removeNodes(db, ids));

  const names = async (text: string, first = 20) =>
    ((await client().data(searchQuery, { text, first })).search as { __typename: string; name: string }[]).map((hit) => `${hit.__typename}:${hit.name}`);

  it('finds Swedish inflected forms: "integrationen" finds "integration"', async () => {
    const hits = await names('integrationen');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((hit) => /\bintegration\b/i.test(hit) && !/integrationen/i.test(hit))).toBe(true);
  });

  it('finds organisations and initiatives by name and description, best match first', async () => {
    const hits = await names(`${token} nyanlända`);
    expect(hits[0]).toBe(`Organization:${token} Idrottsföreningen`);
    expect(hits).toContain(`Initiative:${token} Läxhjälpsprojektet`);
    expect(hits).not.toContain(`Organization:${token} Dold`);
  });

  it('treats query syntax as words', async () => {
    expect(await names(`${token} AND (Dold OR *)`)).not.toContain(`Organization:${token} Dold`);
    expect(await names('"')).toEqual([]);
    // Lucene's operator words are searched for as words, not run as operators.
    for (const word of ['AND', 'OR', 'NOT']) expect(await names(word)).toEqual(expect.any(Array));
  });

  it('refuses an empty text or a page over 50, naming the argument', async () => {
    for (const [variables, field] of [
      [{ text: ' ' }, 'text'],
      [{ text: 'stöd', first: 51 }, 'first'],
    ] as const) {
      const response = await client().graphql(searchQuery, variables);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
