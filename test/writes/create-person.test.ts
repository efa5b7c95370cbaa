import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/shared/ids.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Nordmaling (2401) is this file's kommun, Bjurholm (2403) one outside its strategist's scope: no other test file uses either.
const KOMMUN = '2401';
const ELSEWHERE = '2403';

const createPerson = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id kind name ... on Person { title organization { id } } } }`;
const source = { title: 'Föreningens verksamhetsberättelse', url: 'https://example.org/verksamhet' };

describe('createPerson: who may record a person, and for which organisation', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Nordmaling');
  const ids: string[] = [];
  let ownId: string;
  let otherId: string;
  let pendingId: string;
  let association: TestAccount;
  let unverified: TestAccount;
  let strategist: TestAccount;
  let outsider: TestAccount;
  let researcher: TestAccount;

  beforeAll(async () => {
    [ownId, otherId, pendingId] = (await createOrganizations(db, [
      { name: `${token} Fotbollsföreningen`, municipalities: [KOMMUN] },
      { name: `${token} Schackklubben`, municipalities: [KOMMUN] },
      { name: `${token} Nystartade föreningen`, municipalities: [KOMMUN], status: 'PENDING' },
    ])) as [string, string, string];
    ids.push(ownId, otherId, pendingId);
    association = await createTestAccount(db, 'ASSOCIATION', { organizationId: ownId });
    unverified = await createTestAccount(db, 'ASSOCIATION', { organizationId: pendingId });
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [KOMMUN] });
    outsider = await createTestAccount(db, 'STRATEGIST', { municipalities: [ELSEWHERE] });
    researcher = await createTestAccount(db, 'RESEARCHER');
  });
  afterAll(() => removeNodes(db, ids));

  const input = (name: string, more: Record<string, unknown> = {}) => ({ name: `${name} ${token}`, title: 'Tränare', source, ...more });
  const created = async (name: string) => {
    const found = await db.query<{ n: number }>({ text: 'MATCH (p:Person {name: $name}) RETURN count(p) AS n', parameters: { name: `${name} ${token}` } });
    return found.records[0]!.get('n');
  };

  it('lets a verified association record a contact of its own organisation, public at once with the contact hidden', async () => {
    const person = (await client().data(createPerson, { input: input('Kalle', { affiliation: ownId, email: 'kalle@example.org' }) }, association.headers)).createPerson;
    ids.push(person.id);
    expect(person).toEqual({ id: person.id, kind: 'PERSON', name: `Kalle ${token}`, title: 'Tränare', organization: { id: ownId } });
    const seen = await client().data('query ($id: ID!) { actor(id: $id) { name ... on Person { contact { email } } } }', { id: person.id });
    expect(seen.actor).toEqual({ name: `Kalle ${token}`, contact: null });
  });

  it('lets a strategist record a person whose organisation acts in its kommun, though the person names no kommun', async () => {
    const person = (await client().data(createPerson, { input: input('Stina', { affiliation: otherId }) }, strategist.headers)).createPerson;
    ids.push(person.id);
    expect(person.organization).toEqual({ id: otherId });
  });

  it('refuses another organisation’s people, an association not yet verified, a strategist elsewhere and a researcher, and writes nothing', async () => {
    const refusals: [string, Record<string, unknown>, TestAccount | null, string][] = [
      ['Annan', { affiliation: otherId }, association, 'FORBIDDEN'],
      ['Ingen', {}, association, 'FORBIDDEN'],
      ['Ogranskad', { affiliation: pendingId }, unverified, 'FORBIDDEN'],
      ['Utsocknes', { affiliation: ownId, municipalities: [KOMMUN] }, outsider, 'FORBIDDEN'],
      ['Forskad', { municipalities: [KOMMUN] }, researcher, 'FORBIDDEN'],
      ['Anonym', { municipalities: [KOMMUN] }, null, 'UNAUTHENTICATED'],
    ];
    for (const [name, more, account, code] of refusals) {
      const answer = await client().graphql(createPerson, { input: input(name, more) }, account?.headers ?? {});
      expect(answer.errors?.[0]?.extensions?.code, name).toBe(code);
      expect(await created(name), name).toBe(0);
    }
  });

  it('answers NOT_FOUND naming input.affiliation when it names no organisation, and names bad input', async () => {
    const person = (await client().data(createPerson, { input: input('Pelle', { municipalities: [KOMMUN] }) }, strategist.headers)).createPerson;
    ids.push(person.id);
    const bad = async (more: Record<string, unknown>) => (await client().graphql(createPerson, { input: input('Fel', more) }, strategist.headers)).errors?.[0]?.extensions;
    expect(await bad({ affiliation: person.id, municipalities: [KOMMUN] })).toMatchObject({ code: 'NOT_FOUND', field: 'input.affiliation' });
    expect(await bad({ affiliation: newId(), municipalities: [KOMMUN] })).toMatchObject({ code: 'NOT_FOUND', field: 'input.affiliation' });
    expect(await bad({ municipalities: [KOMMUN], themes: ['integration', 'ingen-sadan'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.themes[1]' });
    expect(await bad({ municipalities: [KOMMUN], email: 'inte en adress' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    expect(await bad({ municipalities: [KOMMUN], source: { title: 'Sida', url: 'ftp://example.org' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.source.url' });
    expect(await created('Fel')).toBe(0);
  });
});
