import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGrants } from '../../server/repositories/grants.ts';
import { writeParticipations } from '../../server/repositories/participations.ts';
import { writeSources } from '../../server/repositories/sources.ts';
import { newId } from '../../server/shared/ids.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';
import { useTestService } from '../helpers/service.ts';

// Dorotea (2425) is this file's kommun, Åsele (2463) one outside the outsider's reach: no other test file uses either.
const KOMMUN = '2425';
const ELSEWHERE = '2463';

const createOrganization = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const createInitiative = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`;
const merge = `mutation ($keepId: ID!, $mergeId: ID!, $reason: String!) {
  mergeOrganizations(keepId: $keepId, mergeId: $mergeId, reason: $reason) { id name organizationNumber version } }`;
const source = { title: 'Föreningsregistret', publisher: 'Dorotea kommun' };
const password = 'Fjällvandring-2026';

describe('mergeOrganizations: a duplicate registration goes into the organisation already registered', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Dorotea');
  const ids: string[] = [];
  const email = `${token.toLowerCase()}@example.org`;
  const organizationNumber = validOrganizationNumber();
  const sources = { registry: newId(), minutes: newId() };
  let admin: TestAccount;
  let strategist: TestAccount;
  let outsider: TestAccount;
  let keepId: string;
  let duplicateId: string;
  let partnerId: string;
  let strangerId: string;
  let unitId: string;
  let personId: string;
  let camp: string;
  let school: string;
  let registrationSources: string[];

  const asStrategist = (query: string, variables: Record<string, unknown> = {}) => client().data(query, variables, strategist.headers);
  const organization = async (name: string, more: Record<string, unknown> = {}) =>
    (await asStrategist(createOrganization, { input: { kind: 'ASSOCIATION', name: `${token} ${name}`, themes: ['fritid'], municipalities: [KOMMUN], source, ...more } }))
      .createOrganization.id as string;

  beforeAll(async () => {
    admin = await createTestAccount(db, 'ADMIN');
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [KOMMUN] });
    outsider = await createTestAccount(db, 'STRATEGIST', { municipalities: [ELSEWHERE] });
    keepId = await organization('Idrottsförening');
    partnerId = await organization('Skidklubben');
    strangerId = await organization('Simklubben');
    const registration = { name: `${token} Idrottsföreningen`, organizationNumber, municipality: KOMMUN, themes: ['halsa'], description: 'Fotboll och skidor.', email, password };
    duplicateId = (await client().data(`mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id } }`, { input: registration })).registerAssociation.id;
    registrationSources = (await client().data('query ($id: ID!) { actor(id: $id) { sources { id } } }', { id: duplicateId }, admin.headers)).actor.sources.map(
      (s: { id: string }) => s.id,
    );
    unitId = await organization('Idrottsföreningens ungdomssektion', { parent: duplicateId });
    const initiative = async (name: string) =>
      (await asStrategist(createInitiative, { input: { kind: 'ACTIVITY', name: `${token} ${name}`, themes: ['fritid'], municipalities: [KOMMUN], source } })).createInitiative.id as string;
    camp = await initiative('Sommarläger');
    school = await initiative('Skidskola');
    personId = (await asStrategist(`mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, {
      input: { name: `Tränaren ${token}`, affiliation: duplicateId, source },
    })).createPerson.id;
    ids.push(keepId, partnerId, strangerId, duplicateId, unitId, camp, school, personId);

    await db.write(async (tx) => {
      const author = 'test';
      await writeSources(tx, [
        { id: sources.registry, title: 'Registret', publisher: 'Dorotea kommun', url: null, published: null, document: null },
        { id: sources.minutes, title: 'Protokoll', publisher: 'Föreningen', url: null, published: null, document: null },
      ], { author });
      const participation = (actor: string, initiative: string, role: 'LEAD' | 'PARTNER', cited: string) =>
        ({ id: newId(), actor, initiative, role, since: null, until: null, status: 'CONFIRMED' as const, sources: [cited] });
      await writeParticipations(tx, [
        participation(keepId, camp, 'PARTNER', sources.registry),
        participation(duplicateId, camp, 'PARTNER', sources.minutes),
        participation(duplicateId, school, 'LEAD', sources.minutes),
        participation(partnerId, school, 'PARTNER', sources.registry),
      ], { mode: 'create', author });
      await writeGrants(tx, [
        { id: newId(), funder: duplicateId, initiative: camp, amount: 25_000, currency: 'SEK', programme: null, awarded: null, sources: [sources.minutes] },
      ], { mode: 'create', author });
    });
  });
  afterAll(async () => {
    await db.write((tx) => tx.run({ text: 'MATCH (m:MergedId) WHERE m.id IN $ids DETACH DELETE m', parameters: { ids } }));
    await removeNodes(db, ids);
  });

  /** Everything that could be left behind by the duplicate's id, or written by a merge. */
  const traces = async () => {
    const result = await db.query({
      text: `RETURN COUNT { (:Organization {id: $duplicate}) } AS organizations, COUNT { (:MergedId {id: $duplicate}) } AS mergedIds,
                    COUNT { (:Organization {id: $duplicate})-[:PARTICIPATES_IN]->() } AS participations,
                    COUNT { (c:Change {action: 'mergeOrganizations'}) WHERE c.targetId IN [$duplicate, $keep] } AS changes,
                    COUNT { (e:AuditEntry {action: 'mergeOrganizations'}) WHERE $duplicate IN e.targetIds } AS audits`,
      parameters: { duplicate: duplicateId, keep: keepId },
    });
    return result.records[0]!.toObject();
  };

  it('refuses a strategist of another kommun, and an association, and writes nothing', async () => {
    const before = await traces();
    expect(before).toEqual({ organizations: 1, mergedIds: 0, participations: 2, changes: 0, audits: 0 });
    const association = await createTestAccount(db, 'ASSOCIATION', { organizationId: keepId });
    for (const account of [outsider, association]) {
      const refused = await client().graphql(merge, { keepId, mergeId: duplicateId, reason: 'Samma förening' }, account.headers);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await traces()).toEqual(before);
  });

  it('names bad ids: the same organisation twice, an id that names no organisation', async () => {
    const bad = async (variables: Record<string, unknown>) => (await client().graphql(merge, { reason: 'Dubblett', ...variables }, strategist.headers)).errors?.[0]?.extensions;
    expect(await bad({ keepId, mergeId: keepId })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mergeId' });
    expect(await bad({ keepId: newId(), mergeId: duplicateId })).toMatchObject({ code: 'NOT_FOUND', field: 'keepId' });
    expect(await bad({ keepId, mergeId: camp })).toMatchObject({ code: 'NOT_FOUND', field: 'mergeId' });
    expect(await bad({ keepId, mergeId: personId })).toMatchObject({ code: 'NOT_FOUND', field: 'mergeId' });
    expect(await bad({ keepId, mergeId: duplicateId, reason: '' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it('moves participations, grants, sources, people, units and the account onto the kept organisation', async () => {
    const kept = (await asStrategist(merge, { keepId, mergeId: duplicateId, reason: 'Samma förening, registrerad två gånger' })).mergeOrganizations;
    // What the kept organisation lacked, it takes from the registration.
    expect(kept).toEqual({ id: keepId, name: `${token} Idrottsförening`, organizationNumber, version: 2 });
    expect(await traces()).toEqual({ organizations: 0, mergedIds: 1, participations: 0, changes: 2, audits: 1 });

    const profile = (await client().data(
      `query ($id: ID!) { actor(id: $id) { ... on Organization { themes { key } municipalities { code } sources { id }
         units { id } participations { role initiative { id } sources { id } } } } }`,
      { id: keepId },
      strategist.headers,
    )).actor;
    expect(profile.themes.map((t: { key: string }) => t.key).sort()).toEqual(['fritid', 'halsa']);
    expect(profile.municipalities).toEqual([{ code: KOMMUN }]);
    expect(registrationSources).toHaveLength(1);
    expect(profile.sources.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(registrationSources));
    expect(profile.units).toEqual([{ id: unitId }]);
    // The kept one's own participation in the camp stays, with the duplicate's source besides its own.
    const participations = profile.participations.map((p: { role: string; initiative: { id: string }; sources: { id: string }[] }) => ({
      role: p.role,
      initiative: p.initiative.id,
      sources: p.sources.map((s) => s.id).sort(),
    }));
    expect(participations).toEqual(
      expect.arrayContaining([
        { role: 'PARTNER', initiative: camp, sources: [sources.registry, sources.minutes].sort() },
        { role: 'LEAD', initiative: school, sources: [sources.minutes] },
      ]),
    );
    expect(participations).toHaveLength(2);

    const grants = (await client().data('query ($id: ID!) { initiative(id: $id) { grants { funder { id } amount } } }', { id: camp })).initiative.grants;
    expect(grants).toEqual([{ funder: { id: keepId }, amount: 25_000 }]);
    const person = (await asStrategist('query ($id: ID!) { actor(id: $id) { ... on Person { organization { id } } } }', { id: personId })).actor;
    expect(person.organization).toEqual({ id: keepId });

    // The registration's account now speaks for the kept organisation.
    const login = (await client().data('mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { account { organization { id } } } }', { email, password }))
      .login;
    expect(login.account.organization).toEqual({ id: keepId });
  });

  it('answers every query by the merged id with the kept organisation: actor, batched actors, history, partner suggestions and paths', async () => {
    const one = (await client().data('query ($id: ID!) { actor(id: $id) { id name } }', { id: duplicateId })).actor;
    expect(one).toEqual({ id: keepId, name: `${token} Idrottsförening` });
    const withLinks = (await client().data('query ($id: ID!) { actor(id: $id) { id themes { key } } }', { id: duplicateId })).actor;
    expect(withLinks.id).toBe(keepId);
    const batched = await client().data('query ($a: ID!, $b: ID!) { a: actor(id: $a) { id } b: actor(id: $b) { id } }', { a: duplicateId, b: keepId });
    expect(batched).toEqual({ a: { id: keepId }, b: { id: keepId } });

    const history = `query ($id: ID!) { history(id: $id) { edges { node { id action targetId reason fields { field before after } } } } }`;
    const byMerged = (await asStrategist(history, { id: duplicateId })).history.edges;
    expect(byMerged).toEqual((await asStrategist(history, { id: keepId })).history.edges);
    const newest = byMerged[0].node;
    expect(newest).toMatchObject({ action: 'mergeOrganizations', targetId: keepId, reason: 'Samma förening, registrerad två gånger' });
    expect(newest.fields).toEqual(
      expect.arrayContaining([
        { field: 'description', before: null, after: JSON.stringify('Fotboll och skidor.') },
        { field: 'organizationNumber', before: null, after: JSON.stringify(organizationNumber) },
        { field: 'themes', before: JSON.stringify(['fritid']), after: JSON.stringify(['fritid', 'halsa']) },
      ]),
    );
    const mergedAway = await db.query<{ fields: string; reason: string; subjectIds: string[] }>({
      text: `MATCH (c:Change {targetId: $id, action: 'mergeOrganizations'}) RETURN c.fields AS fields, c.reason AS reason, c.subjectIds AS subjectIds`,
      parameters: { id: duplicateId },
    });
    expect(mergedAway.records[0]!.toObject()).toMatchObject({ reason: 'Samma förening, registrerad två gånger', subjectIds: [keepId] });
    expect(JSON.parse(mergedAway.records[0]!.get('fields'))).toContainEqual({ field: 'mergedInto', before: null, after: JSON.stringify(keepId), personal: false });

    // Only this file's own organisations are compared: others in the län may land between the two calls.
    const suggestions = async (forId: string) =>
      (await client().data('query ($id: ID!) { partnerSuggestions(forId: $id, first: 50) { actor { id name } score } }', { id: forId })).partnerSuggestions.filter(
        (s: { actor: { name: string } }) => s.actor.name.startsWith(token),
      );
    const forMerged = await suggestions(duplicateId);
    expect(forMerged).toEqual(await suggestions(keepId));
    expect(forMerged.map((s: { actor: { id: string } }) => s.actor.id)).toContain(strangerId);

    const path = `query ($from: ID!, $to: ID!) { path(fromId: $from, toId: $to) { length steps { actor { id } initiative { id } via } } }`;
    const fromMerged = (await client().data(path, { from: duplicateId, to: partnerId })).path;
    expect(fromMerged).toEqual({
      length: 2,
      steps: [
        { actor: { id: keepId }, initiative: null, via: null },
        { actor: null, initiative: { id: school }, via: 'LEAD' },
        { actor: { id: partnerId }, initiative: null, via: 'PARTNER' },
      ],
    });
    expect((await client().data(path, { from: partnerId, to: duplicateId })).path.steps[2].actor).toEqual({ id: keepId });
  });

  it('leads an id merged earlier to the organisation its organisation was merged into later', async () => {
    const later = await organization('Idrottsalliansen');
    ids.push(later);
    await client().data(merge, { keepId: later, mergeId: keepId, reason: 'Föreningarna har gått samman' }, admin.headers);
    const pointers = await db.query<{ into: string }>({ text: 'MATCH (m:MergedId) WHERE m.id IN $ids RETURN m.into AS into', parameters: { ids: [duplicateId, keepId] } });
    expect(pointers.records.map((record) => record.get('into'))).toEqual([later, later]);
    expect((await client().data('query ($id: ID!) { actor(id: $id) { id } }', { id: duplicateId })).actor).toEqual({ id: later });
  });
});
