import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupLines } from '../../server/backup/read-backup.ts';
import { restoreBackupFile, RestoreRefused } from '../../server/backup/restore-backup.ts';
import { writeBackupFile } from '../../server/backup/write-backup.ts';
import { createDriver, Database } from '../../server/db/database.ts';
import { LocalEngine } from '../../server/db/local-engine.ts';
import { createLogger } from '../../server/logger.ts';
import { startService, type RunningService } from '../../server/service.ts';
import { seedIfEmpty } from '../../seeds/loader/network.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';
import { TestClient, testConfig } from '../helpers/service.ts';

/**
 * A registry that holds every kind of thing the service writes (the seed network, and through the API:
 * an association's registration, organisations, a person with a consent, an initiative with
 * participations, a grant and an event, an update, a merge, and so their changes and audit entries) is
 * backed up while its service runs, restored into a fresh engine, and asked the same questions: every
 * answer is the same, and so is every node and relationship with every property, types included.
 *
 * Both engines are this test's own: a restore needs an empty database, and Neo4j Community has one.
 */
const KOMMUN = '0180';
const admin = { email: 'backup-admin@example.org', password: 'Säkerhetskopia-admin-1' };
const association = { email: 'backup-forening@example.org', password: 'Säkerhetskopia-förening-2' };
const source = { title: 'Protokoll', publisher: 'Stockholms stad', published: '2026-10-01' };

describe('a backup restores the same registry', { timeout: 600_000 }, () => {
  const dirs: string[] = [];
  const engines: LocalEngine[] = [];
  const services: RunningService[] = [];
  const closers: (() => Promise<void>)[] = [];
  const startEngine = async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'samverkan-backup-neo4j-'));
    dirs.push(dataDir);
    const engine = await LocalEngine.start({ dataDir, pageCache: '32m', heap: '384m', startTimeoutMs: 150_000 });
    engines.push(engine);
    return engine;
  };
  const databaseOf = (engine: LocalEngine, losslessIntegers = false) => {
    const driver = createDriver({ uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' }, { losslessIntegers });
    closers.push(() => driver.close());
    return new Database(driver, 'neo4j', 120_000);
  };
  const serve = async (engine: LocalEngine, seed: boolean) => {
    const config = testConfig({ NEO4J_URI: engine.boltUri, NEO4J_DATABASE: 'neo4j', SEED_ON_START: String(seed), ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password });
    const service = await startService(config, createLogger('silent'), { seedNetwork: seedIfEmpty });
    services.push(service);
    for (let ready = false; !ready; await new Promise((resolve) => setTimeout(resolve, 200))) {
      ready = (await fetch(`${service.url}/readyz`)).status === 200;
    }
    return service;
  };

  afterAll(async () => {
    for (const service of services) await service.stop();
    for (const close of closers) await close();
    for (const engine of engines) await engine.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('answers every question the same after a restore into a fresh engine, and refuses to restore into one that is not empty', async () => {
    const original = await startEngine();
    const service = await serve(original, true);
    const client = new TestClient(service.url);
    const written = await writeEveryKind(client);

    const file = path.join(dirs[0]!, '..', `${path.basename(dirs[0]!)}.jsonl.gz`);
    dirs.push(file);
    const counts = await writeBackupFile(databaseOf(original, true), file);
    expect(counts.nodes).toBeGreaterThan(100);
    // Asked after the backup: the sign-ins among the questions write audit entries of their own.
    const before = await ask(client, written);

    const fresh = await startEngine();
    const restored = await restoreBackupFile(databaseOf(fresh), file);
    expect(restored).toEqual(counts);
    await expect(restoreBackupFile(databaseOf(fresh), file)).rejects.toThrow(RestoreRefused);

    // Every node and relationship with every property, types included, as a second backup reads them.
    const again = `${file}.again.gz`;
    dirs.push(again);
    await writeBackupFile(databaseOf(fresh, true), again);
    expect(await contents(again)).toEqual(await contents(file));

    const restoredService = await serve(fresh, false);
    const after = await ask(new TestClient(restoredService.url), written);
    for (const [question, answer] of Object.entries(before)) expect.soft(after[question], question).toEqual(answer);
  });
});

interface Written {
  adminHeaders: Record<string, string>;
  initiativeId: string;
  organizationId: string;
  mergedId: string;
  personId: string;
  seedActorId: string;
}

async function signIn(client: TestClient, who: { email: string; password: string }) {
  const { login } = await client.data(`mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`, who);
  return { authorization: `Bearer ${login.token}` };
}

/** One of each thing the service writes, through the API. */
async function writeEveryKind(client: TestClient): Promise<Written> {
  const adminHeaders = await signIn(client, admin);
  const as = (query: string, variables: Record<string, unknown>) => client.data(query, variables, adminHeaders);
  await client.data(`mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id } }`, {
    input: { name: 'Säkerhetskopians förening', organizationNumber: validOrganizationNumber(), municipality: KOMMUN, themes: ['fritid'], ...association },
  });
  const createOrganization = (name: string) =>
    as(`mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { kind: 'ASSOCIATION', name, themes: ['fritid'], municipalities: [KOMMUN], source },
    }).then((data) => data.createOrganization.id as string);
  const organizationId = await createOrganization('Kopians idrottsförening');
  const mergedId = await createOrganization('Kopians idrottsförening (dubblett)');
  const personId = (
    await as(`mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, {
      input: { name: 'Kopia Förebild', roleModel: true, themes: ['fritid'], municipalities: [KOMMUN], affiliation: organizationId, email: 'forebild@example.org', source },
    })
  ).createPerson.id;
  await as(`mutation ($id: ID!, $input: ConsentInput!) { recordConsent(personId: $id, input: $input) { id } }`, {
    id: personId,
    input: { purpose: 'Visas som förebild', givenBy: 'Kopia Förebild', givenAt: '2026-10-01T12:34:56.789Z' },
  });
  const initiativeId = (
    await as(`mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`, {
      input: { kind: 'ACTIVITY', name: 'Kopians sommarläger', start: '2026-06', end: '2026-08-15', themes: ['fritid'], municipalities: [KOMMUN], source },
    })
  ).createInitiative.id;
  for (const [actorId, role] of [[organizationId, 'LEAD'], [mergedId, 'PARTNER'], [personId, 'PARTNER']]) {
    await as(`mutation ($input: AddParticipationInput!) { addParticipation(input: $input) { id } }`, { input: { actorId, initiativeId, role, since: '2026-06', source } });
  }
  await as(`mutation ($input: AddGrantInput!) { addGrant(input: $input) { id } }`, {
    input: { initiativeId, funderId: organizationId, amount: 12345.5, currency: 'SEK', programme: 'Lägerbidrag', awarded: '2026-05', source },
  });
  await as(`mutation ($input: AddEventInput!) { addEvent(input: $input) { id } }`, { input: { initiativeId, name: 'Lägerbål', date: '2026-07-04', municipalities: [KOMMUN], source } });
  await as(`mutation ($id: ID!) { updateOrganization(id: $id, input: { description: "Idrott för alla", source: { title: "Stadgar", publisher: "Föreningen" } }) { id } }`, { id: organizationId });
  await as(`mutation ($keep: ID!, $merge: ID!) { mergeOrganizations(keepId: $keep, mergeId: $merge, reason: "Samma förening") { id } }`, { keep: organizationId, merge: mergedId });
  const seedActorId = (await client.data(`{ actors(first: 1) { edges { node { id } } } }`)).actors.edges[0].node.id;
  return { adminHeaders, initiativeId, organizationId, mergedId, personId, seedActorId };
}

/** A fixed set of questions, each answer as the API gives it (or the error codes, for sign-ins that must fail). */
async function ask(client: TestClient, w: Written): Promise<Record<string, unknown>> {
  const questions: Record<string, [string, Record<string, unknown>, Record<string, string>?]> = {
    actors: [`{ actors(first: 100) { totalCount edges { node { id name } } } }`, {}],
    initiatives: [`{ initiatives(first: 100) { totalCount edges { node { id name status } } } }`, {}],
    initiative: [
      `query ($id: ID!) { initiative(id: $id) { id name status participants { role status actor { id } } grants { amount currency funder { id } }
         events { name date municipalities { code } } sources { title } history { action } } }`,
      { id: w.initiativeId },
    ],
    organization: [`query ($id: ID!) { actor(id: $id) { id name description } }`, { id: w.organizationId }],
    merged: [`query ($id: ID!) { actor(id: $id) { id name } }`, { id: w.mergedId }],
    person: [`query ($id: ID!) { personData(id: $id) { id consents { purpose givenBy givenAt withdrawnAt } } }`, { id: w.personId }, w.adminHeaders],
    partnersOfSeedActor: [`query ($id: ID!) { partnerSuggestions(forId: $id, first: 10) { actor { id name } score reasons { kind detail } } }`, { id: w.seedActorId }],
    partnersOfInitiative: [`query ($id: ID!) { partnerSuggestions(forId: $id, first: 10) { actor { id } score reasons { kind detail } } }`, { id: w.initiativeId }],
    overlaps: [`{ overlaps(first: 20) { a { id } b { id } score overlappingDays sharedThemes { key } sharedParticipants { id } } }`, {}],
    history: [`query ($id: ID!) { history(id: $id, first: 50) { edges { node { id at action targetId fields { field before after } } } } }`, { id: w.organizationId }, w.adminHeaders],
    changes: [`{ changes(first: 100) { edges { node { id at action targetId } } } }`, {}, w.adminHeaders],
    auditLog: [`{ auditLog(first: 100) { edges { node { id at action accountId role } } } }`, {}, w.adminHeaders],
    adminSignsIn: [`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { account { id email role } } }`, { e: admin.email, p: admin.password }],
    associationSignsIn: [`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { account { id email role organization { id } } } }`, { e: association.email, p: association.password }],
    wrongPassword: [`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { account { id } } }`, { e: association.email, p: `${association.password}x` }],
  };
  const answers: Record<string, unknown> = {};
  for (const [name, [query, variables, headers]] of Object.entries(questions)) {
    const response = await client.graphql(query, variables, headers);
    answers[name] = response.errors ? { errors: response.errors.map((error) => error.extensions?.code) } : response.data;
  }
  return answers;
}

/** Every node and relationship of a backup, without the element ids, which a restore does not keep. */
async function contents(file: string): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = new Map<string, string>();
  const relationships: string[] = [];
  for await (const line of backupLines(file)) {
    if ('node' in line) nodes.set(line.node, JSON.stringify({ labels: [...line.labels].sort(), properties: sortedKeys(line.properties) }));
    else if ('relationship' in line) {
      relationships.push(JSON.stringify({ type: line.type, properties: sortedKeys(line.properties), from: nodes.get(line.from), to: nodes.get(line.to) }));
    }
  }
  return { nodes: [...nodes.values()].sort(), relationships: relationships.sort() };
}

function sortedKeys(properties: Record<string, unknown>): [string, unknown][] {
  return Object.entries(properties).sort(([a], [b]) => a.localeCompare(b));
}
