import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/database.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { createInitiatives, createOrganizations, createParticipations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';

const register = `mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) {
  id name status organizationNumber kind municipalities { code } themes { key } contact { email } } }`;

// Pajala (2521) keeps this file's registrations apart from other files' strategists.
describe('from an anonymous caller to a verified association that keeps its profile', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Förening');
  const ids: string[] = [];
  let strategist: TestAccount;
  let lead: TestAccount;
  let initiativeId: string;
  const input = {
    name: `${token} Idrottsförening`,
    organizationNumber: validOrganizationNumber(),
    municipality: '2521',
    themes: ['fritid', 'integration'],
    description: 'Fotboll och läxhjälp för unga i Pajala.',
    email: `${uniqueToken('reg').toLowerCase()}@example.org`,
    password: 'Fotboll-och-läxhjälp-2024',
    phone: '0978-123 45',
  };

  beforeAll(async () => {
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: ['2521'] });
    const [leadOrganization, lookAlike] = await createOrganizations(db, [
      { name: `${token} Kommunen`, kind: 'MUNICIPAL_UNIT', municipalities: ['2521'] },
      { name: `${token} Idrottsföreningen`, municipalities: ['2521'] },
    ]);
    lead = await createTestAccount(db, 'ASSOCIATION', { organizationId: leadOrganization });
    [initiativeId] = await createInitiatives(db, [{ name: `${token} Sommarlovsprojekt`, municipalities: ['2521'], themes: ['fritid'], start: '2025' }]) as [string];
    await createParticipations(db, [{ actor: leadOrganization!, initiative: initiativeId, role: 'LEAD' }]);
    ids.push(leadOrganization!, lookAlike!, initiativeId);
  });
  afterAll(() => removeNodes(db, ids));

  let organizationId: string;
  let association: { headers: Record<string, string> };

  it('registers an association as anyone: PENDING, checked, with its account', async () => {
    const data = await client().data(register, { input });
    organizationId = data.registerAssociation.id;
    ids.push(organizationId);
    expect(data.registerAssociation).toMatchObject({
      name: input.name,
      status: 'PENDING',
      kind: 'ASSOCIATION',
      organizationNumber: input.organizationNumber,
      municipalities: [{ code: '2521' }],
      themes: [{ key: 'fritid' }, { key: 'integration' }],
      contact: null,
    });
  });

  it('refuses the same organisationsnummer again, naming it', async () => {
    const again = await client().graphql(register, { input: { ...input, email: `other-${input.email}` } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.organizationNumber' });
    expect(again.errors?.[0]?.message).toContain(input.organizationNumber);
  });

  it('keeps the pending organisation from the public', async () => {
    expect((await client().data('query ($id: ID!) { actor(id: $id) { name } }', { id: organizationId })).actor).toBeNull();
    const search = await client().data('query ($t: String!) { search(text: $t) { ... on Organization { id } } }', { t: token });
    expect(search.search.map((hit: { id?: string }) => hit.id)).not.toContain(organizationId);
  });

  it('lets its own account sign in and see it, pending, with its contact', async () => {
    const login = await client().data(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) {
      token account { role email organization { id status contact { email phone } } } } }`, { e: input.email.toUpperCase(), p: input.password });
    expect(login.login.account).toEqual({
      role: 'ASSOCIATION',
      email: input.email,
      organization: { id: organizationId, status: 'PENDING', contact: { email: input.email, phone: input.phone } },
    });
    association = { headers: { authorization: `Bearer ${login.login.token}` } };
    expect((await client().data('{ me { email } }', {}, association.headers)).me.email).toBe(input.email);
  });

  it('shows it to the strategist of its kommun, with the look-alike next to it', async () => {
    const data = await client().data('{ pendingRegistrations { id name possibleDuplicates { name } } }', {}, strategist.headers);
    const mine = data.pendingRegistrations.find((o: { id: string }) => o.id === organizationId);
    expect(mine.possibleDuplicates).toEqual([{ name: `${token} Idrottsföreningen` }]);
  });

  it('is approved by that strategist, with a reason, and becomes public', async () => {
    const data = await client().data(
      'mutation ($id: ID!) { reviewRegistration(id: $id, approve: true, reason: "Stadgar och protokoll kontrollerade") { status registrationReview { approved reason } } }',
      { id: organizationId },
      strategist.headers,
    );
    expect(data.reviewRegistration).toEqual({ status: 'VERIFIED', registrationReview: { approved: true, reason: 'Stadgar och protokoll kontrollerade' } });
    expect((await client().data('query ($id: ID!) { actor(id: $id) { name } }', { id: organizationId })).actor).toEqual({ name: input.name });
    const again = await client().graphql('mutation ($id: ID!) { reviewRegistration(id: $id, approve: false) { status } }', { id: organizationId }, strategist.headers);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('lets the association edit its own profile, and only its own', async () => {
    const data = await client().data(
      `mutation ($id: ID!) { updateOrganization(id: $id, input: { description: "Nu även simskola.", themes: ["fritid", "halsa"], phone: null }) {
        description themes { key } contact { phone } } }`,
      { id: organizationId },
      association.headers,
    );
    expect(data.updateOrganization).toEqual({ description: 'Nu även simskola.', themes: [{ key: 'fritid' }, { key: 'halsa' }], contact: { phone: null } });
    const other = await client().graphql('mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "Kapad" }) { name } }', { id: ids[1] }, association.headers);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('claims a participation, seen by the public only once the initiative’s lead confirms it', async () => {
    const claim = await client().data(
      `mutation ($i: ID!) { claimParticipation(input: { initiativeId: $i, role: PARTNER, since: "2025-06" }) { role status since actor { id } initiative { id } } }`,
      { i: initiativeId },
      association.headers,
    );
    expect(claim.claimParticipation).toEqual({ role: 'PARTNER', status: 'CLAIMED', since: '2025-06', actor: { id: organizationId }, initiative: { id: initiativeId } });

    const participants = async (headers = {}) =>
      (await client().data('query ($i: ID!) { initiative(id: $i) { participants { status actor { id } } } }', { i: initiativeId }, headers)).initiative.participants
        .filter((p: { actor: { id: string } }) => p.actor.id === organizationId)
        .map((p: { status: string }) => p.status);
    expect(await participants()).toEqual([]);
    expect(await participants(lead.headers)).toEqual(['CLAIMED']);

    const confirmed = await client().data(
      'mutation ($a: ID!, $i: ID!) { reviewParticipation(actorId: $a, initiativeId: $i, confirm: true) { status } }',
      { a: organizationId, i: initiativeId },
      lead.headers,
    );
    expect(confirmed.reviewParticipation.status).toBe('CONFIRMED');
    expect(await participants()).toEqual(['CONFIRMED']);
  });

  it('wrote an audit entry for every step, readable by admins only', async () => {
    const admin = await createTestAccount(db, 'ADMIN');
    const data = await client().data(
      'query ($id: ID!) { auditLog(targetId: $id, first: 50) { edges { node { action role fields } } } }',
      { id: organizationId },
      admin.headers,
    );
    expect(data.auditLog.edges.map((e: { node: { action: string } }) => e.node.action).reverse()).toEqual([
      'registerAssociation',
      'reviewRegistration',
      'updateOrganization',
      'claimParticipation',
      'reviewParticipation',
    ]);
    expect(JSON.stringify(data)).not.toContain(input.password);
    const denied = await client().graphql('{ auditLog { edges { node { id } } } }', {}, strategist.headers);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
