import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Robertsfors (2404) is this file's kommun.
const KOMMUN = '2404';

/**
 * The story the write side is for: at the referensgrupp's meeting a mångfaldsstrateg hears that three
 * associations have started homework help with the library, and records it with its partners and grant,
 * each fact citing the meeting's minutes.
 */
describe('a strategist maps an initiative with its partners and its grant', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Laxhjalp');
  const ids: string[] = [];
  const minutes = { title: 'Referensgruppens protokoll 2026-11-12', publisher: 'Robertsfors kommun', published: '2026-11-12' };
  let strategist: TestAccount;
  let partners: string[];

  beforeAll(async () => {
    partners = await createOrganizations(db, [
      { name: `${token} Somaliska föreningen`, municipalities: [KOMMUN] },
      { name: `${token} Studieförbundet`, municipalities: [KOMMUN] },
      { name: `${token} Fotbollsklubben`, municipalities: [KOMMUN] },
    ]);
    ids.push(...partners);
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [KOMMUN] });
  });
  afterAll(() => removeNodes(db, ids));

  it('records the library, the initiative, three partners and a grant, each citing the minutes, and the public sees it all at once', async () => {
    const startedAt = new Date().toISOString();
    const as = (query: string, variables: Record<string, unknown>) => client().data(query, variables, strategist.headers);
    const library = (
      await as(`mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id status } }`, {
        input: { kind: 'MUNICIPAL_UNIT', name: `${token} Biblioteket`, themes: ['sprak-och-utbildning'], municipalities: [KOMMUN], source: minutes },
      })
    ).createOrganization;
    ids.push(library.id);
    const sourceId = (await client().data(`query ($id: ID!) { actor(id: $id) { sources { id title } } }`, { id: library.id })).actor.sources[0].id;

    const initiative = (
      await as(`mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id status } }`, {
        input: { kind: 'ACTIVITY', name: `${token} Läxhjälp på biblioteket`, start: '2026-11', themes: ['sprak-och-utbildning', 'barn-och-unga'], municipalities: [KOMMUN], source: { id: sourceId } },
      })
    ).createInitiative;
    ids.push(initiative.id);
    expect(initiative.status).toBe('VERIFIED');

    const add = (actorId: string, role: string) =>
      as(`mutation ($input: AddParticipationInput!) { addParticipation(input: $input) { id status role } }`, {
        input: { actorId, initiativeId: initiative.id, role, since: '2026-11', source: { id: sourceId } },
      });
    const written = [library.id, initiative.id];
    const lead = (await add(library.id, 'LEAD')).addParticipation;
    expect(lead).toMatchObject({ status: 'CONFIRMED', role: 'LEAD' });
    written.push(lead.id);
    for (const partner of partners) {
      const participation = (await add(partner, 'PARTNER')).addParticipation;
      expect(participation).toMatchObject({ status: 'CONFIRMED' });
      written.push(participation.id);
    }

    const grant = (
      await as(`mutation ($input: AddGrantInput!) { addGrant(input: $input) { id amount currency initiative { id } } }`, {
        input: { initiativeId: initiative.id, funderId: library.id, amount: 45000, currency: 'SEK', programme: 'Föreningsbidrag', awarded: '2026-11', source: { id: sourceId } },
      })
    ).addGrant;
    expect(grant).toMatchObject({ amount: 45000, currency: 'SEK', initiative: { id: initiative.id } });
    written.push(grant.id);

    // What the public sees: the initiative, its four participants and the grant, each citing the minutes.
    const seen = (
      await client().data(
        `query ($id: ID!) { initiative(id: $id) { name participants { role status actor { id } sources { title } }
          grants { amount funder { id } sources { title } } sources { title } history { action } } }`,
        { id: initiative.id },
      )
    ).initiative;
    expect(seen.sources).toEqual([{ title: minutes.title }]);
    expect(seen.participants).toHaveLength(4);
    for (const participant of seen.participants) expect(participant).toMatchObject({ status: 'CONFIRMED', sources: [{ title: minutes.title }] });
    expect(seen.grants).toEqual([{ amount: 45000, funder: { id: library.id }, sources: [{ title: minutes.title }] }]);
    expect(seen.history.map((change: { action: string }) => change.action)).toEqual(['createInitiative']);

    // And the changes, in the order they were made, as a researcher's mirror follows them.
    type Page = { changes: { edges: { node: { action: string; targetId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const feed: { action: string; targetId: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const { changes }: Page = await client().data<Page>(
        `query ($since: DateTime, $after: String) { changes(since: $since, first: 100, after: $after) { edges { node { action targetId } } pageInfo { hasNextPage endCursor } } }`,
        { since: startedAt, after },
      );
      feed.push(...changes.edges.map((edge) => edge.node));
      if (!changes.pageInfo.hasNextPage) break;
      after = changes.pageInfo.endCursor;
    }
    const ours = feed.filter((node) => written.includes(node.targetId));
    expect(ours.map((node) => node.targetId)).toEqual(written);
    expect(ours.map((node) => node.action)).toEqual([
      'createOrganization',
      'createInitiative',
      'addParticipation',
      'addParticipation',
      'addParticipation',
      'addParticipation',
      'addGrant',
    ]);
  });
});
