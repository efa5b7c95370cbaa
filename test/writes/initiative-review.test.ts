import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Vännäs (2460) is this file's kommun, Vindeln (2462) one outside its strategist's scope.
const KOMMUN = '2460';
const ELSEWHERE = '2462';

const create = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id status version name } }`;
const update = `mutation ($id: ID!, $input: UpdateInitiativeInput!, $expectedVersion: Int) {
  updateInitiative(id: $id, input: $input, expectedVersion: $expectedVersion) { id version name start end } }`;
const review = `mutation ($id: ID!, $approve: Boolean!, $reason: String) { reviewInitiative(id: $id, approve: $approve, reason: $reason) { id status } }`;
const read = `query ($id: ID!) { initiative(id: $id) { id status name participants { role status actor { id } } sources { title url } } }`;
const source = { title: 'Referensgruppens protokoll', url: 'https://example.org/protokoll' };

describe('an association starts an initiative, and a strategist reviews it', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Laxhjalp');
  const ids: string[] = [];
  let association: TestAccount;
  let unverified: TestAccount;
  let strategist: TestAccount;
  let outsider: TestAccount;
  let associationId: string;

  beforeAll(async () => {
    const [verifiedId, pendingId] = await createOrganizations(db, [
      { name: `${token} Läxhjälpsföreningen`, municipalities: [KOMMUN] },
      { name: `${token} Nystartade föreningen`, municipalities: [KOMMUN], status: 'PENDING' },
    ]);
    associationId = verifiedId!;
    ids.push(verifiedId!, pendingId!);
    association = await createTestAccount(db, 'ASSOCIATION', { organizationId: verifiedId });
    unverified = await createTestAccount(db, 'ASSOCIATION', { organizationId: pendingId });
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [KOMMUN] });
    outsider = await createTestAccount(db, 'STRATEGIST', { municipalities: [ELSEWHERE] });
  });
  afterAll(() => removeNodes(db, ids));

  const input = (name: string) => ({ kind: 'ACTIVITY', name, themes: ['sprak-och-utbildning'], municipalities: [KOMMUN], start: '2026-09', source });

  it('keeps the association’s initiative PENDING, led by it, hidden from the public until a strategist of its kommun approves it', async () => {
    const created = (await client().data(create, { input: input(`${token} Läxhjälp på biblioteket`) }, association.headers)).createInitiative;
    ids.push(created.id);
    expect(created).toMatchObject({ status: 'PENDING', version: 1 });

    expect((await client().data(read, { id: created.id })).initiative).toBeNull();
    const own = (await client().data(read, { id: created.id }, association.headers)).initiative;
    expect(own.participants).toEqual([{ role: 'LEAD', status: 'CONFIRMED', actor: { id: associationId } }]);
    expect(own.sources).toEqual([source]);

    const queue = await client().data(`{ reviewQueue { __typename ... on Initiative { id } } }`, {}, strategist.headers);
    expect(queue.reviewQueue).toContainEqual({ __typename: 'Initiative', id: created.id });
    const outsiderQueue = await client().data(`{ reviewQueue { __typename ... on Initiative { id } } }`, {}, outsider.headers);
    expect(outsiderQueue.reviewQueue).not.toContainEqual({ __typename: 'Initiative', id: created.id });
    expect((await client().graphql(review, { id: created.id, approve: true }, outsider.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await client().graphql(review, { id: created.id, approve: true }, association.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect((await client().data(review, { id: created.id, approve: true }, strategist.headers)).reviewInitiative.status).toBe('VERIFIED');
    expect((await client().data(read, { id: created.id })).initiative.status).toBe('VERIFIED');
    expect((await client().graphql(review, { id: created.id, approve: false }, strategist.headers)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('lets a strategist record an initiative that is VERIFIED at once, and refuses an association that is not verified', async () => {
    const created = (await client().data(create, { input: input(`${token} Språkcafé`) }, strategist.headers)).createInitiative;
    ids.push(created.id);
    expect(created.status).toBe('VERIFIED');
    expect((await client().data(read, { id: created.id })).initiative.participants).toEqual([]);
    const refused = await client().graphql(create, { input: input(`${token} Ej granskad`) }, unverified.headers);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const found = await db.query({ text: 'MATCH (i:Initiative {name: $name}) RETURN count(i) AS n', parameters: { name: `${token} Ej granskad` } });
    expect(found.records[0]!.get('n')).toBe(0);
  });

  it('refuses a stale expectedVersion with CONFLICT and changes nothing, and keeps a field left out', async () => {
    const created = (await client().data(create, { input: input(`${token} Läsfrämjande`) }, strategist.headers)).createInitiative;
    ids.push(created.id);
    const first = (await client().data(update, { id: created.id, input: { name: `${token} Läsfrämjande för unga`, source }, expectedVersion: 1 }, strategist.headers))
      .updateInitiative;
    expect(first).toMatchObject({ version: 2, name: `${token} Läsfrämjande för unga`, start: '2026-09', end: null });
    const stale = await client().graphql(update, { id: created.id, input: { name: `${token} Fel`, source }, expectedVersion: 1 }, strategist.headers);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect((await client().data(read, { id: created.id })).initiative.name).toBe(`${token} Läsfrämjande för unga`);
  });

  it('names the field of bad input: an end before its start, an unknown theme, a part of itself', async () => {
    const bad = async (variables: Record<string, unknown>, query = create) => (await client().graphql(query, variables, strategist.headers)).errors?.[0]?.extensions;
    expect(await bad({ input: { ...input(`${token} X`), start: '2026', end: '2025-12' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.end' });
    expect(await bad({ input: { ...input(`${token} X`), themes: ['integration', 'ingen-sadan'] } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.themes[1]' });
    expect(await bad({ input: { ...input(`${token} X`), source: { title: 'Sida', url: 'javascript:alert(1)' } } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.source.url',
    });
    const created = (await client().data(create, { input: input(`${token} Helhet`) }, strategist.headers)).createInitiative;
    ids.push(created.id);
    expect(await bad({ id: created.id, input: { partOf: created.id, source } }, update)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.partOf' });
    const part = (await client().data(create, { input: { ...input(`${token} Del`), partOf: created.id } }, strategist.headers)).createInitiative;
    ids.push(part.id);
    expect(await bad({ id: created.id, input: { partOf: part.id, source } }, update)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.partOf' });
  });
});
