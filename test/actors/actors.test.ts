import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/shared/ids.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

type Page = { actors: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; name: string } }[] } };

const pageQuery = `query ($filter: ActorFilter, $first: Int, $after: String) {
  actors(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } }
  }
}`;

describe('actors', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Aktör');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const [andtFagersta, integrationAvesta, authorityKronoberg, businessNoThemes, pending] = await createOrganizations(db, [
      { name: `${token} Alfa`, themes: ['andt'], municipalities: ['1982'], email: 'alfa@example.org', phone: '070-000 00 00' },
      { name: `${token} Beta`, themes: ['integration'], municipalities: ['2084'] },
      { name: `${token} Gamma`, kind: 'AUTHORITY', municipalities: ['0767'] },
      { name: `${token} Delta`, kind: 'BUSINESS' },
      { name: `${token} Epsilon`, status: 'PENDING', themes: ['andt'], municipalities: ['1982'] },
    ]);
    // Delta works on ANDT in Hedemora only through an initiative it takes part in.
    const [initiative] = await createInitiatives(db, [{ name: `${token} projekt`, themes: ['andt'], municipalities: ['2083'], start: '2022' }]);
    await createParticipations(db, [{ actor: businessNoThemes!, initiative: initiative!, role: 'PARTNER' }]);
    Object.assign(ids, { andtFagersta, integrationAvesta, authorityKronoberg, businessNoThemes, pending, initiative });
  });
  afterAll(() => removeNodes(db, Object.values(ids)));

  const names = async (filter: Record<string, unknown>) => {
    const data = await client().data<Page>(pageQuery, { filter: { text: token, ...filter }, first: 50 });
    return data.actors.edges.map((edge) => edge.node.name.replace(`${token} `, ''));
  };

  it('lists verified actors by name, with a total', async () => {
    const data = await client().data<Page>(pageQuery, { filter: { text: token } });
    expect(data.actors.edges.map((e) => e.node.name)).toEqual(['Alfa', 'Beta', 'Delta', 'Gamma'].map((n) => `${token} ${n}`));
    expect(data.actors.totalCount).toBe(4);
  });

  it('filters by kind, theme, kommun and län, counting what actors do through their initiatives', async () => {
    expect(await names({ kinds: ['AUTHORITY', 'BUSINESS'] })).toEqual(['Delta', 'Gamma']);
    expect(await names({ themes: ['andt'] })).toEqual(['Alfa', 'Delta']);
    expect(await names({ themes: ['integration', 'andt'] })).toEqual(['Alfa', 'Beta', 'Delta']);
    expect(await names({ municipalities: ['1982', '0767'] })).toEqual(['Alfa', 'Gamma']);
    expect(await names({ municipalities: ['2083'] })).toEqual(['Delta']);
    expect(await names({ counties: ['20'] })).toEqual(['Beta', 'Delta']);
    expect(await names({ counties: ['20'], themes: ['andt'] })).toEqual(['Delta']);
  });

  it('pages with cursors: no item twice, none left out, the total on every page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 10; pageNumber++) {
      const data: Page = await client().data<Page>(pageQuery, { filter: { text: token }, first: 1, after });
      expect(data.actors.totalCount).toBe(4);
      seen.push(...data.actors.edges.map((edge) => edge.node.name));
      if (!data.actors.pageInfo.hasNextPage) break;
      after = data.actors.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Alfa', 'Beta', 'Delta', 'Gamma'].map((n) => `${token} ${n}`));
  });

  it('shows an organisation by id, without contact data for the public', async () => {
    const data = await client().data(
      `query ($id: ID!) { actor(id: $id) { __typename id kind name themes { key label } municipalities { code county { code } }
        ... on Organization { status contact { email phone } } } }`,
      { id: ids.andtFagersta },
    );
    expect(data.actor).toEqual({
      __typename: 'Organization',
      id: ids.andtFagersta,
      kind: 'ASSOCIATION',
      name: `${token} Alfa`,
      themes: [{ key: 'andt', label: 'ANDT' }],
      municipalities: [{ code: '1982', county: { code: '19' } }],
      status: 'VERIFIED',
      contact: null,
    });
  });

  it('hides a pending organisation from the public, by id and in lists', async () => {
    const data = await client().data('query ($id: ID!) { actor(id: $id) { name } }', { id: ids.pending });
    expect(data.actor).toBeNull();
    expect(await names({ themes: ['andt'] })).not.toContain('Epsilon');
  });

  it('answers null for an id that names nothing', async () => {
    expect((await client().data('query ($id: ID!) { actor(id: $id) { name } }', { id: newId() })).actor).toBeNull();
  });

  it.each([
    ['a malformed id', 'query { actor(id: "nej") { name } }', 'id'],
    ['an unknown theme', 'query { actors(filter: { themes: ["andt", "fotboll"] }) { totalCount } }', 'filter.themes[1]'],
    ['an unknown kommun', 'query { actors(filter: { municipalities: ["9999"] }) { totalCount } }', 'filter.municipalities[0]'],
    ['an unknown län', 'query { actors(filter: { counties: ["99"] }) { totalCount } }', 'filter.counties[0]'],
    ['an empty text', 'query { actors(filter: { text: "  " }) { totalCount } }', 'filter.text'],
    ['a page too large', 'query { actors(first: 101) { totalCount } }', 'first'],
    ['a page of nothing', 'query { actors(first: 0) { totalCount } }', 'first'],
    ['a forged cursor', 'query { actors(after: "bm90IGEgY3Vyc29y") { totalCount } }', 'after'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, query, field) => {
    const response = await client().graphql(query);
    // A nullable root field answers null beside the error; a non-null one nulls the whole data.
    expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors![0]!.message.startsWith(`${field}:`)).toBe(true);
  });

  it('refuses an unknown kind before resolving anything', async () => {
    const response = await client().graphql('query { actors(filter: { kinds: [SPORTKLUBB] }) { totalCount } }');
    expect(response.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
