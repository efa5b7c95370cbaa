import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService, type GraphQLResponse } from '../helpers/service.ts';

// Ragunda (2303) is this file's kommun, Bräcke (2305) one outside its strategist's scope: no other test file uses either.
const KOMMUN = '2303';
const ELSEWHERE = '2305';

const createInitiative = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id status } }`;
const participationFields = `id role since until status actor { id } initiative { id } sources { title url }`;
const add = `mutation ($input: AddParticipationInput!) { addParticipation(input: $input) { ${participationFields} } }`;
const update = `mutation ($id: ID!, $input: UpdateParticipationInput!) { updateParticipation(id: $id, input: $input) { ${participationFields} } }`;
const remove = `mutation ($id: ID!, $reason: String!) { removeParticipation(id: $id, reason: $reason) }`;
const review = `mutation ($a: ID!, $i: ID!, $confirm: Boolean!) { reviewParticipation(actorId: $a, initiativeId: $i, confirm: $confirm) { id role status } }`;
const claim = `mutation ($input: ClaimParticipationInput!) { claimParticipation(input: $input) { id role status actor { id } sources { title publisher } } }`;
const participants = `query ($id: ID!) { initiative(id: $id) { participants { id role status actor { id } } } }`;
const participationsOf = `query ($id: ID!) { actor(id: $id) { participations { id role status initiative { id } } } }`;
const path = `query ($from: ID!, $to: ID!) { path(fromId: $from, toId: $to) { length steps { actor { id } initiative { id } } } }`;
const changeFields = `id action targetId targetKind byRole byOrganization { id } fields { field before after } source { title } reason`;
const history = `query ($id: ID!) { history(id: $id) { edges { node { ${changeFields} } } } }`;
const feed = `query ($since: DateTime, $after: String) { changes(since: $since, first: 100, after: $after) {
  edges { node { ${changeFields} } } pageInfo { hasNextPage endCursor } } }`;

const source = { title: 'Referensgruppens minnesanteckningar', url: 'https://example.org/referensgrupp' };
const errorOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions;

describe('participations: added, claimed, reviewed, changed and removed, each change kept', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Ragunda');
  const ids: string[] = [];
  let strategist: TestAccount;
  let outsider: TestAccount;
  let admin: TestAccount;
  let researcher: TestAccount;
  let leadAccount: TestAccount;
  let otherAccount: TestAccount;
  let unverifiedAccount: TestAccount;
  /** The association that leads the initiative, another association, an authority, and an association not yet verified. */
  let lead: string;
  let other: string;
  let authority: string;
  let unverified: string;
  let initiative: string;

  const as = (account: TestAccount | null) => account?.headers ?? {};
  const ask = (account: TestAccount | null, query: string, variables: Record<string, unknown> = {}) => client().graphql(query, variables, as(account));
  const data = (account: TestAccount | null, query: string, variables: Record<string, unknown> = {}) => client().data(query, variables, as(account));

  const newInitiative = async (name: string) => {
    const created = (
      await data(strategist, createInitiative, { input: { kind: 'PROJECT', name: `${token} ${name}`, themes: [], municipalities: [KOMMUN], source } })
    ).createInitiative;
    ids.push(created.id);
    return created.id as string;
  };
  const addBy = async (account: TestAccount, input: Record<string, unknown>) => (await data(account, add, { input: { source, ...input } })).addParticipation;
  const participantsSeenBy = async (account: TestAccount | null, id: string) => (await data(account, participants, { id })).initiative?.participants ?? null;

  /** Everything a participation write could leave behind on an initiative, to compare before and after a refused one. */
  const footprint = async (initiativeId: string) => {
    const result = await db.query({
      text: `MATCH (i:Initiative {id: $id})
             RETURN COLLECT { MATCH (a)-[r:PARTICIPATES_IN]->(i) RETURN [a.id, r.id, r.role, r.status, r.since, r.until, r.sources] ORDER BY r.id } AS participations,
                    COUNT { (c:Change) WHERE $id IN c.subjectIds } AS changes,
                    COUNT { (s:Source) WHERE s.title STARTS WITH $token } AS sources`,
      parameters: { id: initiativeId, token },
    });
    return result.records[0]!.toObject();
  };

  /** The stored change records of a participation, oldest first, as the executor wrote them. */
  const storedChanges = async (participationId: string) => {
    const result = await db.query({
      text: `MATCH (c:Change {participationId: $id}) RETURN c { .action, .targetKind, .subjectIds, .participationId, .public, .reason } AS change
             ORDER BY c.revision, c.ordinal`,
      parameters: { id: participationId },
    });
    return result.records.map((record) => record.get('change'));
  };

  /** Every change of the feed since `since` that the caller sees, following the cursors to the end. */
  const feedSince = async (account: TestAccount | null, since: string) => {
    const nodes: Record<string, any>[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const changes: Record<string, any> = (await data(account, feed, { since, after })).changes;
      nodes.push(...changes.edges.map((edge: { node: unknown }) => edge.node));
      if (!changes.pageInfo.hasNextPage) break;
      after = changes.pageInfo.endCursor;
    }
    return nodes;
  };

  beforeAll(async () => {
    [lead, other, authority, unverified] = (await createOrganizations(db, [
      { name: `${token} Hembygdsföreningen`, municipalities: [KOMMUN] },
      { name: `${token} Läxhjälpsföreningen`, municipalities: [KOMMUN] },
      { name: `${token} Biblioteket`, kind: 'MUNICIPAL_UNIT', municipalities: [KOMMUN] },
      { name: `${token} Nya föreningen`, municipalities: [KOMMUN], status: 'PENDING' },
    ])) as [string, string, string, string];
    ids.push(lead, other, authority, unverified);
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [KOMMUN] });
    outsider = await createTestAccount(db, 'STRATEGIST', { municipalities: [ELSEWHERE] });
    admin = await createTestAccount(db, 'ADMIN');
    researcher = await createTestAccount(db, 'RESEARCHER');
    leadAccount = await createTestAccount(db, 'ASSOCIATION', { organizationId: lead });
    otherAccount = await createTestAccount(db, 'ASSOCIATION', { organizationId: other });
    unverifiedAccount = await createTestAccount(db, 'ASSOCIATION', { organizationId: unverified });
    initiative = await newInitiative('Läxhjälp i biblioteket');
    await addBy(strategist, { actorId: lead, initiativeId: initiative, role: 'LEAD' });
  });
  afterAll(() => removeNodes(db, ids));

  it('lets a strategist add a participation that is CONFIRMED and public at once, citing its source, with a change record', async () => {
    const added = await addBy(strategist, { actorId: authority, initiativeId: initiative, role: 'PARTNER', since: '2026-01', until: '2026-12' });
    expect(added).toMatchObject({ role: 'PARTNER', since: '2026-01', until: '2026-12', status: 'CONFIRMED', actor: { id: authority }, sources: [source] });
    expect(await participantsSeenBy(null, initiative)).toContainEqual({ id: added.id, role: 'PARTNER', status: 'CONFIRMED', actor: { id: authority } });
    expect((await data(null, participationsOf, { id: authority })).actor.participations).toEqual([
      { id: added.id, role: 'PARTNER', status: 'CONFIRMED', initiative: { id: initiative } },
    ]);

    expect(await storedChanges(added.id)).toEqual([
      { action: 'addParticipation', targetKind: 'Participation', subjectIds: [authority, initiative], participationId: added.id, public: true, reason: null },
    ]);
    const [recorded] = (await data(null, history, { id: added.id })).history.edges.map((edge: { node: unknown }) => edge.node);
    expect(recorded).toMatchObject({ action: 'addParticipation', targetKind: 'Participation', byRole: 'STRATEGIST', byOrganization: null, source: { title: source.title } });
    expect(recorded.fields).toEqual([
      { field: 'actor', before: null, after: JSON.stringify(authority) },
      { field: 'initiative', before: null, after: JSON.stringify(initiative) },
      { field: 'role', before: null, after: '"PARTNER"' },
      { field: 'since', before: null, after: '"2026-01"' },
      { field: 'until', before: null, after: '"2026-12"' },
      { field: 'status', before: null, after: '"CONFIRMED"' },
    ]);
  });

  it('keeps an association’s claim about another organisation CLAIMED and hidden from the public until that organisation confirms it', async () => {
    const claimed = await addBy(leadAccount, { actorId: other, initiativeId: initiative, role: 'IMPLEMENTING' });
    expect(claimed).toMatchObject({ status: 'CLAIMED', actor: { id: other }, sources: [source] });
    const entry = { id: claimed.id, role: 'IMPLEMENTING', status: 'CLAIMED', actor: { id: other } };
    expect(await participantsSeenBy(null, initiative)).not.toContainEqual(entry);
    expect(await participantsSeenBy(researcher, initiative)).not.toContainEqual(entry);
    expect(await participantsSeenBy(otherAccount, initiative)).toContainEqual(entry);
    expect((await data(otherAccount, participationsOf, { id: other })).actor.participations).toContainEqual({
      id: claimed.id,
      role: 'IMPLEMENTING',
      status: 'CLAIMED',
      initiative: { id: initiative },
    });
    // Its change record follows the claim's visibility: the public does not see it in the history.
    expect((await data(null, history, { id: claimed.id })).history.edges).toEqual([]);
    expect((await data(otherAccount, history, { id: claimed.id })).history.edges).toHaveLength(1);

    // The lead made the claim, so it may not confirm it; the organisation it is about may.
    expect(errorOf(await ask(leadAccount, review, { a: other, i: initiative, confirm: true }))?.code).toBe('FORBIDDEN');
    expect(await participantsSeenBy(admin, initiative)).toContainEqual(entry);
    const confirmed = (await data(otherAccount, review, { a: other, i: initiative, confirm: true })).reviewParticipation;
    expect(confirmed).toEqual({ id: claimed.id, role: 'IMPLEMENTING', status: 'CONFIRMED' });
    expect(await participantsSeenBy(null, initiative)).toContainEqual({ ...entry, status: 'CONFIRMED' });
    expect((await storedChanges(claimed.id)).map((change) => [change.action, change.public])).toEqual([
      ['addParticipation', false],
      ['reviewParticipation', true],
    ]);
  });

  it('confirms an association in an initiative it leads at once, and makes its place in another’s a claim the lead confirms', async () => {
    const own = await addBy(leadAccount, { actorId: lead, initiativeId: initiative, role: 'FUNDER' });
    expect(own.status).toBe('CONFIRMED');

    const joined = await addBy(otherAccount, { actorId: other, initiativeId: initiative, role: 'MEMBER' });
    expect(joined.status).toBe('CLAIMED');
    expect(errorOf(await ask(otherAccount, review, { a: other, i: initiative, confirm: true }))?.code).toBe('FORBIDDEN');
    expect((await data(leadAccount, review, { a: other, i: initiative, confirm: true })).reviewParticipation).toMatchObject({ id: joined.id, status: 'CONFIRMED' });

    // Not the lead, it adds no one else, and a refusal leaves nothing behind.
    const before = await footprint(initiative);
    expect(errorOf(await ask(otherAccount, add, { input: { actorId: authority, initiativeId: initiative, role: 'MEMBER', source: { title: `${token} källa` , publisher: 'X' } } }))?.code).toBe(
      'FORBIDDEN',
    );
    expect(await footprint(initiative)).toEqual(before);
  });

  it('claims for the association’s own organisation only, citing the organisation itself, once per role', async () => {
    const claimInitiative = await newInitiative('Sommarlovsaktiviteter');
    const made = (await data(otherAccount, claim, { input: { initiativeId: claimInitiative, role: 'PARTNER', since: '2026-06' } })).claimParticipation;
    expect(made).toMatchObject({ role: 'PARTNER', status: 'CLAIMED', actor: { id: other }, sources: [{ title: `${token} Läxhjälpsföreningen: egen uppgift`, publisher: `${token} Läxhjälpsföreningen` }] });
    expect(errorOf(await ask(otherAccount, claim, { input: { initiativeId: claimInitiative, role: 'PARTNER' } }))).toMatchObject({ code: 'CONFLICT', field: 'input.role' });
    expect(errorOf(await ask(otherAccount, claim, { input: { initiativeId: claimInitiative, role: 'MEMBER', since: '2026-06', until: '2026-05' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.until',
    });
    expect(errorOf(await ask(admin, claim, { input: { initiativeId: claimInitiative, role: 'MEMBER' } }))?.code).toBe('FORBIDDEN');
    // Rejected, the role is free to claim again.
    expect((await data(strategist, review, { a: other, i: claimInitiative, confirm: false })).reviewParticipation.status).toBe('REJECTED');
    expect(errorOf(await ask(strategist, review, { a: other, i: claimInitiative, confirm: true }))).toMatchObject({ code: 'NOT_FOUND', field: 'actorId' });
    expect((await data(otherAccount, claim, { input: { initiativeId: claimInitiative, role: 'PARTNER' } })).claimParticipation.status).toBe('CLAIMED');
  });

  it('changes a role and a period, citing the new source besides the old, and refuses a role held already and an end before the start', async () => {
    const edited = await newInitiative('Språkcafé');
    const partner = await addBy(strategist, { actorId: authority, initiativeId: edited, role: 'PARTNER', since: '2025-09' });
    await addBy(strategist, { actorId: authority, initiativeId: edited, role: 'MEMBER' });
    const newer = { title: `${token} Avtal om samverkan`, publisher: 'Ragunda kommun' };

    const changed = (await data(strategist, update, { id: partner.id, input: { role: 'CO_APPLICANT', until: '2026-06', source: newer } })).updateParticipation;
    expect(changed).toMatchObject({ id: partner.id, role: 'CO_APPLICANT', since: '2025-09', until: '2026-06', status: 'CONFIRMED' });
    expect(changed.sources).toEqual(expect.arrayContaining([source, { title: newer.title, url: null }]));
    expect(changed.sources).toHaveLength(2);
    const [recorded] = (await data(null, history, { id: partner.id })).history.edges.map((edge: { node: unknown }) => edge.node);
    expect(recorded).toMatchObject({ action: 'updateParticipation', source: { title: newer.title } });
    expect(recorded.fields).toEqual([
      { field: 'role', before: '"PARTNER"', after: '"CO_APPLICANT"' },
      { field: 'until', before: null, after: '"2026-06"' },
    ]);

    const before = await footprint(edited);
    const bad = async (id: string, input: Record<string, unknown>) => errorOf(await ask(strategist, update, { id, input: { source: newer, ...input } }));
    expect(await bad(partner.id, { role: 'MEMBER' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
    expect(await bad(partner.id, { until: '2025-01' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.until' });
    expect(await bad(partner.id, { since: '2027' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.since' });
    expect(await bad('7d0c7f0e-5c4b-4f7a-9a51-3c0f3b0e9d11', { role: 'LEAD' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(errorOf(await ask(outsider, update, { id: partner.id, input: { role: 'LEAD', source: newer } }))?.code).toBe('FORBIDDEN');
    expect(errorOf(await ask(leadAccount, update, { id: partner.id, input: { role: 'LEAD', source: newer } }))?.code).toBe('FORBIDDEN');
    expect(await footprint(edited)).toEqual(before);
  });

  it('makes an association’s change of its own part in an initiative it does not lead a claim again, so that it cannot make itself lead', async () => {
    const member = await addBy(strategist, { actorId: other, initiativeId: initiative, role: 'SIGNATORY' });
    const changed = (await data(otherAccount, update, { id: member.id, input: { role: 'CO_APPLICANT', source } })).updateParticipation;
    expect(changed).toMatchObject({ role: 'CO_APPLICANT', status: 'CLAIMED' });
    expect(await participantsSeenBy(null, initiative)).not.toContainEqual(expect.objectContaining({ id: member.id }));
    // The lead confirms the changed part.
    expect((await data(leadAccount, review, { a: other, i: initiative, confirm: true })).reviewParticipation).toMatchObject({ id: member.id, status: 'CONFIRMED' });
  });

  it('takes a removed participation out of every read, and keeps the removal with its reason in the history and the feed', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    // Two organisations that meet in this initiative only, so that the path between them goes through it or nowhere.
    const [walkers, church] = (await createOrganizations(db, [
      { name: `${token} Nattvandrarna`, municipalities: [KOMMUN] },
      { name: `${token} Församlingen`, municipalities: [KOMMUN] },
    ])) as [string, string];
    ids.push(walkers, church);
    const removedFrom = await newInitiative('Nattvandring');
    const walking = await addBy(strategist, { actorId: walkers, initiativeId: removedFrom, role: 'PARTNER' });
    await addBy(strategist, { actorId: church, initiativeId: removedFrom, role: 'LEAD' });
    expect((await data(null, path, { from: walkers, to: church })).path).toMatchObject({ length: 2 });

    expect(errorOf(await ask(strategist, remove, { id: walking.id, reason: 'x' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const reason = 'Föreningen deltog aldrig; uppgiften var fel i protokollet';
    expect((await data(strategist, remove, { id: walking.id, reason })).removeParticipation).toBe(true);

    for (const viewer of [null, strategist, admin]) {
      expect((await participantsSeenBy(viewer, removedFrom)).map((p: { id: string }) => p.id)).not.toContain(walking.id);
      expect((await data(viewer, participationsOf, { id: walkers })).actor.participations).toEqual([]);
    }
    expect((await data(null, path, { from: walkers, to: church })).path).toBeNull();

    // The participation was public, so its removal is too: anyone reads it, with the reason.
    const removal = { action: 'removeParticipation', targetId: walking.id, targetKind: 'Participation', byRole: 'STRATEGIST', reason };
    const [latest] = (await data(null, history, { id: walking.id })).history.edges.map((edge: { node: unknown }) => edge.node);
    expect(latest).toMatchObject(removal);
    expect(latest.fields).toEqual([{ field: 'status', before: '"CONFIRMED"', after: '"REMOVED"' }]);
    expect(await feedSince(null, since)).toContainEqual(expect.objectContaining(removal));
    expect((await storedChanges(walking.id)).at(-1)).toMatchObject({ action: 'removeParticipation', public: true, reason });
    const stored = await db.query({
      text: 'MATCH ()-[r:PARTICIPATES_IN {id: $id}]->() RETURN r.status AS status, r.removedReason AS reason, r.removedAt IS NOT NULL AS dated',
      parameters: { id: walking.id },
    });
    expect(stored.records[0]!.toObject()).toEqual({ status: 'REMOVED', reason, dated: true });

    // Removed is gone for edits too, and its role is free again.
    expect(errorOf(await ask(strategist, remove, { id: walking.id, reason }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(errorOf(await ask(strategist, update, { id: walking.id, input: { role: 'MEMBER', source } }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await addBy(strategist, { actorId: walkers, initiativeId: removedFrom, role: 'PARTNER' })).status).toBe('CONFIRMED');
  });

  it('keeps the removal of a claim that was never public from everyone but admins', async () => {
    const claimed = await addBy(leadAccount, { actorId: authority, initiativeId: initiative, role: 'CONTACT' });
    await data(leadAccount, remove, { id: claimed.id, reason: 'Fel organisation angavs' });
    expect((await data(null, history, { id: claimed.id })).history.edges).toEqual([]);
    expect((await data(leadAccount, history, { id: claimed.id })).history.edges).toEqual([]);
    const seenByAdmin = (await data(admin, history, { id: claimed.id })).history.edges.map((edge: { node: { action: string } }) => edge.node.action);
    expect(seenByAdmin).toEqual(['removeParticipation', 'addParticipation']);
  });

  it('names the field of bad input', async () => {
    const bad = async (input: Record<string, unknown>) => errorOf(await ask(strategist, add, { input: { actorId: authority, initiativeId: initiative, role: 'CONTACT', source, ...input } }));
    const nowhere = '0b3d2c1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d';
    expect(await bad({ actorId: nowhere })).toMatchObject({ code: 'NOT_FOUND', field: 'input.actorId' });
    expect(await bad({ initiativeId: nowhere })).toMatchObject({ code: 'NOT_FOUND', field: 'input.initiativeId' });
    expect(await bad({ actorId: 'not-an-id' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.actorId' });
    expect(await bad({ role: 'LEAD', actorId: lead })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
    expect(await bad({ since: '2026-05', until: '2026-04-30' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.until' });
    expect(await bad({ source: { url: 'https://example.org' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.source.title' });
    expect(await bad({ source: { title: 'Protokoll', url: 'ftp://example.org/p' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.source.url' });
    expect(await bad({ source: { id: nowhere } })).toMatchObject({ code: 'NOT_FOUND', field: 'input.source.id' });
  });

  it('writes nothing for a caller who may not write: anonymous, a researcher, a strategist elsewhere, an association not verified', async () => {
    const target = await addBy(strategist, { actorId: authority, initiativeId: initiative, role: 'SIGNATORY' });
    const before = await footprint(initiative);
    const refusedSource = { title: `${token} Avvisad källa`, publisher: 'Någon' };
    const attempts = [
      { query: add, variables: { input: { actorId: unverified, initiativeId: initiative, role: 'PARTNER', source: refusedSource } } },
      { query: update, variables: { id: target.id, input: { role: 'PARTNER', source: refusedSource } } },
      { query: remove, variables: { id: target.id, reason: 'Ingen anledning alls' } },
    ];
    for (const [account, code] of [
      [null, 'UNAUTHENTICATED'],
      [researcher, 'FORBIDDEN'],
      [outsider, 'FORBIDDEN'],
      [unverifiedAccount, 'FORBIDDEN'],
    ] as const) {
      for (const { query, variables } of attempts) expect(errorOf(await ask(account, query, variables))?.code).toBe(code);
    }
    expect(await footprint(initiative)).toEqual(before);
  });
});
