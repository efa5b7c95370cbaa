import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createPeople, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';
import { useTestService } from '../helpers/service.ts';

const searchQuery = `query ($text: String!, $first: Int) { search(text: $text, first: $first) {
  __typename ... on Organization { id name } ... on Person { id name } ... on Initiative { id name } } }`;

/** Haparanda, Norrbottens län: this file's own kommun. */
const KOMMUN = '2583';

/** The token with one letter changed: one edit away. */
const withTypo = (word: string) => `${word.slice(0, -1)}${word.endsWith('a') ? 'b' : 'a'}`;

describe('search', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Sök');
  const typoToken = withTypo(token);
  const number = validOrganizationNumber();
  const hiddenNumber = validOrganizationNumber();
  const ids: string[] = [];
  let hiddenId = '';
  let personId = '';
  let admin: Record<string, string> = {};
  let researcher: Record<string, string> = {};

  beforeAll(async () => {
    const [club, hidden] = await createOrganizations(db, [
      { name: `${token} Idrottsföreningen`, description: 'Vi driver läxhjälp för nyanlända barn.', organizationNumber: number, municipalities: [KOMMUN] },
      { name: `${token} Dold`, status: 'PENDING', organizationNumber: hiddenNumber, municipalities: [KOMMUN] },
    ]);
    hiddenId = hidden!;
    ids.push(club!, hidden!);
    ids.push(
      ...(await createOrganizations(db, [
        { name: `${token} Förening`, municipalities: [KOMMUN] },
        { name: `Stora ${token} Föreningens vänner`, municipalities: [KOMMUN] },
        { name: `${typoToken} Roddklubb` },
      ])),
      ...(await createInitiatives(db, [{ name: `${token} Läxhjälpsprojektet`, municipalities: [KOMMUN] }])),
    );
    personId = (await createPeople(db, [{ name: `${token} Samordnare Person`, title: `Strateg${token}`, municipalities: [KOMMUN] }]))[0]!;
    ids.push(personId);
    admin = (await createTestAccount(db, 'ADMIN')).headers;
    researcher = (await createTestAccount(db, 'RESEARCHER')).headers;
  });
  afterAll(() => removeNodes(db, ids));

  const hits = async (text: string, headers: Record<string, string> = {}, first = 20) =>
    (await client().data(searchQuery, { text, first }, headers)).search as { __typename: string; id: string; name: string }[];
  const names = async (text: string, first = 20) => (await hits(text, {}, first)).map((hit) => `${hit.__typename}:${hit.name}`);
  const idsFound = async (text: string, headers: Record<string, string> = {}) => (await hits(text, headers)).map((hit) => hit.id);

  it('finds Swedish inflected forms: "integrationen" finds "integration"', async () => {
    const found = await names('integrationen');
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((hit) => /\bintegration\b/i.test(hit) && !/integrationen/i.test(hit))).toBe(true);
  });

  it('finds organisations and initiatives by name and description, best match first', async () => {
    const found = await names(`${token} nyanlända`);
    expect(found[0]).toBe(`Organization:${token} Idrottsföreningen`);
    expect(found).toContain(`Initiative:${token} Läxhjälpsprojektet`);
  });

  it('ranks a name typed whole first, in any case and without its diacritics', async () => {
    for (const typed of [`${token} Förening`, `${token.toLowerCase()} forening`, `${token.toUpperCase()} FÖRENING.`]) {
      expect((await names(typed))[0]).toBe(`Organization:${token} Förening`);
    }
    expect(await names(`${token} forening`)).toContain(`Organization:Stora ${token} Föreningens vänner`);
  });

  it('takes the last word as a prefix, so that a name is found while it is typed', async () => {
    expect((await names(`${token} Idrottsfören`))[0]).toBe(`Organization:${token} Idrottsföreningen`);
    expect((await names(`${token} Läxhjälpsp`))[0]).toBe(`Initiative:${token} Läxhjälpsprojektet`);
  });

  it('finds a word of five letters or more with one typo, below the exact matches', async () => {
    const found = await names(token, 50);
    const typo = found.indexOf(`Organization:${typoToken} Roddklubb`);
    expect(typo).toBeGreaterThan(0);
    for (const exact of [`Organization:${token} Förening`, `Organization:${token} Idrottsföreningen`, `Initiative:${token} Läxhjälpsprojektet`]) {
      expect(found.indexOf(exact)).toBeGreaterThanOrEqual(0);
      expect(found.indexOf(exact)).toBeLessThan(typo);
    }
    expect((await names(`${typoToken} Roddklubb`))[0]).toBe(`Organization:${typoToken} Roddklubb`);
  });

  it('fills the page from names holding every typed word when they are many, and still finds a typo beside a common word', async () => {
    // More names hold the crowd's word than search reads from names, so typo forms are asked only when they hold too few.
    // In no kommun, so that they do not crowd the place searches of the other rules.
    const crowd = uniqueToken('Lag');
    const crowdIds = await createOrganizations(db, [
      ...Array.from({ length: 35 }, (_, n) => ({ name: `${crowd} Förening ${n}` })),
      { name: `${withTypo(crowd)} Roddare` },
      { name: `${token} ${crowd}` },
    ]);
    ids.push(...crowdIds);
    const page = await names(crowd);
    expect(page).toHaveLength(20);
    expect(page.every((hit) => hit.includes(crowd))).toBe(true);
    expect((await names(`${typoToken} ${crowd}`))[0]).toBe(`Organization:${token} ${crowd}`);
  });

  it('finds an organisation by its organisationsnummer, with or without the dash', async () => {
    for (const typed of [number, number.replace('-', ''), `16${number}`]) {
      expect((await names(typed))[0]).toBe(`Organization:${token} Idrottsföreningen`);
    }
  });

  it('finds what works in a kommun or a län named in the text', async () => {
    for (const place of ['Haparanda', 'haparanda', 'Norrbotten', 'Norrbottens län']) {
      expect(await names(place, 50)).toEqual(expect.arrayContaining([`Organization:${token} Förening`, `Initiative:${token} Läxhjälpsprojektet`]));
    }
    // The place and a word together: what is there and holds the word comes first.
    expect((await names(`Haparanda ${token} Läxhjälp`))[0]).toBe(`Initiative:${token} Läxhjälpsprojektet`);
  });

  it('treats query syntax as words', async () => {
    // A leading minus, NOT and AND would exclude or require words; as words, each only adds to the match.
    expect(await names(`${token} -Idrottsföreningen`)).toContain(`Organization:${token} Idrottsföreningen`);
    expect(await names(`${token} NOT Läxhjälpsprojektet`)).toContain(`Initiative:${token} Läxhjälpsprojektet`);
    const both = await names(`${token} AND Läxhjälpsprojektet`);
    expect(both[0]).toBe(`Initiative:${token} Läxhjälpsprojektet`);
    expect(both).toContain(`Organization:${token} Förening`);
    // A field name would search only that field (the organisation's description does not hold the token).
    expect(await names(`description:${token} Förening`)).toContain(`Organization:${token} Förening`);
    // Grouping, quotes and wildcards are punctuation; with nothing else typed there is nothing to find.
    expect((await names(`(${token}) "Förening"`))[0]).toBe(`Organization:${token} Förening`);
    expect(await names('"')).toEqual([]);
    expect(await names('* ? ~')).toEqual([]);
  });

  it('shows on every branch only what the viewer may see', async () => {
    for (const typed of [`${token} Dold`, hiddenNumber, hiddenNumber.replace('-', ''), 'Haparanda']) {
      expect(await idsFound(typed)).not.toContain(hiddenId);
      expect(await idsFound(typed, admin)).toContain(hiddenId);
    }
    // A researcher sees people under pseudonyms, so finds them neither by name, nor by title, nor by place.
    for (const typed of [`${token} Samordnare Person`, `Strateg${token}`, 'Haparanda']) {
      expect(await idsFound(typed)).toContain(personId);
      expect(await idsFound(typed, researcher)).not.toContain(personId);
    }
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
