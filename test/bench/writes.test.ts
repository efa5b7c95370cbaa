import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addParticipationCypher, createInitiativeCypher, withNewIds } from '../../bench/floor/queries.ts';
import { initiativeMark, nthInitiative, nthParticipation, oursRequests, type BenchRequest, type Samples, type WriteTargets } from '../../bench/harness/operations.ts';
import { removeBenchWrites } from '../../bench/harness/write-targets.ts';
import { startPeer, type RunningPeer } from '../../bench/peer/app.ts';
import { peerRequests } from '../../bench/peer/operations.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Höganäs (1284): no other test file writes there.
const KOMMUN = '1284';

type Row = Record<string, any>;

/**
 * The benchmark's writes: the service, the peer and the floor each create an initiative and add a
 * participation from the same input, and the service reads back the same thing from all three (the peer,
 * which cannot cite a source from a relationship, writes its participation without one).
 */
describe('the benchmark writes', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  let peer: RunningPeer;
  let admin: TestAccount;
  let targets: WriteTargets;
  const samples = { themes: ['integration'], municipalities: [KOMMUN] } as Samples;
  const fixtures: string[] = [];

  beforeAll(async () => {
    const neo4j = inject('neo4j');
    peer = await startPeer({ neo4jUri: neo4j.uri, neo4jUser: neo4j.user, neo4jPassword: neo4j.password, database: neo4j.database });
    admin = await createTestAccount(db, 'ADMIN');
    const token = uniqueToken('Skrivprov');
    const organizationIds = await createOrganizations(db, [{ name: `${token} Förening`, municipalities: [KOMMUN], themes: ['integration'] }]);
    const initiativeIds = await createInitiatives(
      db,
      ['ours', 'peer', 'floor'].map((server) => ({ name: `${token} ${server}`, municipalities: [KOMMUN], themes: ['integration'], status: 'VERIFIED' as const })),
    );
    fixtures.push(...organizationIds, ...initiativeIds);
    targets = { organizationIds, initiativeIds };
  });
  afterAll(async () => {
    await peer?.stop();
    await removeBenchWrites(inject('neo4j').uri);
    await removeNodes(db, fixtures);
  });

  const graphql = async (url: string, request: BenchRequest, headers: Record<string, string> = {}): Promise<Row> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: request.body });
    const payload = (await response.json()) as { data?: Row; errors?: unknown[] };
    if (payload.errors?.length || !payload.data) throw new Error(`answered ${response.status}: ${JSON.stringify(payload.errors ?? payload)}`);
    return payload.data;
  };
  const floor = async (text: string, input: object): Promise<string> =>
    db.write(async (tx) => (await tx.run<{ id: string }>({ text, parameters: withNewIds(input as Record<string, unknown>) })).records[0]!.get('id'));

  /** The n-th write of each kind, by each server: the ids it wrote. */
  const writers = {
    ours: {
      createInitiative: async (n: number) =>
        (await graphql(`${client().url}/graphql`, oursRequests.createInitiative(nthInitiative(samples, n)), admin.headers)).createInitiative.id as string,
      addParticipation: async (n: number) =>
        (await graphql(`${client().url}/graphql`, oursRequests.addParticipation(nthParticipation(targets, n)), admin.headers)).addParticipation.id as string,
    },
    peer: {
      createInitiative: async (n: number) => (await graphql(peer.url, peerRequests.createInitiative(nthInitiative(samples, n)))).createInitiatives.initiatives[0].id as string,
      addParticipation: async (n: number) => {
        await graphql(peer.url, peerRequests.addParticipation(nthParticipation(targets, n)));
        return null;
      },
    },
    floor: {
      createInitiative: (n: number) => floor(createInitiativeCypher, nthInitiative(samples, n)),
      addParticipation: (n: number) => floor(addParticipationCypher, nthParticipation(targets, n)),
    },
  };

  const initiativeAsAdminSees = async (id: string) =>
    (
      await client().data(
        `query ($id: ID!) { initiative(id: $id) { kind name status start themes { key } municipalities { code } sources { title publisher } } }`,
        { id },
        admin.headers,
      )
    ).initiative;

  it('creates the same initiative, citing its source, on each server', async () => {
    const seen = [];
    for (const [n, server] of (['ours', 'peer', 'floor'] as const).entries()) {
      const id = await writers[server].createInitiative(n);
      const initiative = await initiativeAsAdminSees(id);
      expect(initiative, server).not.toBeNull();
      expect(initiative.name).toMatch(new RegExp(`^${initiativeMark} \\w+-${n}$`));
      seen.push({ ...initiative, name: undefined });
    }
    expect(seen[0]).toEqual({
      kind: 'PROJECT',
      name: undefined,
      status: 'VERIFIED',
      start: '2026-01-01',
      themes: [{ key: 'integration' }],
      municipalities: [{ code: KOMMUN }],
      sources: [{ title: 'Belastningsprovet', publisher: 'Samverkan' }],
    });
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
  });

  it('adds a confirmed participation to a different initiative on each server, and no server can add the same one twice', async () => {
    const [actorId] = targets.organizationIds;
    // With one organisation, the n-th addition goes to the n-th initiative.
    expect(targets.initiativeIds.map((_, n) => nthParticipation(targets, n).initiativeId)).toEqual(targets.initiativeIds);
    for (const [n, server] of (['ours', 'peer', 'floor'] as const).entries()) await writers[server].addParticipation(n);
    const { actor } = await client().data(
      `query ($id: ID!) { actor(id: $id) { participations { role status since initiative { id } sources { title } } } }`,
      { id: actorId },
      admin.headers,
    );
    const byInitiative = new Map((actor.participations as Row[]).map((p) => [p.initiative.id, p]));
    const [oursTarget, peerTarget, floorTarget] = targets.initiativeIds;
    const expected = { role: 'PARTNER', status: 'CONFIRMED', since: '2026-01-01' };
    expect(byInitiative.get(oursTarget)).toMatchObject({ ...expected, sources: [{ title: 'Belastningsprovet' }] });
    expect(byInitiative.get(floorTarget)).toMatchObject({ ...expected, sources: [{ title: 'Belastningsprovet' }] });
    expect(byInitiative.get(peerTarget)).toMatchObject({ ...expected, sources: [] });
    // The service refuses a second addition of the same role, naming the field.
    const { query, variables } = JSON.parse(oursRequests.addParticipation(nthParticipation(targets, 0)).body!);
    const again = await client().graphql(query, variables, admin.headers);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
  });

  it('numbers additions so that no organisation joins one initiative twice, and says when the initiatives run out', () => {
    const many: WriteTargets = { organizationIds: ['a', 'b', 'c'], initiativeIds: ['x', 'y'] };
    const pairs = Array.from({ length: 6 }, (_, n) => nthParticipation(many, n)).map((p) => `${p.actorId}-${p.initiativeId}`);
    expect(new Set(pairs).size).toBe(6);
    expect(() => nthParticipation(many, 6)).toThrow(/used up/);
    // Additions next to each other name different organisations and different initiatives.
    for (let n = 0; n < 5; n++) {
      expect(nthParticipation(many, n).actorId).not.toBe(nthParticipation(many, n + 1).actorId);
      expect(nthParticipation(many, n).initiativeId).not.toBe(nthParticipation(many, n + 1).initiativeId);
    }
  });

  it('removes what the writes left', async () => {
    const id = await writers.ours.createInitiative(99);
    expect(await removeBenchWrites(inject('neo4j').uri)).toBeGreaterThan(0);
    expect(await initiativeAsAdminSees(id)).toBeNull();
  });
});
