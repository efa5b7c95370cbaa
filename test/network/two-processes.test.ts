import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { ServiceProcess } from '../helpers/resilience-process.ts';
import { freePort } from '../helpers/tcp-proxy.ts';

const kommun = '2184';
const source = { title: 'Kommunens föreningsregister', url: 'https://example.se/register' };

const createOrganization = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const createInitiative = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`;
const suggestions = `query ($id: ID!) { partnerSuggestions(forId: $id, first: 50) { actor { id } } }`;
const overlaps = `query ($kommun: String!) { overlaps(filter: { municipalities: [$kommun] }, first: 100) { a { id } b { id } } }`;

interface Answer {
  status: number;
  bookmark: string | null;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, bookmark: response.headers.get('samverkan-bookmark'), body: (await response.json()) as Answer['body'] };
}

/** The data of an answer that must have no errors (the errors are the failure's message otherwise). */
function dataOf(answer: Answer): Record<string, any> {
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!;
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}

/**
 * Two API processes over one Neo4j, as behind a load balancer: a write acknowledged by one is in the
 * partner suggestions and overlaps the other answers with in the very next request, which it finds by
 * catching up with the change records rather than reading the network again.
 */
describe('two service processes over one database', { timeout: 180_000 }, () => {
  const db = useTestDatabase();
  const created: string[] = [];
  let first: ServiceProcess;
  let second: ServiceProcess;
  let strategist: TestAccount;

  beforeAll(async () => {
    const started = await Promise.all([ServiceProcess.start(await freePort()), ServiceProcess.start(await freePort())]);
    first = started[0].service;
    second = started[1].service;
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [kommun] });
  });

  afterAll(async () => {
    first?.kill('SIGTERM');
    second?.kill('SIGTERM');
    await Promise.all([first?.exited, second?.exited]);
    await removeNodes(db, created);
  });

  const write = async (url: string, mutation: string, input: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const answer = await post(url, mutation, { input: { ...input, source } }, { ...strategist.headers, ...headers });
    const id = Object.values(dataOf(answer))[0].id as string;
    created.push(id);
    return { id, bookmark: answer.bookmark };
  };

  it('answers each with the writes acknowledged by the other, in the next request', async () => {
    const token = uniqueToken('Processer');
    const { id: subject } = await write(first.url, createOrganization, { kind: 'ASSOCIATION', name: `${token} Subjekt`, themes: ['fritid', 'halsa'], municipalities: [kommun] });
    const { id: existing } = await write(first.url, createInitiative, { kind: 'PROJECT', name: `${token} Sommarlov`, themes: ['fritid'], municipalities: [kommun], start: '2026-01', end: '2027-12' });
    // Both indexes are read whole once, here; everything after is caught up with.
    for (const service of [first, second]) dataOf(await post(service.url, suggestions, { id: subject }));
    const fullReads = await Promise.all([first, second].map((service) => metric(service.url, 'network_index_build_seconds_count')));

    for (let round = 0; round < 4; round++) {
      const [writer, reader] = round % 2 === 0 ? [first, second] : [second, first];
      const partner = await write(writer.url, createOrganization, { kind: 'ASSOCIATION', name: `${token} Partner ${round}`, themes: ['fritid', 'halsa'], municipalities: [kommun] });
      const suggested = dataOf(await post(reader.url, suggestions, { id: subject })).partnerSuggestions.map((s: { actor: { id: string } }) => s.actor.id);
      expect(suggested).toContain(partner.id);

      const initiative = await write(writer.url, createInitiative, { kind: 'PROJECT', name: `${token} Lovaktivitet ${round}`, themes: ['fritid'], municipalities: [kommun], start: '2026-06', end: '2026-08' });
      const pairs = dataOf(await post(reader.url, overlaps, { kommun })).overlaps.map((pair: { a: { id: string }; b: { id: string } }) => [pair.a.id, pair.b.id].sort().join(' '));
      expect(pairs).toContain([existing, initiative.id].sort().join(' '));
    }
    expect(await Promise.all([first, second].map((service) => metric(service.url, 'network_index_build_seconds_count')))).toEqual(fullReads);
    expect(await metric(second.url, 'network_index_catch_up_seconds_count')).toBeGreaterThanOrEqual(4);
  });

  it('gives a write’s bookmark to the client, and waits for it in another process’s reads', async () => {
    const token = uniqueToken('Bokmärke');
    const { id, bookmark } = await write(first.url, createOrganization, { kind: 'ASSOCIATION', name: `${token} Förening`, themes: ['fritid'], municipalities: [kommun] });
    expect(bookmark).toMatch(/^[A-Za-z0-9+/=:_-]+$/);
    const read = await post(second.url, `query ($id: ID!) { actor(id: $id) { id } }`, { id }, { 'samverkan-bookmark': bookmark! });
    expect(read.body).toEqual({ data: { actor: { id } } });
    // A read sends no bookmark back: only a write moves the chain on.
    expect(read.bookmark).toBeNull();
  });

  it('refuses a bookmark the database never gave, naming the header', async () => {
    // Well-formed, so it reaches Neo4j, which refuses it: the bookmark is passed with the reads.
    const madeUp = await post(second.url, `{ themes { key } }`, {}, { 'samverkan-bookmark': 'FB:kcwQmadeUpBookmarkAAAAAAAAAAAAAAAAkA==' });
    expect(madeUp.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'samverkan-bookmark' });
    const malformed = await post(second.url, `{ themes { key } }`, {}, { 'samverkan-bookmark': 'not a bookmark!' });
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'samverkan-bookmark' });
  });
});
