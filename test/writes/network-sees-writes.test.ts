import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Bjurholm (2403) is this file's kommun: no other test file writes initiatives there, so the overlaps found in it are this file's.
const KOMMUN = '2403';
const source = { title: 'Samverkansrådets anteckningar', publisher: 'Bjurholms kommun' };

const create = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`;
const overlaps = `query ($kommun: String!) { overlaps(filter: { municipalities: [$kommun] }, first: 50) { a { id } b { id } } }`;
const suggestions = `query ($id: ID!) { partnerSuggestions(forId: $id, first: 50) { actor { id } reasons { kind } } }`;

describe('network questions answer from the state after the last acknowledged write', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Bjurholm');
  const ids: string[] = [];
  let strategist: TestAccount;
  let association: TestAccount;
  let subjectId: string;
  let otherId: string;

  beforeAll(async () => {
    let associationId: string;
    [subjectId, otherId, associationId] = (await createOrganizations(db, [
      { name: `${token} Ungdomsföreningen`, municipalities: [KOMMUN], themes: ['andt'] },
      { name: `${token} Hyresgästföreningen`, municipalities: [KOMMUN], themes: ['bostad'] },
      { name: `${token} Föräldraföreningen`, municipalities: [KOMMUN], themes: ['andt'] },
    ])) as [string, string, string];
    ids.push(subjectId, otherId, associationId);
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [KOMMUN] });
    association = await createTestAccount(db, 'ASSOCIATION', { organizationId: associationId });
  });
  afterAll(() => removeNodes(db, ids));

  const initiative = (name: string) => ({ kind: 'PROJECT', name: `${token} ${name}`, themes: ['andt'], municipalities: [KOMMUN], start: '2031', end: '2031', source });
  const pairsIn = async () =>
    ((await client().data(overlaps, { kommun: KOMMUN })).overlaps as { a: { id: string }; b: { id: string } }[]).map((pair) => [pair.a.id, pair.b.id].sort().join('+'));

  it('finds an overlap as soon as the second initiative is written, and a reviewed one only once it is approved', async () => {
    const first = (await client().data(create, { input: initiative('Drogfri fritid') }, strategist.headers)).createInitiative.id;
    ids.push(first);
    expect(await pairsIn()).toEqual([]);
    const second = (await client().data(create, { input: initiative('Föräldravandringar') }, strategist.headers)).createInitiative.id;
    ids.push(second);
    expect(await pairsIn()).toEqual([[first, second].sort().join('+')]);

    const pending = (await client().data(create, { input: initiative('Föräldraträffar') }, association.headers)).createInitiative.id;
    ids.push(pending);
    expect(await pairsIn()).toHaveLength(1);
    await client().data(`mutation ($id: ID!) { reviewInitiative(id: $id, approve: true) { id } }`, { id: pending }, strategist.headers);
    expect((await pairsIn()).filter((pair) => pair.includes(pending))).toHaveLength(2);
  });

  it('suggests a partner as soon as an edit gives it a theme in common', async () => {
    const before = (await client().data(suggestions, { id: subjectId })).partnerSuggestions as { actor: { id: string }; reasons: { kind: string }[] }[];
    expect(before.find((s) => s.actor.id === otherId)?.reasons.map((r) => r.kind) ?? []).not.toContain('SHARED_THEME');
    await client().data(
      `mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`,
      { id: otherId, input: { themes: ['bostad', 'andt'], source } },
      strategist.headers,
    );
    const after = (await client().data(suggestions, { id: subjectId })).partnerSuggestions as { actor: { id: string }; reasons: { kind: string }[] }[];
    expect(after.find((s) => s.actor.id === otherId)?.reasons.map((r) => r.kind)).toContain('SHARED_THEME');
  });
});
