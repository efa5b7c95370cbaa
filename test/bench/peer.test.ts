import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { int } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPeer, type RunningPeer } from '../../bench/peer/app.ts';
import { operationNames, type BenchRequest } from '../../bench/harness/operations.ts';
import { peerRequests } from '../../bench/peer/operations.ts';
import { anyWordQuery } from '../../server/shared/fulltext.ts';
import { listCypher, overlapsCypher, partnerSuggestionsCypher, profileCypher, searchCypher } from '../../bench/floor/queries.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { uniqueToken } from '../helpers/fixtures.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Helsingborg (1283): no other test file writes there, so this file's registration stays apart.
const REGISTRATION_KOMMUN = '1283';

type Row = Record<string, any>;

/**
 * The peer (the Neo4j GraphQL Library over the same database) answers the six benchmark questions with
 * the data the floor's hand-written Cypher finds. Other test files write into the same database at the
 * same time, so comparisons with the floor are made back to back and retried a few times.
 */
describe('the benchmark peer (@neo4j/graphql)', () => {
  const db = useTestDatabase();
  let peer: RunningPeer;

  beforeAll(async () => {
    const neo4j = inject('neo4j');
    peer = await startPeer({ neo4jUri: neo4j.uri, neo4jUser: neo4j.user, neo4jPassword: neo4j.password, database: neo4j.database });
  });
  afterAll(() => peer?.stop());

  async function send(request: BenchRequest): Promise<Row> {
    const response = await fetch(peer.url, { method: request.method, headers: { 'content-type': 'application/json' }, body: request.body });
    const payload = (await response.json()) as { data?: Row; errors?: unknown[] };
    if (response.status !== 200 || payload.errors?.length || !payload.data) {
      throw new Error(`peer answered ${response.status}: ${JSON.stringify(payload.errors ?? payload)}`);
    }
    return payload.data;
  }

  const floor = (text: string, parameters: Record<string, unknown>) =>
    db.read(async (tx) => (await tx.run({ text, parameters })).records.map((record) => record.toObject() as Row));

  const seedOrganization = async (name: string): Promise<string> => {
    const rows = await floor('MATCH (o:Organization {name: $name}) WHERE o.seedKey IS NOT NULL RETURN o.id AS id', { name });
    expect(rows).toHaveLength(1);
    return rows[0]!.id as string;
  };

  /** Peer and floor asked back to back until they agree (other files' writes may land in between). */
  async function agree<T>(ask: () => Promise<{ peer: T; floor: T }>): Promise<{ peer: T; floor: T }> {
    let last!: { peer: T; floor: T };
    for (let attempt = 0; attempt < 4; attempt++) {
      last = await ask();
      if (JSON.stringify(last.peer) === JSON.stringify(last.floor)) return last;
    }
    return last;
  }

  it('has a request builder for each operation', () => {
    expect([...operationNames]).toEqual(['profile', 'list', 'suggestions', 'overlaps', 'search', 'prefix', 'register', 'createInitiative', 'addParticipation']);
    expect(Object.keys(peerRequests).sort()).toEqual([...operationNames].sort());
  });

  it('profile: Fagersta kommun with its themes, kommun and confirmed initiatives', async () => {
    const id = await seedOrganization('Fagersta kommun');
    const data = await send(peerRequests.profile(id));
    expect(data.organizations).toHaveLength(1);
    const profile = data.organizations[0];
    expect(profile).toMatchObject({ id, name: 'Fagersta kommun', kind: 'MUNICIPAL_UNIT', municipalities: [{ code: '1982', name: 'Fagersta' }] });

    const edges = profile.initiativesConnection.edges as { properties: Row; node: Row }[];
    const names = edges.map((edge) => edge.node.name);
    expect(names).toEqual(expect.arrayContaining(['Framtidens Fagersta', 'Medborgarlöfte i Fagersta']));
    expect(edges.every((edge) => edge.properties.status === 'CONFIRMED')).toBe(true);

    // The same answer as the floor's statement.
    const [expected] = await floor(profileCypher, { id });
    const byInitiative = (list: { initiative: Row; role: string }[]) =>
      list.map(({ initiative, role }) => `${initiative.id}:${role}`).sort();
    expect(byInitiative(edges.map((edge) => ({ ...edge.properties, initiative: edge.node }) as { initiative: Row; role: string }))).toEqual(
      byInitiative(expected!.profile.participations),
    );
    expect(edges.find((edge) => edge.node.name === 'Framtidens Fagersta')).toMatchObject({
      properties: { role: 'LEAD', status: 'CONFIRMED' },
      node: { kind: 'PROJECT', start: '2020', end: '2020' },
    });
    expect(profile.themes.map((theme: Row) => theme.key).sort()).toEqual(expected!.profile.themes.map((theme: Row) => theme.key).sort());
  });

  it('profile: nothing for an organisation an anonymous caller may not see', async () => {
    const data = await send(peerRequests.profile('00000000-0000-4000-8000-000000000000'));
    expect(data.organizations).toEqual([]);
  });

  it('list: verified organisations of län 20 with a theme, by name, as the floor lists them', async () => {
    const { peer: fromPeer, floor: fromFloor } = await agree(async () => ({
      peer: ((await send(peerRequests.list('20', 'integration'))).organizations as Row[]).map((o) => o.id),
      floor: (await floor(listCypher, { county: '20', theme: 'integration', first: int(50) })).map((row) => row.organization.id),
    }));
    expect(fromPeer.length).toBeGreaterThan(0);
    expect(fromPeer).toEqual(fromFloor);

    const organizations = (await send(peerRequests.list('20', 'integration'))).organizations as Row[];
    expect(organizations.map((o) => o.name)).toEqual(expect.arrayContaining(['Hedemora kommun', 'Avesta kommun']));
    const names = organizations.map((o) => o.name as string);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const hedemora = organizations.find((o) => o.name === 'Hedemora kommun')!;
    expect(hedemora).toMatchObject({ kind: 'MUNICIPAL_UNIT', municipalities: [{ code: '2083', name: 'Hedemora' }] });
  });

  it('suggestions: the floor’s statement through a @cypher field', async () => {
    const id = await seedOrganization('Fagersta kommun');
    const { peer: fromPeer, floor: fromFloor } = await agree(async () => ({
      peer: ((await send(peerRequests.suggestions(id))).partnerSuggestions as Row[]).map((s) => [s.actor.id, s.score]),
      floor: (await floor(partnerSuggestionsCypher, { id, first: int(10) })).map((row) => [row.actor.id, row.score]),
    }));
    expect(fromPeer).toHaveLength(10);
    expect(fromPeer).toEqual(fromFloor);
    const scores = fromPeer.map(([, score]) => score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const first = ((await send(peerRequests.suggestions(id))).partnerSuggestions as Row[])[0]!;
    expect(first).toMatchObject({ actor: { id: expect.any(String), name: expect.any(String), kind: expect.any(String) }, sharedThemes: expect.any(Array) });
  });

  it('overlaps: pairs of initiatives in län 20 through a @cypher field', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { peer: fromPeer, floor: fromFloor } = await agree(async () => ({
      peer: ((await send(peerRequests.overlaps('20'))).overlaps as Row[]).map((o) => [o.a.id, o.b.id, o.score, o.overlappingDays]),
      floor: (await floor(overlapsCypher, { county: '20', today, first: int(20) })).map((row) => [row.a.id, row.b.id, row.score, row.overlappingDays]),
    }));
    expect(fromPeer.length).toBeGreaterThan(0);
    expect(fromPeer).toEqual(fromFloor);
  });

  it('search: the library’s @fulltext over the existing Swedish indexes', async () => {
    const data = await send(peerRequests.search('integration'));
    const initiatives = (data.initiativesByText.edges as Row[]).map((edge) => edge.node.name as string);
    expect(initiatives).toEqual(expect.arrayContaining(['Referensgruppen för integration', 'Hedemora kommuns arbete med integration']));
    // Each list is best first.
    for (const field of ['organizationsByText', 'peopleByText', 'initiativesByText']) {
      const scores = (data[field].edges as Row[]).map((edge) => edge.score as number);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    // The swedish analyzer: an inflected form finds the word.
    const inflected = await send(peerRequests.search('integrationen'));
    expect((inflected.initiativesByText.edges as Row[]).map((edge) => edge.node.name)).toContain('Referensgruppen för integration');
    // Query syntax is searched for as words, as the service and the floor do it.
    await send(peerRequests.search('integration AND (x OR *) "'));

    // The best hits of the three lists, merged, are the floor's best hits.
    const { peer: fromPeer, floor: fromFloor } = await agree(async () => {
      const hits = await send(peerRequests.search('integration'));
      const merged = ['organizationsByText', 'peopleByText', 'initiativesByText']
        .flatMap((field) => (hits[field].edges as Row[]).map((edge) => ({ id: edge.node.id as string, score: edge.score as number })))
        .sort((a, b) => b.score - a.score)
        .slice(0, 20);
      const rows = await floor(searchCypher, { query: anyWordQuery('integration'), first: int(20) });
      return { peer: merged.map((hit) => hit.id).sort(), floor: rows.map((row) => row.hit.id as string).sort() };
    });
    expect(fromPeer).toEqual(fromFloor);
  });

  describe('register', () => {
    const token = uniqueToken('Peer');
    const input = {
      name: `${token} Förening`,
      organizationNumber: validOrganizationNumber(),
      municipality: REGISTRATION_KOMMUN,
      themes: ['integration', 'fritid'],
      description: 'En förening som registrerar sig genom peern.',
      email: `${token.toLowerCase()}@Example.org`,
      password: 'Peerns-eget-lösenord-1',
      phone: '042-10 50 00',
    };
    afterAll(() =>
      db.write((tx) =>
        tx.run({
          text: `MATCH (o:Organization {organizationNumber: $number})
                 OPTIONAL MATCH (a:Account)-[:REPRESENTS]->(o)
                 DETACH DELETE o, a`,
          parameters: { number: input.organizationNumber },
        }),
      ),
    );

    it('writes one PENDING association, its links and its account with a scrypt hash, in one mutation', async () => {
      const data = await send(peerRequests.register(input));
      expect(data.createAssociations.associations).toEqual([{ id: expect.any(String), name: input.name, status: 'PENDING' }]);
      const id = data.createAssociations.associations[0].id as string;

      const rows = await floor(
        `MATCH (o:Organization {organizationNumber: $number})
         RETURN o.id AS id, labels(o) AS labels, o.kind AS kind, o.status AS status, o.name AS name, o.description AS description,
                o.email AS email, o.createdAt IS NOT NULL AS created,
                COLLECT { MATCH (o)-[:HAS_THEME]->(t:Theme) RETURN t.key ORDER BY t.key } AS themes,
                COLLECT { MATCH (o)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code } AS municipalities,
                COLLECT { MATCH (a:Account)-[:REPRESENTS]->(o) RETURN a { .email, .role, .passwordHash, created: a.createdAt IS NOT NULL } } AS accounts`,
        { number: input.organizationNumber },
      );
      expect(rows).toHaveLength(1);
      const [row] = rows as [Row];
      expect(row).toMatchObject({
        id,
        kind: 'ASSOCIATION',
        status: 'PENDING',
        name: input.name,
        description: input.description,
        email: input.email.toLowerCase(),
        created: true,
        themes: ['fritid', 'integration'],
        municipalities: [REGISTRATION_KOMMUN],
      });
      expect([...row.labels].sort()).toEqual(['Actor', 'Association', 'Organization']);
      expect(row.accounts).toHaveLength(1);
      const [account] = row.accounts as [Row];
      expect(account).toMatchObject({ email: input.email.toLowerCase(), role: 'ASSOCIATION', created: true });
      expect(account.passwordHash).not.toContain(input.password);
      expect(account.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await verifyPassword(input.password, account.passwordHash)).toBe(true);
    });

    it('the stored hash is not readable through the peer', async () => {
      const response = await fetch(peer.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query ($email: String!) { accounts(where: { email: { eq: $email } }) { passwordHash } }', variables: { email: input.email.toLowerCase() } }),
      });
      const payload = (await response.json()) as { errors?: { message: string }[] };
      expect(payload.errors?.[0]?.message).toMatch(/passwordHash/);
    });
  });

  it('runs as the harness starts it: PEER_READY on stdout, and SIGTERM ends it cleanly', async () => {
    const neo4j = inject('neo4j');
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/peer/server.ts'], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          const match = /^PEER_READY (http:\/\/127\.0\.0\.1:\d+\/graphql)$/.exec(line);
          if (match) resolve(match[1]!);
        });
        void exited.then((code) => reject(new Error(`the peer exited with ${code}: ${stderr}`)));
      });
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: peerRequests.list('20', 'integration').body });
      expect(response.status).toBe(200);
      expect(((await response.json()) as Row).data.organizations.length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
