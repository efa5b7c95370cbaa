import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/shared/ids.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createPeople, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

describe('a role model shown only with consent', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const name = `Rolf ${uniqueToken('Förebild')}`;
  const id = newId();
  let strategist: TestAccount;

  beforeAll(async () => {
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: ['2505'] });
    await createPeople(db, [{ id, name, roleModel: true, email: 'rolf@example.org', municipalities: ['2505'] }]);
  });
  afterAll(() => db.write((tx) => tx.run({ text: 'MATCH (p:Person {id: $id}) OPTIONAL MATCH (p)-[:GAVE]->(c) DETACH DELETE p, c', parameters: { id } })));

  const publicView = async () => (await client().data('query ($id: ID!) { actor(id: $id) { name kind } }', { id })).actor;

  it('is hidden from the public until a consent is recorded: when, for what, from whom', async () => {
    expect(await publicView()).toBeNull();
    const recorded = await client().data(
      `mutation ($id: ID!) { recordConsent(personId: $id, input: { purpose: "Visas som förebild i registret", givenBy: "Rolf själv", givenAt: "2026-05-01T10:00:00Z" }) {
        name ... on Person { consents { purpose givenBy givenAt withdrawnAt } } } }`,
      { id },
      strategist.headers,
    );
    expect(recorded.recordConsent.consents).toEqual([
      { purpose: 'Visas som förebild i registret', givenBy: 'Rolf själv', givenAt: '2026-05-01T10:00:00Z', withdrawnAt: null },
    ]);
    expect(await publicView()).toEqual({ name, kind: 'ROLE_MODEL' });
    const asPublic = await client().data('query ($id: ID!) { actor(id: $id) { ... on Person { consents { purpose } contact { email } } } }', { id });
    expect(asPublic.actor).toEqual({ consents: null, contact: null });
  });

  it('is hidden again once the consent is withdrawn', async () => {
    const withdrawn = await client().data(
      'mutation ($id: ID!) { withdrawConsent(personId: $id) { ... on Person { consents { withdrawnAt } } } }',
      { id },
      strategist.headers,
    );
    expect(withdrawn.withdrawConsent.consents[0].withdrawnAt).toEqual(expect.any(String));
    expect(await publicView()).toBeNull();
  });

  it('refuses a consent without purpose, and a strategist of another kommun', async () => {
    const bad = await client().graphql('mutation ($id: ID!) { recordConsent(personId: $id, input: { purpose: "", givenBy: "Rolf" }) { id } }', { id }, strategist.headers);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.purpose' });
    const elsewhere = await createTestAccount(db, 'STRATEGIST', { municipalities: ['1982'] });
    const denied = await client().graphql('mutation ($id: ID!) { withdrawConsent(personId: $id) { id } }', { id }, elsewhere.headers);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
