import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

const listQuery = `query ($filter: InitiativeFilter) { initiatives(filter: $filter, first: 50) { totalCount edges { node { name } } } }`;

describe('initiatives', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Insats');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const [year2020, autumn2020, ongoing, undated, endOnly] = await createInitiatives(db, [
      { name: `${token} helår`, start: '2020', end: '2020', themes: ['trygghet'], municipalities: ['1982'] },
      { name: `${token} höst`, kind: 'AGREEMENT', start: '2020-09', end: '2020-11', themes: ['andt'], municipalities: ['2084'] },
      { name: `${token} pågående`, kind: 'NETWORK', start: '2019-03-15', themes: ['integration'], municipalities: ['0767'] },
      { name: `${token} odaterad`, kind: 'ACTIVITY' },
      { name: `${token} slut`, end: '2018-06' },
    ]);
    const [part] = await createInitiatives(db, [{ name: `${token} delprojekt`, partOf: year2020, start: '2020-03' }]);
    const [lead, partner, claimant] = await createOrganizations(db, [{ name: `${token} ledare` }, { name: `${token} partner` }, { name: `${token} anspråk` }]);
    await createParticipations(db, [
      { actor: lead!, initiative: year2020!, role: 'LEAD', since: '2020-01' },
      { actor: partner!, initiative: year2020!, role: 'PARTNER' },
      { actor: claimant!, initiative: year2020!, role: 'MEMBER', status: 'CLAIMED' },
    ]);
    Object.assign(ids, { year2020, autumn2020, ongoing, undated, endOnly, part, lead, partner, claimant });
  });
  afterAll(() => removeNodes(db, Object.values(ids)));

  const names = async (filter: Record<string, unknown>) => {
    const data = await client().data(listQuery, { filter: { text: token, ...filter } });
    return (data.initiatives.edges as { node: { name: string } }[]).map((edge) => edge.node.name.replace(`${token} `, '')).sort();
  };

  it.each([
    ['2020-05-01', ['delprojekt', 'helår', 'pågående']],
    ['2020-10', ['delprojekt', 'helår', 'höst', 'pågående']],
    ['2020-12', ['delprojekt', 'helår', 'pågående']],
    ['2021-01-01', ['delprojekt', 'pågående']],
    ['2019', ['pågående']],
    ['2018-06-30', ['slut']],
    ['2018-01', []],
    ['2019-03-14', []],
  ])('knows which are active on %s, partial dates covering their whole span', async (activeOn, expected) => {
    expect(await names({ activeOn })).toEqual(expected);
  });

  it('filters by kind, theme, kommun and län', async () => {
    expect(await names({ kinds: ['AGREEMENT', 'NETWORK'] })).toEqual(['höst', 'pågående']);
    expect(await names({ themes: ['andt', 'trygghet'] })).toEqual(['helår', 'höst']);
    expect(await names({ municipalities: ['0767'] })).toEqual(['pågående']);
    expect(await names({ counties: ['19', '20'] })).toEqual(['helår', 'höst']);
  });

  it('reads an initiative with its parts, its dates and its confirmed participants only', async () => {
    const data = await client().data(
      `query ($id: ID!) { initiative(id: $id) { name kind start end themes { key } municipalities { code }
        parts { name partOf { name } } partOf { name }
        participants { role since status actor { name } }
        leads: participants(role: LEAD) { actor { name } } } }`,
      { id: ids.year2020 },
    );
    expect(data.initiative).toMatchObject({
      name: `${token} helår`,
      kind: 'PROJECT',
      start: '2020',
      end: '2020',
      themes: [{ key: 'trygghet' }],
      municipalities: [{ code: '1982' }],
      parts: [{ name: `${token} delprojekt`, partOf: { name: `${token} helår` } }],
      partOf: null,
      participants: [
        { role: 'LEAD', since: '2020-01', status: 'CONFIRMED', actor: { name: `${token} ledare` } },
        { role: 'PARTNER', since: null, status: 'CONFIRMED', actor: { name: `${token} partner` } },
      ],
      leads: [{ actor: { name: `${token} ledare` } }],
    });
  });

  it.each(['2020-13', '2021-02-29', '20', 'igår', '2020-1-1'])('refuses activeOn %j with BAD_USER_INPUT naming it', async (activeOn) => {
    const response = await client().graphql(listQuery, { filter: { activeOn } });
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toMatch(/activeOn|Date/);
  });
});
