import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService, type GraphQLResponse } from '../helpers/service.ts';

// Krokom (2309) is this file's kommun, Strömsund (2313) one outside its strategist's scope: no other test file uses either.
const KOMMUN = '2309';
const ELSEWHERE = '2313';

const createInitiative = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`;
const addGrant = `mutation ($input: AddGrantInput!) { addGrant(input: $input) {
  id amount currency programme awarded funder { id } initiative { id } sources { title url } } }`;
const addEvent = `mutation ($input: AddEventInput!) { addEvent(input: $input) { id name date description municipalities { code } sources { title } } }`;
const read = `query ($id: ID!) { initiative(id: $id) { grants { id amount currency funder { id } } events { id name date } } }`;
const history = `query ($id: ID!) { history(id: $id) { edges { node { action targetKind byRole fields { field before after } source { title } } } } }`;

const source = { title: 'Beslut om föreningsbidrag', url: 'https://example.org/beslut' };
const errorOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions;

describe('grants and events: recorded with their sources, by those who may, each change kept', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Krokom');
  const ids: string[] = [];
  let strategist: TestAccount;
  let outsider: TestAccount;
  let researcher: TestAccount;
  let leadAccount: TestAccount;
  let otherAccount: TestAccount;
  let funder: string;
  let lead: string;
  let initiative: string;

  const ask = (account: TestAccount | null, query: string, variables: Record<string, unknown>) => client().graphql(query, variables, account?.headers ?? {});
  const data = (account: TestAccount | null, query: string, variables: Record<string, unknown>) => client().data(query, variables, account?.headers ?? {});
  const grant = (input: Record<string, unknown> = {}) => ({ initiativeId: initiative, funderId: funder, amount: 250000, currency: 'SEK', source, ...input });
  const event = (input: Record<string, unknown> = {}) => ({ initiativeId: initiative, name: `${token} Uppstartsträff`, date: '2026-09-14', source, ...input });

  /** The grants, events, change records and sources this file's initiative has, to compare before and after a refused write. */
  const footprint = async () => {
    const result = await db.query({
      text: `MATCH (i:Initiative {id: $id})
             RETURN COUNT { (:Grant)-[:FOR]->(i) } AS grants, COUNT { (:Event)-[:OF]->(i) } AS events,
                    COUNT { (c:Change) WHERE $id IN c.subjectIds } AS changes, COUNT { (s:Source) WHERE s.title STARTS WITH $token } AS sources`,
      parameters: { id: initiative, token },
    });
    return result.records[0]!.toObject();
  };

  beforeAll(async () => {
    [funder, lead] = (await createOrganizations(db, [
      { name: `${token} Arvsfonden`, kind: 'AUTHORITY', municipalities: [KOMMUN] },
      { name: `${token} Idrottsföreningen`, municipalities: [KOMMUN] },
    ])) as [string, string];
    const [other] = await createOrganizations(db, [{ name: `${token} Schackklubben`, municipalities: [KOMMUN] }]);
    ids.push(funder, lead, other!);
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [KOMMUN] });
    outsider = await createTestAccount(db, 'STRATEGIST', { municipalities: [ELSEWHERE] });
    researcher = await createTestAccount(db, 'RESEARCHER');
    leadAccount = await createTestAccount(db, 'ASSOCIATION', { organizationId: lead });
    otherAccount = await createTestAccount(db, 'ASSOCIATION', { organizationId: other });
    initiative = (
      await data(strategist, createInitiative, { input: { kind: 'PROJECT', name: `${token} Idrott för alla`, themes: [], municipalities: [KOMMUN], source } })
    ).createInitiative.id;
    ids.push(initiative);
    await data(strategist, `mutation ($input: AddParticipationInput!) { addParticipation(input: $input) { id } }`, {
      input: { actorId: lead, initiativeId: initiative, role: 'LEAD', source },
    });
  });
  afterAll(async () => {
    await db.write((tx) => tx.run({ text: 'MATCH (n)-[:FOR|OF]->(:Initiative {id: $id}) WHERE n:Grant OR n:Event DETACH DELETE n', parameters: { id: initiative } }));
    await removeNodes(db, ids);
  });

  it('lets a strategist record a grant that answers with its id, funder, initiative and source, and keeps the change', async () => {
    const added = (await data(strategist, addGrant, { input: grant({ currency: 'sek', programme: 'Föreningsstöd 2026', awarded: '2026-03' }) })).addGrant;
    expect(added).toMatchObject({
      amount: 250000,
      currency: 'SEK',
      programme: 'Föreningsstöd 2026',
      awarded: '2026-03',
      funder: { id: funder },
      initiative: { id: initiative },
      sources: [source],
    });
    expect((await data(null, read, { id: initiative })).initiative.grants).toContainEqual({ id: added.id, amount: 250000, currency: 'SEK', funder: { id: funder } });

    const [recorded] = (await data(null, history, { id: added.id })).history.edges.map((edge: { node: unknown }) => edge.node);
    expect(recorded).toMatchObject({ action: 'addGrant', targetKind: 'Grant', byRole: 'STRATEGIST', source: { title: source.title } });
    expect(recorded.fields).toContainEqual({ field: 'amount', before: null, after: '250000' });
    const stored = await db.query({ text: 'MATCH (c:Change {targetId: $id}) RETURN c.subjectIds AS subjects, c.public AS public', parameters: { id: added.id } });
    expect(stored.records[0]!.toObject()).toEqual({ subjects: [initiative, funder], public: true });
  });

  it('lets the verified association that leads the initiative record a grant and an event, and no other association', async () => {
    expect((await data(leadAccount, addGrant, { input: grant({ amount: 12000.5, currency: 'EUR' }) })).addGrant).toMatchObject({ amount: 12000.5, currency: 'EUR' });
    expect((await data(leadAccount, addEvent, { input: event({ name: `${token} Prova-på-dag` }) })).addEvent).toMatchObject({ name: `${token} Prova-på-dag` });

    const before = await footprint();
    const refusedSource = { title: `${token} Avvisad`, publisher: 'Någon' };
    for (const [account, code] of [
      [null, 'UNAUTHENTICATED'],
      [researcher, 'FORBIDDEN'],
      [outsider, 'FORBIDDEN'],
      [otherAccount, 'FORBIDDEN'],
    ] as const) {
      expect(errorOf(await ask(account, addGrant, { input: grant({ source: refusedSource }) }))?.code).toBe(code);
      expect(errorOf(await ask(account, addEvent, { input: event({ source: refusedSource }) }))?.code).toBe(code);
    }
    expect(await footprint()).toEqual(before);
  });

  it('names the field of a bad grant', async () => {
    const nowhere = '2f6e0c4b-8a1d-4e3f-9b7c-6d5a4e3f2c1b';
    const bad = async (input: Record<string, unknown>) => errorOf(await ask(strategist, addGrant, { input: grant(input) }));
    const before = await footprint();
    expect(await bad({ funderId: nowhere })).toMatchObject({ code: 'NOT_FOUND', field: 'input.funderId' });
    expect(await bad({ initiativeId: nowhere })).toMatchObject({ code: 'NOT_FOUND', field: 'input.initiativeId' });
    expect(await bad({ amount: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await bad({ amount: -500 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await bad({ currency: 'KRONOR' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currency' });
    expect(await bad({ currency: 'XYZ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currency' });
    expect(await bad({ programme: 'p'.repeat(201) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programme' });
    expect(await bad({ source: { title: 'Beslut', url: 'mailto:kansli@example.org' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.source.url' });
    expect(await footprint()).toEqual(before);
  });

  it('records an event in the initiative with its kommuner, and refuses kommuner outside the strategist’s scope', async () => {
    const added = (
      await data(strategist, addEvent, { input: event({ description: 'Första träffen med alla föreningar', municipalities: [KOMMUN] }) })
    ).addEvent;
    expect(added).toMatchObject({ date: '2026-09-14', description: 'Första träffen med alla föreningar', municipalities: [{ code: KOMMUN }], sources: [{ title: source.title }] });
    expect((await data(null, read, { id: initiative })).initiative.events).toContainEqual({ id: added.id, name: `${token} Uppstartsträff`, date: '2026-09-14' });
    const [recorded] = (await data(null, history, { id: added.id })).history.edges.map((edge: { node: unknown }) => edge.node);
    expect(recorded).toMatchObject({ action: 'addEvent', targetKind: 'Event', byRole: 'STRATEGIST' });
    expect(recorded.fields).toContainEqual({ field: 'name', before: null, after: JSON.stringify(`${token} Uppstartsträff`) });

    const before = await footprint();
    const bad = async (input: Record<string, unknown>) => errorOf(await ask(strategist, addEvent, { input: event(input) }));
    expect(await bad({ municipalities: [KOMMUN, ELSEWHERE] })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await bad({ municipalities: ['9999'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.municipalities[0]' });
    expect(await bad({ name: 'x' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await bad({ initiativeId: '2f6e0c4b-8a1d-4e3f-9b7c-6d5a4e3f2c1b' })).toMatchObject({ code: 'NOT_FOUND', field: 'input.initiativeId' });
    expect(await footprint()).toEqual(before);
  });
});
