import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService, type GraphQLResponse } from '../helpers/service.ts';

// Härjedalen (2361) is this file's kommun, Ånge (2260) one outside its strategist's scope: no other test file uses either.
const KOMMUN = '2361';
const ELSEWHERE = '2260';

const createInitiative = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`;
const addGrant = `mutation ($input: AddGrantInput!) { addGrant(input: $input) { id } }`;
const updateGrant = `mutation ($id: ID!, $input: UpdateGrantInput!) { updateGrant(id: $id, input: $input) {
  id amount currency programme awarded funder { id } initiative { id } sources { title } } }`;
const removeGrant = `mutation ($id: ID!, $reason: String!) { removeGrant(id: $id, reason: $reason) }`;
const grantsOf = `query ($id: ID!) { initiative(id: $id) { grants { id } } }`;
const history = `query ($id: ID!) { history(id: $id) { edges { node { action targetKind byRole reason fields { field before after } source { title } } } } }`;

const source = { title: 'Beslut om föreningsbidrag', url: 'https://example.org/beslut' };
const correction = { title: 'Rättat beslut om föreningsbidrag', publisher: 'Härjedalens kommun' };
const errorOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions;

describe('updateGrant and removeGrant: a grant corrected with its source or removed with a reason, by those who may add one, each change kept', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Harjedalen');
  const ids: string[] = [];
  let strategist: TestAccount;
  let outsider: TestAccount;
  let leadAccount: TestAccount;
  let otherAccount: TestAccount;
  let funder: string;
  let otherFunder: string;
  let initiative: string;
  let grant: string;

  const ask = (account: TestAccount | null, query: string, variables: Record<string, unknown>) => client().graphql(query, variables, account?.headers ?? {});
  const data = (account: TestAccount | null, query: string, variables: Record<string, unknown>) => client().data(query, variables, account?.headers ?? {});

  /** The grant as stored, with its funder, the sources it cites and the change records about it. */
  const stored = async () => {
    const result = await db.query({
      text: `MATCH (f:Actor)<-[:FUNDED_BY]-(g:Grant {id: $id})
             RETURN g.amount AS amount, g.currency AS currency, g.programme AS programme, g.version AS version, collect(f.id) AS funders,
                    COUNT { (g)-[:CITES]->() } AS sources, COUNT { (c:Change {targetId: $id}) } AS changes`,
      parameters: { id: grant },
    });
    return result.records[0]!.toObject();
  };

  beforeAll(async () => {
    const [a, b, lead, other] = await createOrganizations(db, [
      { name: `${token} Arvsfonden`, kind: 'AUTHORITY', municipalities: [KOMMUN] },
      { name: `${token} Sparbanksstiftelsen`, kind: 'BUSINESS', municipalities: [KOMMUN] },
      { name: `${token} Fjällföreningen`, municipalities: [KOMMUN] },
      { name: `${token} Skidklubben`, municipalities: [KOMMUN] },
    ]);
    [funder, otherFunder] = [a!, b!];
    ids.push(a!, b!, lead!, other!);
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [KOMMUN] });
    outsider = await createTestAccount(db, 'STRATEGIST', { municipalities: [ELSEWHERE] });
    leadAccount = await createTestAccount(db, 'ASSOCIATION', { organizationId: lead! });
    otherAccount = await createTestAccount(db, 'ASSOCIATION', { organizationId: other! });
    initiative = (await data(strategist, createInitiative, { input: { kind: 'PROJECT', name: `${token} Fjällsommar`, themes: [], municipalities: [KOMMUN], source } }))
      .createInitiative.id;
    ids.push(initiative);
    await data(strategist, `mutation ($input: AddParticipationInput!) { addParticipation(input: $input) { id } }`, {
      input: { actorId: lead, initiativeId: initiative, role: 'LEAD', source },
    });
    grant = (await data(strategist, addGrant, { input: { initiativeId: initiative, funderId: funder, amount: 100000, currency: 'SEK', programme: 'Fjällstöd', source } })).addGrant.id;
  });
  afterAll(async () => {
    await db.write((tx) => tx.run({ text: 'MATCH (g:Grant)-[:FOR]->(:Initiative {id: $id}) DETACH DELETE g', parameters: { id: initiative } }));
    await removeNodes(db, ids);
  });

  it('lets a strategist change the amount and the funder, cites the new source beside the old, and keeps what was before', async () => {
    const updated = (await data(strategist, updateGrant, { id: grant, input: { amount: 120000, funderId: otherFunder, programme: null, source: correction } })).updateGrant;
    expect(updated).toMatchObject({ id: grant, amount: 120000, currency: 'SEK', programme: null, funder: { id: otherFunder }, initiative: { id: initiative } });
    expect(updated.sources.map((s: { title: string }) => s.title).sort()).toEqual([source.title, correction.title].sort());
    expect(await stored()).toMatchObject({ amount: 120000, programme: null, version: 2, funders: [otherFunder], sources: 2 });

    const [recorded] = (await data(null, history, { id: grant })).history.edges.map((edge: { node: unknown }) => edge.node);
    expect(recorded).toMatchObject({ action: 'updateGrant', targetKind: 'Grant', byRole: 'STRATEGIST', source: { title: correction.title } });
    expect(recorded.fields).toEqual([
      { field: 'funder', before: JSON.stringify(funder), after: JSON.stringify(otherFunder) },
      { field: 'amount', before: '100000', after: '120000' },
      { field: 'programme', before: JSON.stringify('Fjällstöd'), after: null },
    ]);
    // The change concerns both funders, so that each one's history shows it.
    const subjects = await db.query({ text: 'MATCH (c:Change {targetId: $id, action: "updateGrant"}) RETURN c.subjectIds AS subjects', parameters: { id: grant } });
    expect([...subjects.records[0]!.get('subjects')].sort()).toEqual([initiative, funder, otherFunder].sort());
  });

  it('lets the verified association that leads the initiative correct it, and refuses everyone else without writing anything', async () => {
    expect((await data(leadAccount, updateGrant, { id: grant, input: { currency: 'eur', source: correction } })).updateGrant).toMatchObject({ currency: 'EUR' });
    const before = await stored();
    for (const [account, code] of [
      [null, 'UNAUTHENTICATED'],
      [outsider, 'FORBIDDEN'],
      [otherAccount, 'FORBIDDEN'],
    ] as const) {
      expect(errorOf(await ask(account, updateGrant, { id: grant, input: { amount: 1, source: { title: `${token} Avvisad`, publisher: 'Någon' } } }))?.code).toBe(code);
    }
    expect(await stored()).toEqual(before);
  });

  it('names the field of a bad correction and writes nothing', async () => {
    const nowhere = '2f6e0c4b-8a1d-4e3f-9b7c-6d5a4e3f2c1b';
    const bad = async (id: string, input: Record<string, unknown>) => errorOf(await ask(strategist, updateGrant, { id, input: { source: correction, ...input } }));
    const before = await stored();
    expect(await bad(nowhere, { amount: 5 })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await bad(grant, { funderId: nowhere })).toMatchObject({ code: 'NOT_FOUND', field: 'input.funderId' });
    expect(await bad(grant, { amount: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await bad(grant, { currency: 'KRONOR' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currency' });
    expect(await bad(grant, { programme: 'p'.repeat(201) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programme' });
    expect(await bad(grant, { source: { title: 'Beslut' } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await stored()).toEqual(before);
  });

  it('removes a grant only with a reason and for those who may, hides it from every read, and keeps it in its history', async () => {
    const before = await stored();
    expect(errorOf(await ask(strategist, removeGrant, { id: grant, reason: 'x' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(errorOf(await ask(outsider, removeGrant, { id: grant, reason: 'Fel initiativ' }))?.code).toBe('FORBIDDEN');
    expect(errorOf(await ask(otherAccount, removeGrant, { id: grant, reason: 'Fel initiativ' }))?.code).toBe('FORBIDDEN');
    expect(await stored()).toEqual(before);

    expect((await data(strategist, removeGrant, { id: grant, reason: 'Bidraget gick till ett annat initiativ' })).removeGrant).toBe(true);
    for (const account of [null, strategist, leadAccount]) {
      expect((await data(account, grantsOf, { id: initiative })).initiative.grants).toEqual([]);
    }
    const [recorded] = (await data(null, history, { id: grant })).history.edges.map((edge: { node: unknown }) => edge.node);
    expect(recorded).toMatchObject({ action: 'removeGrant', targetKind: 'Grant', reason: 'Bidraget gick till ett annat initiativ', source: null });
    expect(recorded.fields).toContainEqual({ field: 'amount', before: '120000', after: null });
    // A removed grant is none to correct or remove again.
    expect(errorOf(await ask(strategist, updateGrant, { id: grant, input: { amount: 5, source: correction } }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(errorOf(await ask(strategist, removeGrant, { id: grant, reason: 'En gång till' }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});
