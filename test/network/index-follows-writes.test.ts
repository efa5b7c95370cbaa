import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, Database } from '../../server/db/database.ts';
import { LocalEngine } from '../../server/db/local-engine.ts';
import { readNetworkRevision } from '../../server/db/revision.ts';
import { createLogger } from '../../server/logger.ts';
import { startService, type RunningService } from '../../server/service.ts';
import { createTestAccount } from '../helpers/accounts.ts';
import { createOrganizations, uniqueToken } from '../helpers/fixtures.ts';
import { TestClient, testConfig } from '../helpers/service.ts';

/**
 * The service's network index starts catching up as soon as the service commits a write. A database of
 * its own: other files' fixtures move the shared one's revision without change records, a gap that only
 * a question's full read bridges.
 */
describe('the network index after a write of its own process', { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samverkan-follow-'));
  let engine: LocalEngine;
  let db: Database;
  let service: RunningService;
  let client: TestClient;

  beforeAll(async () => {
    engine = await LocalEngine.start({ dataDir, pageCache: '32m', heap: '384m' });
    service = await startService(testConfig({ NEO4J_URI: engine.boltUri, NEO4J_PASSWORD: 'unused-without-auth', NEO4J_DATABASE: 'neo4j' }), createLogger('silent'));
    db = new Database(createDriver({ uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' }), 'neo4j', 60_000);
    client = new TestClient(service.url);
    for (let attempt = 0; (await fetch(`${service.url}/readyz`)).status !== 200; attempt++) {
      if (attempt > 300) throw new Error('the service never became ready');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 200_000);

  afterAll(async () => {
    await service?.stop();
    await db?.driver.close();
    await engine?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('catches up with the write at once, before any question needs it', async () => {
    const metric = async (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(await (await fetch(`${service.url}/metrics`)).text())?.[1] ?? NaN);
    const revision = async () => db.read(async (tx) => Number((await tx.run(readNetworkRevision)).records[0]!.get('revision')));
    const [subject] = await createOrganizations(db, [{ name: uniqueToken('Följd'), themes: ['bostad'] }]);
    const admin = await createTestAccount(db, 'ADMIN');
    // A question builds the index, at the revision the fixtures left.
    await client.data(`query ($id: ID!) { partnerSuggestions(forId: $id, first: 5) { score } }`, { id: subject });

    await client.data(
      `mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`,
      { id: subject, input: { description: 'Följer upp', source: { title: 'Protokoll', publisher: 'Kommunen' } } },
      admin.headers,
    );
    const written = await revision();
    // No question is asked from here on: only the write itself can move the index.
    const deadline = Date.now() + 10_000;
    while ((await metric('network_index_revision')) < written && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await metric('network_index_revision')).toBe(written);
  });
});
