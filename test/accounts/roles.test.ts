import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/auth/viewer.ts';
import { newId } from '../../server/shared/ids.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, createPeople, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService, type GraphQLResponse } from '../helpers/service.ts';

// Jokkmokk (2510) is this file's kommun, Överkalix (2513) the one outside the strategist's reach: no other test file uses either.
const INSIDE = '2510';
const OUTSIDE = '2513';

/** Who asks: anonymous, or an account of each role (two strategists, two associations). */
const viewers = ['anonymous', 'admin', 'strategist', 'outsider', 'associationX', 'associationY', 'researcher'] as const;
type ViewerName = (typeof viewers)[number];

/**
 * A mutation: 'allowed', or the error code it is refused with. A read: 'allowed' or the code for an operation;
 * for a field 'visible', 'null' (the field is null for this caller) or 'hidden' (the whole object is not there for
 * this caller), and 'pseudonym' for a person's name shown as a stable "Person xxxxxxxxxx".
 */
type Expected = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'visible' | 'null' | 'hidden' | 'pseudonym';

const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';

// What each role may do and see, as designed.
//   columns: anonymous, admin, strategist (its kommun), outsider (a strategist of another kommun),
//            associationX (the account of X), associationY (the account of Y, which leads I), researcher.
const table: Record<string, Record<ViewerName, Expected>> = {
  // Mutations
  'updateOrganization(X)': row(U, 'allowed', 'allowed', F, 'allowed', F, F),
  'reviewRegistration(pending P)': row(U, 'allowed', 'allowed', F, F, F, F),
  // An admin speaks for no organisation, and the mutation names none: there is nothing to claim for.
  'claimParticipation(own organisation in I)': row(U, F, F, F, 'allowed', 'allowed', F),
  'reviewParticipation(X on I)': row(U, 'allowed', 'allowed', F, F, 'allowed', F),
  'erasePerson(a person)': row(U, 'allowed', F, F, F, F, F),
  'recordConsent(role model R)': row(U, 'allowed', 'allowed', F, F, F, F),
  'withdrawConsent(role model R)': row(U, 'allowed', 'allowed', F, F, F, F),
  // Writing the network: strategists in their kommuner, verified associations about what they lead, admins everything.
  'createInitiative(in the kommun)': row(U, 'allowed', 'allowed', F, 'allowed', 'allowed', F),
  'updateInitiative(an initiative Y leads)': row(U, 'allowed', 'allowed', F, F, 'allowed', F),
  'reviewInitiative(a PENDING initiative Y leads)': row(U, 'allowed', 'allowed', F, F, F, F),
  'createOrganization(in the kommun)': row(U, 'allowed', 'allowed', F, 'allowed', 'allowed', F),
  'createAccount(a researcher)': row(U, 'allowed', F, F, F, F, F),
  'createPerson(a contact of X)': row(U, 'allowed', 'allowed', F, 'allowed', F, F),
  // Y leads the initiative; Z (the kommun's library) is the participant.
  'addParticipation(Z in an initiative Y leads)': row(U, 'allowed', 'allowed', F, F, 'allowed', F),
  'updateParticipation(Z in an initiative Y leads)': row(U, 'allowed', 'allowed', F, F, 'allowed', F),
  'removeParticipation(Z in an initiative Y leads)': row(U, 'allowed', 'allowed', F, F, 'allowed', F),
  'addGrant(to an initiative Y leads)': row(U, 'allowed', 'allowed', F, F, 'allowed', F),
  'updateGrant(of an initiative Y leads)': row(U, 'allowed', 'allowed', F, F, 'allowed', F),
  'removeGrant(of an initiative Y leads)': row(U, 'allowed', 'allowed', F, F, 'allowed', F),
  'addEvent(in an initiative Y leads)': row(U, 'allowed', 'allowed', F, F, 'allowed', F),
  'mergeOrganizations(a duplicate into its original)': row(U, 'allowed', 'allowed', F, F, F, F),
  'changePassword(its own)': row(U, 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed'),
  // Measures of the network, of any län: researchers, strategists (outsiders too) and admins.
  'computeMeasures(of a län)': row(U, 'allowed', 'allowed', 'allowed', F, F, 'allowed'),
  // Protected reads
  'pendingRegistrations lists P': row(U, 'visible', 'visible', 'hidden', F, F, F),
  auditLog: row(U, 'allowed', F, F, F, F, F),
  'personData(C)': row(U, 'visible', F, F, F, F, F),
  'Organization.contact of X': row('null', 'visible', 'visible', 'null', 'visible', 'null', 'null'),
  'Person.contact of C': row('null', 'visible', 'visible', 'null', 'visible', 'null', 'null'),
  'Person.consents of R (no consent)': row('hidden', 'visible', 'visible', 'hidden', 'hidden', 'hidden', 'hidden'),
  'Person.consents of R2 (consent given)': row('null', 'visible', 'visible', 'null', 'null', 'null', 'null'),
  'Organization.possibleDuplicates of P': row('hidden', 'visible', 'visible', 'hidden', 'hidden', 'hidden', 'hidden'),
  'Organization.possibleDuplicates of X': row('null', 'visible', 'visible', 'null', 'null', 'null', 'null'),
  'actor(P) (pending)': row('hidden', 'visible', 'visible', 'hidden', 'hidden', 'hidden', 'hidden'),
  'actor(R) (role model without consent)': row('hidden', 'visible', 'visible', 'hidden', 'hidden', 'hidden', 'hidden'),
  'the CLAIMED participation of X in I': row('hidden', 'visible', 'visible', 'hidden', 'visible', 'visible', 'hidden'),
  'Person.name of C': row('visible', 'visible', 'visible', 'visible', 'visible', 'visible', 'pseudonym'),
};

function row(...expected: Expected[]): Record<ViewerName, Expected> {
  return Object.fromEntries(viewers.map((viewer, index) => [viewer, expected[index]!])) as Record<ViewerName, Expected>;
}

const tableRows = Object.entries(table).flatMap(([operation, byViewer]) =>
  viewers.map((viewer) => ({ operation, viewer, expected: byViewer[viewer] })),
);

const hex = () => uniqueToken('').toLowerCase();
const phoneNumber = () => `070-${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
/** The error code of a refusal; any other error with its message, so that a failing row says what went wrong. */
const codeOf = (response: GraphQLResponse) => {
  const error = response.errors?.[0];
  const code = String(error?.extensions?.code ?? 'NO CODE');
  return code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : `${code}: ${error?.message}`;
};

interface PersonFixture {
  id: string;
  name: string;
  email: string;
  phone: string;
}

describe('roles: who may do and see what', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Roll');
  const nodeIds: string[] = [];
  const accountIds: string[] = [];
  const headers = {} as Record<ViewerName, Record<string, string>>;

  const contactOf = (name: string) => ({ email: `${name}-${hex()}@example.org`, phone: phoneNumber() });
  const X = { id: '', name: `${token} Ungdomsgården`, ...contactOf('x') };
  const XLookAlike = { id: '', name: `${token} Ungdomsgårdens förening` };
  const Y = { id: '', name: `${token} Idrottsalliansen`, ...contactOf('y') };
  const P = { id: '', name: `${token} Fiskevård förening`, ...contactOf('p') };
  const PLookAlike = { id: '', name: `${token} Fiskevård` };
  const Z = { id: '', name: `${token} Biblioteket` };
  const C: PersonFixture = { id: newId(), name: `Cecilia ${uniqueToken('Kontakt')}`, ...contactOf('c') };
  const R: PersonFixture = { id: newId(), name: `Rasmus ${uniqueToken('Forebild')}`, ...contactOf('r') };
  const R2: PersonFixture = { id: newId(), name: `Rebecka ${uniqueToken('Forebild')}`, ...contactOf('r2') };
  const titleOfC = `Samordnare ${hex()}`;
  const I = { id: '', name: `${token} Trygga kvällar` };
  const J = { id: '', name: `${token} Nattvandring` };
  const K = { id: '', name: `${token} Förebildsdagar` };

  const as = (viewer: ViewerName) => headers[viewer];
  const ask = (viewer: ViewerName, query: string, variables: Record<string, unknown> = {}) => client().graphql(query, variables, as(viewer));
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) => client().data(query, variables, as('admin'));

  /** A person in this file's kommun; a role model when asked, with a consent when asked. */
  async function createPerson(options: { roleModel?: boolean; consent?: boolean; person?: PersonFixture; organization?: string; title?: string } = {}) {
    const person = options.person ?? { id: newId(), name: `Kasta ${uniqueToken('Person')}`, ...contactOf('person') };
    await createPeople(db, [
      {
        ...person,
        roleModel: options.roleModel ?? false,
        title: options.title ?? (options.roleModel ? 'Förebild' : 'Kontaktperson'),
        description: options.roleModel ? `${person.name} berättar om trygghet i skolan.` : null,
        organization: options.organization ?? null,
        themes: options.roleModel ? ['trygghet'] : [],
        municipalities: [INSIDE],
        consentGivenBy: options.consent ? 'Personen själv' : null,
      },
    ]);
    nodeIds.push(person.id);
    return person;
  }

  /** A fresh initiative in this file's kommun, led by Y; with a CLAIMED participation of X when asked. */
  async function freshInitiative(claimOfX: boolean): Promise<string> {
    const [id] = (await createInitiatives(db, [{ name: `${token} Delprojekt ${hex()}`, municipalities: [INSIDE], start: '2025' }])) as [string];
    nodeIds.push(id);
    await createParticipations(db, [
      { actor: Y.id, initiative: id, role: 'LEAD' },
      ...(claimOfX ? [{ actor: X.id, initiative: id, role: 'PARTNER', status: 'CLAIMED' }] : []),
    ]);
    return id;
  }

  /** A fresh initiative Y leads, with one grant of 12 000 SEK from Z written by an admin. */
  async function grantOfFreshInitiative(): Promise<{ initiative: string; grant: string }> {
    const initiative = await freshInitiative(false);
    const { addGrant } = await asAdmin('mutation ($input: AddGrantInput!) { addGrant(input: $input) { id } }', {
      input: { initiativeId: initiative, funderId: Z.id, amount: 12000, currency: 'SEK', source: { title: 'Beslut', publisher: 'Jokkmokks kommun' } },
    });
    return { initiative, grant: addGrant.id };
  }

  beforeAll(async () => {
    [X.id, XLookAlike.id, Y.id, P.id, PLookAlike.id, Z.id] = (await createOrganizations(db, [
      { name: X.name, municipalities: [INSIDE], themes: ['trygghet'], email: X.email, phone: X.phone, description: 'Fritidsgård för unga.' },
      { name: XLookAlike.name, municipalities: [INSIDE] },
      { name: Y.name, municipalities: [INSIDE], themes: ['trygghet'], email: Y.email, phone: Y.phone, description: 'Idrott för alla.' },
      { name: P.name, municipalities: [INSIDE], themes: ['trygghet'], status: 'PENDING', email: P.email, phone: P.phone },
      { name: PLookAlike.name, municipalities: [INSIDE] },
      { name: Z.name, kind: 'MUNICIPAL_UNIT', municipalities: [INSIDE], themes: ['trygghet'] },
    ])) as [string, string, string, string, string, string];
    nodeIds.push(X.id, XLookAlike.id, Y.id, P.id, PLookAlike.id, Z.id);
    [I.id, J.id, K.id] = (await createInitiatives(db, [
      { name: I.name, municipalities: [INSIDE], themes: ['trygghet'], start: '2024-01', end: '2026-12' },
      { name: J.name, municipalities: [INSIDE], themes: ['trygghet'], start: '2025', end: '2026' },
      { name: K.name, municipalities: [INSIDE], themes: ['trygghet'], start: '2025', end: '2025' },
    ])) as [string, string, string];
    nodeIds.push(I.id, J.id, K.id);
    await createPerson({ person: C, organization: X.id, title: titleOfC });
    await createPerson({ person: R, roleModel: true });
    await createPerson({ person: R2, roleModel: true, consent: true });
    await createParticipations(db, [
      { actor: Y.id, initiative: I.id, role: 'LEAD' },
      { actor: X.id, initiative: I.id, role: 'PARTNER', status: 'CLAIMED' },
      { actor: C.id, initiative: I.id, role: 'CONTACT' },
      { actor: R.id, initiative: I.id, role: 'MEMBER' },
      { actor: P.id, initiative: I.id, role: 'PARTNER' },
      { actor: Z.id, initiative: I.id, role: 'PARTNER' },
      { actor: X.id, initiative: J.id, role: 'PARTNER' },
      { actor: P.id, initiative: J.id, role: 'PARTNER' },
      { actor: Z.id, initiative: J.id, role: 'PARTNER' },
      { actor: R.id, initiative: K.id, role: 'MEMBER' },
      { actor: Z.id, initiative: K.id, role: 'PARTNER' },
    ]);

    const accounts: [ViewerName, Role, Parameters<typeof createTestAccount>[2]][] = [
      ['admin', 'ADMIN', {}],
      ['strategist', 'STRATEGIST', { municipalities: [INSIDE] }],
      ['outsider', 'STRATEGIST', { municipalities: [OUTSIDE] }],
      ['associationX', 'ASSOCIATION', { organizationId: X.id }],
      ['associationY', 'ASSOCIATION', { organizationId: Y.id }],
      ['researcher', 'RESEARCHER', {}],
    ];
    headers.anonymous = {};
    for (const [viewer, role, options] of accounts) {
      const account: TestAccount = await createTestAccount(db, role, options);
      headers[viewer] = account.headers;
      accountIds.push(account.id);
    }
  });

  afterAll(async () => {
    await db.write(async (tx) => {
      await tx.run({ text: 'MATCH (p:Person)-[:GAVE]->(c:Consent) WHERE p.id IN $ids DETACH DELETE c', parameters: { ids: nodeIds } });
      await tx.run({ text: 'MATCH (a:Account) WHERE a.id IN $ids DETACH DELETE a', parameters: { ids: accountIds } });
    });
    await removeNodes(db, nodeIds);
  });

  /** The organisation an association account speaks for. */
  const ownOrganization = (viewer: ViewerName) => (viewer === 'associationX' ? X.id : viewer === 'associationY' ? Y.id : null);

  const consentsQuery = 'query ($id: ID!) { actor(id: $id) { ... on Person { consents { purpose withdrawnAt } } } }';
  const participantsQuery = 'query ($id: ID!) { initiative(id: $id) { participants { role status actor { id } } } }';

  /** Each row of the table, run as one viewer; answers what it observed, in the table's words. */
  const operations: Record<string, (viewer: ViewerName) => Promise<string>> = {
    'updateOrganization(X)': async (viewer) => {
      const read = 'query ($id: ID!) { actor(id: $id) { name description ... on Organization { contact { email phone } } } }';
      const before = (await asAdmin(read, { id: X.id })).actor;
      const description = `Ny beskrivning ${hex()}`;
      const response = await ask(viewer, 'mutation ($id: ID!, $d: String) { updateOrganization(id: $id, input: { description: $d, source: { title: "Protokoll", publisher: "Jokkmokks kommun" } }) { id description } }', {
        id: X.id,
        d: description,
      });
      const after = (await asAdmin(read, { id: X.id })).actor;
      if (response.errors) {
        expect(after).toEqual(before);
        return codeOf(response);
      }
      expect(response.data!.updateOrganization).toEqual({ id: X.id, description });
      expect(after).toEqual({ ...before, description });
      return 'allowed';
    },

    'reviewRegistration(pending P)': async (viewer) => {
      // A pending registration like P, its own for every call, so that approving one leaves P pending.
      const [pending] = (await createOrganizations(db, [
        { name: `${token} Ansökan ${hex()}`, municipalities: [INSIDE], status: 'PENDING', ...contactOf('pending') },
      ])) as [string];
      nodeIds.push(pending);
      const response = await ask(viewer, 'mutation ($id: ID!) { reviewRegistration(id: $id, approve: true) { id status } }', { id: pending });
      const after = (await asAdmin('query ($id: ID!) { actor(id: $id) { ... on Organization { status registrationReview { approved } } } }', { id: pending })).actor;
      if (response.errors) {
        expect(after).toEqual({ status: 'PENDING', registrationReview: null });
        return codeOf(response);
      }
      expect(response.data!.reviewRegistration).toEqual({ id: pending, status: 'VERIFIED' });
      expect(after).toEqual({ status: 'VERIFIED', registrationReview: { approved: true } });
      return 'allowed';
    },

    'claimParticipation(own organisation in I)': async (viewer) => {
      const initiative = await freshInitiative(false);
      const response = await ask(
        viewer,
        'mutation ($i: ID!) { claimParticipation(input: { initiativeId: $i, role: PARTNER }) { role status actor { id } initiative { id } } }',
        { i: initiative },
      );
      const after = (await asAdmin(participantsQuery, { id: initiative })).initiative.participants;
      if (response.errors) {
        expect(after).toEqual([{ role: 'LEAD', status: 'CONFIRMED', actor: { id: Y.id } }]);
        return codeOf(response);
      }
      // The claim is always the caller's own organisation's.
      const own = ownOrganization(viewer);
      expect(own).not.toBeNull();
      expect(response.data!.claimParticipation).toEqual({ role: 'PARTNER', status: 'CLAIMED', actor: { id: own }, initiative: { id: initiative } });
      expect(after).toContainEqual({ role: 'PARTNER', status: 'CLAIMED', actor: { id: own } });
      expect(after).toHaveLength(2);
      return 'allowed';
    },

    'reviewParticipation(X on I)': async (viewer) => {
      // Like I: led by Y, with a CLAIMED participation of X; its own for every call, so that I's claim stays open.
      const initiative = await freshInitiative(true);
      const response = await ask(
        viewer,
        'mutation ($a: ID!, $i: ID!) { reviewParticipation(actorId: $a, initiativeId: $i, confirm: true) { status actor { id } initiative { id } } }',
        { a: X.id, i: initiative },
      );
      const after = (await asAdmin(participantsQuery, { id: initiative })).initiative.participants;
      if (response.errors) {
        expect(after).toContainEqual({ role: 'PARTNER', status: 'CLAIMED', actor: { id: X.id } });
        return codeOf(response);
      }
      expect(response.data!.reviewParticipation).toEqual({ status: 'CONFIRMED', actor: { id: X.id }, initiative: { id: initiative } });
      expect(after).toContainEqual({ role: 'PARTNER', status: 'CONFIRMED', actor: { id: X.id } });
      return 'allowed';
    },

    'erasePerson(a person)': async (viewer) => {
      const person = await createPerson();
      const response = await ask(viewer, 'mutation ($id: ID!) { erasePerson(id: $id) }', { id: person.id });
      const after = (await asAdmin('query ($id: ID!) { actor(id: $id) { name ... on Person { contact { email phone } } } }', { id: person.id })).actor;
      if (response.errors) {
        expect(after).toEqual({ name: person.name, contact: { email: person.email, phone: person.phone } });
        return codeOf(response);
      }
      expect(response.data!.erasePerson).toBe(true);
      expect(after).toBeNull();
      return 'allowed';
    },

    'recordConsent(role model R)': async (viewer) => {
      // A role model like R, without consent; its own for every call, so that R stays without one.
      const person = await createPerson({ roleModel: true });
      const response = await ask(
        viewer,
        'mutation ($id: ID!) { recordConsent(personId: $id, input: { purpose: "Visas som förebild på webben", givenBy: "Personen själv" }) { id } }',
        { id: person.id },
      );
      const after = (await asAdmin(consentsQuery, { id: person.id })).actor.consents;
      const publicly = (await client().data('query ($id: ID!) { actor(id: $id) { id } }', { id: person.id })).actor;
      if (response.errors) {
        expect(after).toEqual([]);
        expect(publicly).toBeNull();
        return codeOf(response);
      }
      expect(response.data!.recordConsent).toEqual({ id: person.id });
      expect(after).toEqual([{ purpose: 'Visas som förebild på webben', withdrawnAt: null }]);
      expect(publicly).toEqual({ id: person.id });
      return 'allowed';
    },

    'withdrawConsent(role model R)': async (viewer) => {
      // A role model like R but with a consent to withdraw; its own for every call.
      const person = await createPerson({ roleModel: true, consent: true });
      const response = await ask(viewer, 'mutation ($id: ID!) { withdrawConsent(personId: $id) { id } }', { id: person.id });
      const after = (await asAdmin(consentsQuery, { id: person.id })).actor.consents;
      const publicly = (await client().data('query ($id: ID!) { actor(id: $id) { id } }', { id: person.id })).actor;
      expect(after).toHaveLength(1);
      if (response.errors) {
        expect(after[0].withdrawnAt).toBeNull();
        expect(publicly).toEqual({ id: person.id });
        return codeOf(response);
      }
      expect(response.data!.withdrawConsent).toEqual({ id: person.id });
      expect(after[0].withdrawnAt).not.toBeNull();
      expect(publicly).toBeNull();
      return 'allowed';
    },

    'createInitiative(in the kommun)': async (viewer) => {
      const name = `${token} Nytt initiativ ${hex()}`;
      const response = await ask(viewer, 'mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id status } }', {
        input: { kind: 'ACTIVITY', name, themes: ['trygghet'], municipalities: [INSIDE], source: { title: 'Protokoll', publisher: 'Jokkmokks kommun' } },
      });
      const written = await db.query<{ id: string; status: string }>({ text: 'MATCH (i:Initiative {name: $name}) RETURN i.id AS id, i.status AS status', parameters: { name } });
      if (response.errors) {
        expect(written.records).toHaveLength(0);
        return codeOf(response);
      }
      nodeIds.push(response.data!.createInitiative.id);
      // An association's own initiative waits for review; a strategist's and an admin's are verified at once.
      expect(written.records.map((record) => record.get('status'))).toEqual([ownOrganization(viewer) ? 'PENDING' : 'VERIFIED']);
      return 'allowed';
    },

    'updateInitiative(an initiative Y leads)': async (viewer) => {
      const initiative = await freshInitiative(false);
      const read = 'query ($id: ID!) { initiative(id: $id) { name version } }';
      const before = (await asAdmin(read, { id: initiative })).initiative;
      const name = `${token} Nytt namn ${hex()}`;
      const response = await ask(viewer, 'mutation ($id: ID!, $input: UpdateInitiativeInput!) { updateInitiative(id: $id, input: $input) { name version } }', {
        id: initiative,
        input: { name, source: { title: 'Protokoll', publisher: 'Jokkmokks kommun' } },
      });
      const after = (await asAdmin(read, { id: initiative })).initiative;
      if (response.errors) {
        expect(after).toEqual(before);
        return codeOf(response);
      }
      expect(after).toEqual({ name, version: before.version + 1 });
      return 'allowed';
    },

    'reviewInitiative(a PENDING initiative Y leads)': async (viewer) => {
      const initiative = await freshInitiative(false);
      await db.write((tx) => tx.run({ text: "MATCH (i:Initiative {id: $id}) SET i.status = 'PENDING'", parameters: { id: initiative } }));
      const response = await ask(viewer, 'mutation ($id: ID!) { reviewInitiative(id: $id, approve: true) { status } }', { id: initiative });
      const after = (await asAdmin('query ($id: ID!) { initiative(id: $id) { status } }', { id: initiative })).initiative;
      if (response.errors) {
        expect(after).toEqual({ status: 'PENDING' });
        return codeOf(response);
      }
      expect(after).toEqual({ status: 'VERIFIED' });
      return 'allowed';
    },

    'createOrganization(in the kommun)': async (viewer) => {
      const name = `${token} Ny organisation ${hex()}`;
      const response = await ask(viewer, 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id status } }', {
        input: { kind: 'BUSINESS', name, themes: [], municipalities: [INSIDE], source: { title: 'Bolagsverket', publisher: 'Bolagsverket' } },
      });
      const written = await db.query<{ status: string }>({ text: 'MATCH (o:Organization {name: $name}) RETURN o.status AS status', parameters: { name } });
      if (response.errors) {
        expect(written.records).toHaveLength(0);
        return codeOf(response);
      }
      nodeIds.push(response.data!.createOrganization.id);
      expect(written.records.map((record) => record.get('status'))).toEqual([ownOrganization(viewer) ? 'PENDING' : 'VERIFIED']);
      return 'allowed';
    },

    'addParticipation(Z in an initiative Y leads)': async (viewer) => {
      const initiative = await freshInitiative(false);
      const response = await ask(viewer, 'mutation ($input: AddParticipationInput!) { addParticipation(input: $input) { status } }', {
        input: { actorId: Z.id, initiativeId: initiative, role: 'PARTNER', source: { title: 'Protokoll', publisher: 'Jokkmokks kommun' } },
      });
      const after = (await asAdmin(participantsQuery, { id: initiative })).initiative.participants;
      if (response.errors) {
        expect(after).toEqual([{ role: 'LEAD', status: 'CONFIRMED', actor: { id: Y.id } }]);
        return codeOf(response);
      }
      // Y speaks for another organisation: its word is a claim until Z, a strategist or an admin confirms it.
      const status = ownOrganization(viewer) ? 'CLAIMED' : 'CONFIRMED';
      expect(response.data!.addParticipation).toEqual({ status });
      expect(after).toContainEqual({ role: 'PARTNER', status, actor: { id: Z.id } });
      return 'allowed';
    },

    'updateParticipation(Z in an initiative Y leads)': async (viewer) => {
      const initiative = await freshInitiative(false);
      const [participation] = await createParticipations(db, [{ actor: Z.id, initiative, role: 'PARTNER', since: '2025' }]);
      const read = 'query ($id: ID!) { initiative(id: $id) { participants { role since actor { id } } } }';
      const before = (await asAdmin(read, { id: initiative })).initiative.participants;
      const response = await ask(viewer, 'mutation ($id: ID!, $input: UpdateParticipationInput!) { updateParticipation(id: $id, input: $input) { since } }', {
        id: participation,
        input: { since: '2025-03', source: { title: 'Protokoll', publisher: 'Jokkmokks kommun' } },
      });
      const after = (await asAdmin(read, { id: initiative })).initiative.participants;
      if (response.errors) {
        expect(after).toEqual(before);
        return codeOf(response);
      }
      expect(after).toContainEqual({ role: 'PARTNER', since: '2025-03', actor: { id: Z.id } });
      return 'allowed';
    },

    'removeParticipation(Z in an initiative Y leads)': async (viewer) => {
      const initiative = await freshInitiative(false);
      const [participation] = await createParticipations(db, [{ actor: Z.id, initiative, role: 'PARTNER' }]);
      const response = await ask(viewer, 'mutation ($id: ID!) { removeParticipation(id: $id, reason: "Avslutat samarbete") }', { id: participation });
      const after = (await asAdmin(participantsQuery, { id: initiative })).initiative.participants;
      if (response.errors) {
        expect(after).toContainEqual({ role: 'PARTNER', status: 'CONFIRMED', actor: { id: Z.id } });
        return codeOf(response);
      }
      expect(response.data!.removeParticipation).toBe(true);
      expect(after).toEqual([{ role: 'LEAD', status: 'CONFIRMED', actor: { id: Y.id } }]);
      return 'allowed';
    },

    'addGrant(to an initiative Y leads)': async (viewer) => {
      const initiative = await freshInitiative(false);
      const response = await ask(viewer, 'mutation ($input: AddGrantInput!) { addGrant(input: $input) { amount } }', {
        input: { initiativeId: initiative, funderId: Z.id, amount: 12000, currency: 'SEK', source: { title: 'Beslut', publisher: 'Jokkmokks kommun' } },
      });
      const after = (await asAdmin('query ($id: ID!) { initiative(id: $id) { grants { amount } } }', { id: initiative })).initiative.grants;
      if (response.errors) {
        expect(after).toEqual([]);
        return codeOf(response);
      }
      expect(after).toEqual([{ amount: 12000 }]);
      return 'allowed';
    },

    'updateGrant(of an initiative Y leads)': async (viewer) => {
      const { initiative, grant } = await grantOfFreshInitiative();
      const response = await ask(viewer, 'mutation ($id: ID!, $input: UpdateGrantInput!) { updateGrant(id: $id, input: $input) { amount } }', {
        id: grant,
        input: { amount: 15000, source: { title: 'Ändrat beslut', publisher: 'Jokkmokks kommun' } },
      });
      const after = (await asAdmin('query ($id: ID!) { initiative(id: $id) { grants { amount } } }', { id: initiative })).initiative.grants;
      if (response.errors) {
        expect(after).toEqual([{ amount: 12000 }]);
        return codeOf(response);
      }
      expect(after).toEqual([{ amount: 15000 }]);
      return 'allowed';
    },

    'removeGrant(of an initiative Y leads)': async (viewer) => {
      const { initiative, grant } = await grantOfFreshInitiative();
      const response = await ask(viewer, 'mutation ($id: ID!) { removeGrant(id: $id, reason: "Beviljades aldrig") }', { id: grant });
      const after = (await asAdmin('query ($id: ID!) { initiative(id: $id) { grants { amount } } }', { id: initiative })).initiative.grants;
      if (response.errors) {
        expect(after).toEqual([{ amount: 12000 }]);
        return codeOf(response);
      }
      expect(response.data!.removeGrant).toBe(true);
      expect(after).toEqual([]);
      return 'allowed';
    },

    'addEvent(in an initiative Y leads)': async (viewer) => {
      const initiative = await freshInitiative(false);
      const response = await ask(viewer, 'mutation ($input: AddEventInput!) { addEvent(input: $input) { name } }', {
        input: { initiativeId: initiative, name: 'Öppet möte', date: '2025-05-04', municipalities: [INSIDE], source: { title: 'Inbjudan', publisher: 'Jokkmokks kommun' } },
      });
      const after = (await asAdmin('query ($id: ID!) { initiative(id: $id) { events { name } } }', { id: initiative })).initiative.events;
      if (response.errors) {
        expect(after).toEqual([]);
        return codeOf(response);
      }
      expect(after).toEqual([{ name: 'Öppet möte' }]);
      return 'allowed';
    },

    'createPerson(a contact of X)': async (viewer) => {
      const name = `Kontakt ${hex()}`;
      const response = await ask(viewer, 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
        input: { name, affiliation: X.id, municipalities: [INSIDE], source: { title: 'Föreningens styrelselista', publisher: X.name } },
      });
      const written = await db.query<{ id: string }>({ text: 'MATCH (p:Person {name: $name}) RETURN p.id AS id', parameters: { name } });
      if (response.errors) {
        expect(written.records).toHaveLength(0);
        return codeOf(response);
      }
      nodeIds.push(response.data!.createPerson.id);
      expect(written.records).toHaveLength(1);
      return 'allowed';
    },

    'mergeOrganizations(a duplicate into its original)': async (viewer) => {
      const [original, duplicate] = (await createOrganizations(db, [
        { name: `${token} Original ${hex()}`, municipalities: [INSIDE] },
        { name: `${token} Dubblett ${hex()}`, municipalities: [INSIDE], status: 'PENDING' },
      ])) as [string, string];
      nodeIds.push(original, duplicate);
      const response = await ask(viewer, 'mutation ($keep: ID!, $merge: ID!) { mergeOrganizations(keepId: $keep, mergeId: $merge, reason: "Samma förening") { id } }', {
        keep: original,
        merge: duplicate,
      });
      const remaining = await db.query<{ n: number }>({ text: 'MATCH (o:Organization) WHERE o.id IN $ids RETURN count(o) AS n', parameters: { ids: [original, duplicate] } });
      if (response.errors) {
        expect(remaining.records[0]!.get('n')).toBe(2);
        return codeOf(response);
      }
      expect(response.data!.mergeOrganizations).toEqual({ id: original });
      expect(remaining.records[0]!.get('n')).toBe(1);
      return 'allowed';
    },

    'createAccount(a researcher)': async (viewer) => {
      const email = `forskare-${hex()}@example.org`;
      const response = await ask(viewer, 'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id role } }', {
        input: { email, role: 'RESEARCHER', password: 'forsta-losenordet-1' },
      });
      const written = await db.query<{ id: string }>({ text: 'MATCH (a:Account {email: $email}) RETURN a.id AS id', parameters: { email } });
      if (response.errors) {
        expect(written.records).toHaveLength(0);
        return codeOf(response);
      }
      accountIds.push(written.records[0]!.get('id'));
      expect(response.data!.createAccount.role).toBe('RESEARCHER');
      return 'allowed';
    },

    'changePassword(its own)': async (viewer) => {
      // Changed and changed back, so that the account signs in as before for the rows after this one.
      const change = (current: string, next: string) =>
        ask(viewer, 'mutation ($current: String!, $new: String!) { changePassword(current: $current, new: $new) }', { current, new: next });
      const response = await change('correct horse battery 42', 'ett nytt losenord 43');
      if (response.errors) return codeOf(response);
      expect(response.data!.changePassword).toBe(true);
      expect((await change('ett nytt losenord 43', 'correct horse battery 42')).data?.changePassword).toBe(true);
      return 'allowed';
    },

    'computeMeasures(of a län)': async (viewer) => {
      const response = await ask(viewer, 'mutation ($input: MeasuresInput) { computeMeasures(input: $input) { id state } }', { input: { county: '25' } });
      const written = async (id: string) =>
        (await db.query({ text: 'MATCH (run:MeasuresRun {id: $id}) RETURN run.id', parameters: { id } })).records.length;
      if (response.errors) return codeOf(response);
      expect(response.data!.computeMeasures.state).toBe('QUEUED');
      expect(await written(response.data!.computeMeasures.id)).toBe(1);
      return 'allowed';
    },

    'pendingRegistrations lists P': async (viewer) => {
      const response = await ask(viewer, '{ pendingRegistrations { id status } }');
      if (response.errors) return codeOf(response);
      const pending = response.data!.pendingRegistrations as { id: string; status: string }[];
      expect(pending.every((organization) => organization.status === 'PENDING')).toBe(true);
      return pending.some((organization) => organization.id === P.id) ? 'visible' : 'hidden';
    },

    auditLog: async (viewer) => {
      const response = await ask(viewer, '{ auditLog(first: 5) { edges { node { id action } } } }');
      if (response.errors) return codeOf(response);
      expect(Array.isArray(response.data!.auditLog.edges)).toBe(true);
      return 'allowed';
    },

    'personData(C)': async (viewer) => {
      const response = await ask(viewer, 'query ($id: ID!) { personData(id: $id) { id name email phone organization } }', { id: C.id });
      if (response.errors) {
        expect(response.data?.personData ?? null).toBeNull();
        return codeOf(response);
      }
      expect(response.data!.personData).toEqual({ id: C.id, name: C.name, email: C.email, phone: C.phone, organization: X.name });
      return 'visible';
    },

    'Organization.contact of X': (viewer) => contactSeenBy(viewer, X),
    'Person.contact of C': (viewer) => contactSeenBy(viewer, C),
    'Person.consents of R (no consent)': (viewer) => consentsSeenBy(viewer, R.id, 0),
    'Person.consents of R2 (consent given)': (viewer) => consentsSeenBy(viewer, R2.id, 1),
    'Organization.possibleDuplicates of P': (viewer) => duplicatesSeenBy(viewer, P.id, PLookAlike.id),
    'Organization.possibleDuplicates of X': (viewer) => duplicatesSeenBy(viewer, X.id, XLookAlike.id),

    'actor(P) (pending)': async (viewer) => {
      const actor = (await dataAs(viewer, 'query ($id: ID!) { actor(id: $id) { id name } }', { id: P.id })).actor;
      if (actor === null) return 'hidden';
      expect(actor).toEqual({ id: P.id, name: P.name });
      return 'visible';
    },

    'actor(R) (role model without consent)': async (viewer) => {
      const actor = (await dataAs(viewer, 'query ($id: ID!) { actor(id: $id) { id kind } }', { id: R.id })).actor;
      if (actor === null) return 'hidden';
      expect(actor).toEqual({ id: R.id, kind: 'ROLE_MODEL' });
      return 'visible';
    },

    'the CLAIMED participation of X in I': async (viewer) => {
      // Through the initiative and through the actor: both must agree.
      const participants = (await dataAs(viewer, participantsQuery, { id: I.id })).initiative.participants as { status: string; actor: { id: string } }[];
      const throughInitiative = participants.some((p) => p.actor.id === X.id && p.status === 'CLAIMED');
      const participations = (await dataAs(viewer, 'query ($id: ID!) { actor(id: $id) { participations { status initiative { id } } } }', { id: X.id }))
        .actor.participations as { status: string; initiative: { id: string } }[];
      const throughActor = participations.some((p) => p.initiative.id === I.id && p.status === 'CLAIMED');
      expect(throughActor).toBe(throughInitiative);
      return throughInitiative ? 'visible' : 'hidden';
    },

    'Person.name of C': async (viewer) => {
      const read = async () => (await dataAs(viewer, 'query ($id: ID!) { actor(id: $id) { name } }', { id: C.id })).actor?.name ?? null;
      const [first, second] = [await read(), await read()];
      const participants = (await dataAs(viewer, 'query ($id: ID!) { initiative(id: $id) { participants { actor { id name } } } }', { id: I.id }))
        .initiative.participants as { actor: { id: string; name: string } }[];
      const throughInitiative = participants.find((p) => p.actor.id === C.id)?.actor.name;
      if (first === null) return 'hidden';
      if (first === C.name && second === C.name && throughInitiative === C.name) return 'visible';
      if (/^Person [0-9a-f]{10}$/.test(first) && second === first && throughInitiative === first) return 'pseudonym';
      return `unexpected names ${JSON.stringify([first, second, throughInitiative])}`;
    },
  };

  async function dataAs(viewer: ViewerName, query: string, variables: Record<string, unknown>) {
    return client().data(query, variables, as(viewer));
  }

  async function contactSeenBy(viewer: ViewerName, actor: { id: string; email: string; phone: string }) {
    const found = (await dataAs(viewer, 'query ($id: ID!) { actor(id: $id) { ... on Organization { contact { email phone } } ... on Person { contact { email phone } } } }', { id: actor.id })).actor;
    if (found === null) return 'hidden';
    if (found.contact === null) return 'null';
    expect(found.contact).toEqual({ email: actor.email, phone: actor.phone });
    return 'visible';
  }

  async function consentsSeenBy(viewer: ViewerName, personId: string, count: number) {
    const found = (await dataAs(viewer, consentsQuery, { id: personId })).actor;
    if (found === null) return 'hidden';
    if (found.consents === null) return 'null';
    expect(found.consents).toHaveLength(count);
    return 'visible';
  }

  async function duplicatesSeenBy(viewer: ViewerName, organizationId: string, lookAlikeId: string) {
    const found = (await dataAs(viewer, 'query ($id: ID!) { actor(id: $id) { ... on Organization { possibleDuplicates { id } } } }', { id: organizationId })).actor;
    if (found === null) return 'hidden';
    if (found.possibleDuplicates === null) return 'null';
    expect(found.possibleDuplicates).toEqual([{ id: lookAlikeId }]);
    return 'visible';
  }

  it('has a row for every mutation of the schema and a check for every row', async () => {
    const data = await client().data('{ __schema { mutationType { fields { name } } } }');
    const mutations = (data.__schema.mutationType.fields as { name: string }[]).map((field) => field.name);
    // Sign-in and registration are open to anyone by design; every other mutation is in the table.
    const covered = Object.keys(table).map((operation) => operation.split('(')[0]!);
    expect(mutations.filter((name) => !['login', 'registerAssociation'].includes(name)).sort()).toEqual(
      covered.filter((name) => mutations.includes(name)).sort(),
    );
    expect(Object.keys(operations).sort()).toEqual(Object.keys(table).sort());
  });

  it.each(tableRows)('$operation as $viewer: $expected', async ({ operation, viewer, expected }) => {
    expect(await operations[operation]!(viewer)).toBe(expected);
  });

  describe('nothing leaks to anonymous callers or researchers', () => {
    const actorFields = `fragment A on Actor { __typename id name description municipalities { code }
      participations { status role initiative { id name } }
      ... on Organization { status contact { email phone } possibleDuplicates { id name } }
      ... on Person { title contact { email phone } consents { id } organization { id name contact { email phone } } } }`;

    /** Every way to reach the test's actors: by id, nested, search, lists, paths, overlaps and partner suggestions. */
    async function everything(viewer: ViewerName) {
      const responses: Record<string, GraphQLResponse> = {};
      const run = async (name: string, query: string, variables: Record<string, unknown> = {}) => {
        responses[name] = await ask(viewer, query, variables);
      };
      for (const [name, id] of Object.entries({ X: X.id, Y: Y.id, Z: Z.id, P: P.id, C: C.id, R: R.id, R2: R2.id })) {
        await run(`actor(${name})`, `query ($id: ID!) { actor(id: $id) { ...A } } ${actorFields}`, { id });
      }
      for (const [name, id] of Object.entries({ I: I.id, J: J.id, K: K.id })) {
        await run(`initiative(${name})`, `query ($id: ID!) { initiative(id: $id) { id name participants { status role actor { ...A } } } } ${actorFields}`, { id });
      }
      for (const [name, text] of Object.entries({ P: P.name, R: R.name, C: C.name, token })) {
        await run(
          `search(${name})`,
          `query ($t: String!, $n: Int) { search(text: $t, first: $n) { __typename ... on Organization { ...A } ... on Person { ...A }
            ... on Initiative { id name participants { status actor { id name } } } } } ${actorFields}`,
          { t: text, n: 50 },
        );
        await run(
          `actors(text ${name})`,
          `query ($f: ActorFilter, $n: Int) { actors(filter: $f, first: $n) { totalCount edges { cursor node { ...A } } pageInfo { endCursor } } } ${actorFields}`,
          { f: { text }, n: 100 },
        );
      }
      await run(
        'actors(kommun)',
        `query ($f: ActorFilter, $n: Int) { actors(filter: $f, first: $n) { totalCount edges { cursor node { ...A } } pageInfo { endCursor } } } ${actorFields}`,
        { f: { municipalities: [INSIDE] }, n: 100 },
      );
      for (const [name, from, to] of [['X→R', X.id, R.id], ['X→P', X.id, P.id], ['Y→R', Y.id, R.id], ['Y→P', Y.id, P.id], ['X→C', X.id, C.id]] as const) {
        await run(`path(${name})`, `query ($f: ID!, $t: ID!) { path(fromId: $f, toId: $t, maxHops: 6) { length steps { via initiative { id name } actor { ...A } } } } ${actorFields}`, {
          f: from,
          t: to,
        });
      }
      await run(
        'overlaps',
        `query ($m: [String!], $n: Int) { overlaps(filter: { municipalities: $m }, first: $n) { a { id } b { id } sharedParticipants { ...A } } } ${actorFields}`,
        { m: [INSIDE], n: 100 },
      );
      for (const [name, id] of Object.entries({ X: X.id, I: I.id, Y: Y.id })) {
        await run(`partnerSuggestions(${name})`, `query ($id: ID!, $n: Int) { partnerSuggestions(forId: $id, first: $n) { score reasons { kind detail } actor { ...A } } } ${actorFields}`, {
          id,
          n: 50,
        });
      }
      return responses;
    }

    /** Where each secret shows: the question, and whether it was plain or inside an opaque string such as a cursor. */
    function leaksOf(responses: Record<string, GraphQLResponse>, secrets: Record<string, string>): string[] {
      return Object.entries(responses).flatMap(([name, response]) =>
        Object.entries(secrets).flatMap(([what, secret]) => [
          ...(JSON.stringify(response).includes(secret) ? [`${what} in ${name}`] : []),
          ...(decodedStrings(response).some((text) => text.includes(secret)) ? [`${what} in ${name}, inside an opaque string`] : []),
        ]),
      );
    }

    function decodedStrings(value: unknown): string[] {
      if (typeof value === 'string') return /^[A-Za-z0-9_-]{8,}$/.test(value) ? [Buffer.from(value, 'base64url').toString('utf8')] : [];
      if (Array.isArray(value)) return value.flatMap(decodedStrings);
      if (value && typeof value === 'object') return Object.values(value).flatMap(decodedStrings);
      return [];
    }

    const ids = (list: { id?: string; actor?: { id: string } }[] | null | undefined) => (list ?? []).map((item) => item.id ?? item.actor?.id);

    let seen: Record<'admin' | 'anonymous' | 'researcher', Record<string, GraphQLResponse>>;

    beforeAll(async () => {
      seen = { admin: await everything('admin'), anonymous: await everything('anonymous'), researcher: await everything('researcher') };
    });

    it('answers every question without errors, for everyone', () => {
      const failing = Object.entries(seen).flatMap(([viewer, responses]) =>
        Object.entries(responses)
          .filter(([, response]) => response.errors)
          .map(([name, response]) => `${viewer} ${name}: ${response.errors![0]!.message}`),
      );
      expect(failing).toEqual([]);
    });

    it('shows an admin what the others must not see, so that every check below can fail', () => {
      const admin = seen.admin;
      expect(ids(admin['search(P)']!.data!.search)).toContain(P.id);
      expect(ids(admin['search(R)']!.data!.search)).toContain(R.id);
      expect(ids(admin['actors(text P)']!.data!.actors.edges.map((e: { node: { id: string } }) => e.node))).toContain(P.id);
      expect(ids(admin['actors(text R)']!.data!.actors.edges.map((e: { node: { id: string } }) => e.node))).toContain(R.id);
      for (const path of ['X→R', 'X→P', 'Y→R', 'Y→P']) expect(admin[`path(${path})`]!.data!.path, path).not.toBeNull();
      const overlaps = admin.overlaps!.data!.overlaps as { a: { id: string }; b: { id: string }; sharedParticipants: { id: string }[] }[];
      const pair = (a: string, b: string) => overlaps.find((o) => [o.a.id, o.b.id].sort().join() === [a, b].sort().join());
      expect(ids(pair(I.id, J.id)?.sharedParticipants)).toEqual(expect.arrayContaining([Z.id, P.id, X.id]));
      expect(ids(pair(I.id, K.id)?.sharedParticipants)).toEqual(expect.arrayContaining([Z.id, R.id]));
      expect(ids(admin['partnerSuggestions(X)']!.data!.partnerSuggestions)).toContain(R.id);
      expect(JSON.stringify(admin['partnerSuggestions(X)'])).toContain(P.name);
      expect(JSON.stringify(admin['partnerSuggestions(I)'])).toContain(P.name);
      const secrets = { 'C email': C.email, 'C phone': C.phone, 'X email': X.email, 'X phone': X.phone, 'P email': P.email, 'R email': R.email };
      expect(leaksOf(admin, secrets)).toEqual(expect.arrayContaining(Object.keys(secrets).map((what) => expect.stringMatching(new RegExp(`^${what} in `)))));
      // Names show to anyone but researchers (cursors name items by id only, for everyone).
      expect(leaksOf(seen.anonymous, { 'C name': C.name })).toEqual(expect.arrayContaining(['C name in actor(C)']));
      expect(admin['actor(X)']!.data!.actor.participations).toContainEqual({ status: 'CLAIMED', role: 'PARTNER', initiative: { id: I.id, name: I.name } });
      expect(ids(admin['initiative(I)']!.data!.initiative.participants)).toContain(X.id);
    });

    for (const viewer of ['anonymous', 'researcher'] as const) {
      describe(`to ${viewer === 'anonymous' ? 'an anonymous caller' : 'a researcher'}`, () => {
        const responses = () => seen[viewer];
        const data = (name: string) => responses()[name]!.data!;

        it('never finds the pending P or the role model R without consent by their names', () => {
          for (const name of ['P', 'R']) {
            expect(ids(data(`search(${name})`).search)).not.toContain(P.id);
            expect(ids(data(`search(${name})`).search)).not.toContain(R.id);
            expect(ids(data(`actors(text ${name})`).actors.edges.map((e: { node: { id: string } }) => e.node))).toEqual([]);
          }
          // The search does answer: it finds the verified organisations of the same words.
          expect(ids(data('search(P)').search)).toContain(PLookAlike.id);
        });

        it('never reaches P or R by id, through a path, an overlap or a partner suggestion', () => {
          expect(data('actor(P)').actor).toBeNull();
          expect(data('actor(R)').actor).toBeNull();
          for (const path of ['X→R', 'X→P', 'Y→R', 'Y→P']) expect(data(`path(${path})`).path, path).toBeNull();
          const overlaps = data('overlaps').overlaps as { a: { id: string }; b: { id: string }; sharedParticipants: { id: string }[] }[];
          const pair = (a: string, b: string) => overlaps.find((o) => [o.a.id, o.b.id].sort().join() === [a, b].sort().join());
          // Z takes part in both; P, R and X's mere claim are not shown.
          expect(ids(pair(I.id, J.id)?.sharedParticipants)).toEqual([Z.id]);
          expect(ids(pair(I.id, K.id)?.sharedParticipants)).toEqual([Z.id]);
          for (const subject of ['X', 'I', 'Y']) {
            const suggestions = responses()[`partnerSuggestions(${subject})`]!;
            expect(ids(suggestions.data!.partnerSuggestions), subject).not.toContain(R.id);
            expect(ids(suggestions.data!.partnerSuggestions), subject).not.toContain(P.id);
            expect(JSON.stringify(suggestions), subject).not.toContain(P.name);
            expect(JSON.stringify(suggestions), subject).not.toContain(R.name);
          }
          expect(ids(data('partnerSuggestions(I)').partnerSuggestions)).toContain(X.id);
        });

        it('goes around P, R and the claim on a path, and takes the longer way through visible actors', () => {
          const path = data('path(X→C)').path as { length: number; steps: { initiative: { id: string } | null; actor: { id: string } | null }[] };
          expect(path).not.toBeNull();
          // X only claims to take part in I, so the path cannot be X – I – C.
          expect(path.length).toBe(4);
          expect(path.steps[1]!.initiative?.id).not.toBe(I.id);
          expect(path.steps.map((step) => step.actor?.id).filter(Boolean)).not.toEqual(expect.arrayContaining([P.id]));
          expect(path.steps.map((step) => step.actor?.id).filter(Boolean)).not.toEqual(expect.arrayContaining([R.id]));
        });

        it('never shows the CLAIMED participation of X, through the actor or the initiative', () => {
          const participations = data('actor(X)').actor.participations as { status: string; initiative: { id: string } }[];
          expect(participations.map((p) => p.initiative.id)).toContain(J.id);
          expect(participations.map((p) => p.initiative.id)).not.toContain(I.id);
          expect(participations.map((p) => p.status)).not.toContain('CLAIMED');
          const participants = data('initiative(I)').initiative.participants as { status: string; actor: { id: string } }[];
          expect(participants.map((p) => p.actor.id)).not.toContain(X.id);
          expect(participants.map((p) => p.status)).not.toContain('CLAIMED');
          expect(participants.map((p) => p.actor.id).sort()).toEqual([Y.id, C.id, Z.id].sort());
        });

        it('never shows contact data, in any answer', () => {
          const secrets = { 'C email': C.email, 'C phone': C.phone, 'X email': X.email, 'X phone': X.phone, 'P email': P.email, 'R email': R.email };
          expect(leaksOf(responses(), secrets)).toEqual([]);
        });

        if (viewer === 'researcher') {
          it('never shows a person’s real name, title or description, not even inside an opaque cursor', () => {
            expect(leaksOf(responses(), { 'C name': C.name, 'R name': R.name, 'R2 name': R2.name, 'C title': titleOfC })).toEqual([]);
            // C is still there, under its pseudonym.
            const participants = data('initiative(I)').initiative.participants as { actor: { id: string; name: string } }[];
            expect(participants.find((p) => p.actor.id === C.id)?.actor.name).toMatch(/^Person [0-9a-f]{10}$/);
          });

          it('does not find people by their real names', () => {
            expect(ids(data('search(C)').search)).not.toContain(C.id);
            expect(ids(data('actors(text C)').actors.edges.map((e: { node: { id: string } }) => e.node))).not.toContain(C.id);
            // Anyone else finds C so.
            expect(ids(seen.anonymous['search(C)']!.data!.search)).toContain(C.id);
          });
        }
      });
    }
  });

  describe('an association changes only its own organisation, however it names another one', () => {
    const read = 'query ($id: ID!) { actor(id: $id) { name description ... on Organization { contact { email phone } } } }';

    it('by its id: FORBIDDEN, and Y stays as it was', async () => {
      const before = (await asAdmin(read, { id: Y.id })).actor;
      const response = await ask('associationX', 'mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "Kapad", description: "Kapad", email: "kapad@example.org" }) { name } }', {
        id: Y.id,
      });
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect((await asAdmin(read, { id: Y.id })).actor).toEqual(before);
    });

    it('by a nested field of its own update: refused, and neither X nor Y changes', async () => {
      const [beforeX, beforeY] = [(await asAdmin(read, { id: X.id })).actor, (await asAdmin(read, { id: Y.id })).actor];
      const inline = await ask('associationX', 'mutation ($x: ID!, $y: ID!) { updateOrganization(id: $x, input: { id: $y, name: "Kapad" }) { name } }', {
        x: X.id,
        y: Y.id,
      });
      expect(inline.errors).toBeDefined();
      const throughVariables = await ask('associationX', 'mutation ($x: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $x, input: $input) { name } }', {
        x: X.id,
        input: { organizationId: Y.id, name: 'Kapad' },
      });
      expect(throughVariables.errors).toBeDefined();
      expect((await asAdmin(read, { id: X.id })).actor).toEqual(beforeX);
      expect((await asAdmin(read, { id: Y.id })).actor).toEqual(beforeY);
    });

    it('in a list of updates in one request: its own goes through, the other one is FORBIDDEN', async () => {
      const beforeY = (await asAdmin(read, { id: Y.id })).actor;
      const description = `Egen beskrivning ${hex()}`;
      const response = await ask(
        'associationX',
        `mutation ($x: ID!, $y: ID!, $d: String) {
          own: updateOrganization(id: $x, input: { description: $d }) { id }
          other: updateOrganization(id: $y, input: { description: "Kapad" }) { id } }`,
        { x: X.id, y: Y.id, d: description },
      );
      expect(response.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['other'], 'FORBIDDEN']]);
      expect((await asAdmin(read, { id: X.id })).actor.description).toBe(description);
      expect((await asAdmin(read, { id: Y.id })).actor).toEqual(beforeY);

      // A batch of operations in one HTTP request is not accepted at all.
      const batch = await fetch(`${client().url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...as('associationX') },
        body: JSON.stringify([{ query: 'mutation ($y: ID!) { updateOrganization(id: $y, input: { description: "Kapad" }) { id } }', variables: { y: Y.id } }]),
      });
      expect(batch.status).toBeGreaterThanOrEqual(400);
      expect((await asAdmin(read, { id: Y.id })).actor).toEqual(beforeY);
    });

    it('claims only for its own organisation: the claim is X’s, never Y’s, whatever the input says', async () => {
      const initiative = await freshInitiative(false);
      const naming = await ask('associationX', 'mutation ($i: ID!, $y: ID!) { claimParticipation(input: { initiativeId: $i, role: MEMBER, actorId: $y }) { actor { id } } }', {
        i: initiative,
        y: Y.id,
      });
      expect(naming.errors).toBeDefined();
      expect((await asAdmin(participantsQuery, { id: initiative })).initiative.participants).toEqual([{ role: 'LEAD', status: 'CONFIRMED', actor: { id: Y.id } }]);

      const claim = await client().data(
        'mutation ($i: ID!) { claimParticipation(input: { initiativeId: $i, role: MEMBER }) { status actor { id } } }',
        { i: initiative },
        as('associationX'),
      );
      expect(claim.claimParticipation).toEqual({ status: 'CLAIMED', actor: { id: X.id } });
      const participants = (await asAdmin(participantsQuery, { id: initiative })).initiative.participants;
      expect(participants).toHaveLength(2);
      expect(participants).toContainEqual({ role: 'MEMBER', status: 'CLAIMED', actor: { id: X.id } });
    });

    it('cannot confirm its own claim on an initiative another organisation leads', async () => {
      const initiative = await freshInitiative(true);
      const response = await ask('associationX', 'mutation ($a: ID!, $i: ID!) { reviewParticipation(actorId: $a, initiativeId: $i, confirm: true) { status } }', {
        a: X.id,
        i: initiative,
      });
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect((await asAdmin(participantsQuery, { id: initiative })).initiative.participants).toContainEqual({ role: 'PARTNER', status: 'CLAIMED', actor: { id: X.id } });
    });
  });
});
