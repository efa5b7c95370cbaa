import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPageCost } from '../../server/research/export/export-charges.ts';
import { writeParticipations } from '../../server/repositories/participations.ts';
import { newId } from '../../server/shared/ids.ts';
import { createTestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Bollnäs (2183) is used by no other test file.
const kommun = '2183';
const from = (address: string) => ({ 'x-forwarded-for': address });

/** A kommun's small network: an association taking part in a project, each export of it a page per kind of statement. */
function useKommunNetwork() {
  const db = useTestDatabase();
  const ids: string[] = [];
  beforeAll(async () => {
    const token = uniqueToken('Budget');
    const [organization] = await createOrganizations(db, [{ name: `${token} förening`, municipalities: [kommun] }]);
    const [initiative] = await createInitiatives(db, [{ name: `${token} projekt`, start: '2019', municipalities: [kommun] }]);
    ids.push(organization!, initiative!);
    await db.write((tx) =>
      writeParticipations(tx, [{ id: newId(), actor: organization!, initiative: initiative!, role: 'LEAD', since: null, until: null, status: 'CONFIRMED', sources: [] }], {
        mode: 'create',
        author: 'test',
      }),
    );
  });
  afterAll(() => removeNodes(db, ids));
  return { db, ids };
}

describe('exports spend the query budget', { timeout: 120_000 }, () => {
  describe('within one window', () => {
    const { db, ids } = useKommunNetwork();
    // Room for three pages of export per anonymous client in a window longer than the test.
    const { client } = useTestService({
      QUERY_BUDGET_ANONYMOUS: String(3 * exportPageCost),
      QUERY_BUDGET_SIGNED_IN: String(100 * exportPageCost),
      QUERY_BUDGET_WINDOW_SECONDS: '600',
      TRUST_PROXY: 'loopback',
      NEO4J_QUERY_TIMEOUT_MS: '60000',
    });
    const download = (query: string, headers: Record<string, string>) => fetch(`${client().url}/export?${query}`, { headers });
    const statementsSent = async () => {
      const sent = Number(/^neo4j_statements_total (\d+)/m.exec(await (await fetch(`${client().url}/metrics`)).text())?.[1]);
      expect(Number.isInteger(sent)).toBe(true);
      return sent;
    };

    it('charges each page read, refuses a client over budget with 429 before any database work, and shares the budget with GraphQL', async () => {
      const client1 = from('203.0.113.10');
      // Nodes are two pages (actors, initiatives), edges one: three pages spend the whole budget.
      const nodes = await download(`format=nodes.csv&municipality=${kommun}`, client1);
      expect(nodes.status).toBe(200);
      expect((await nodes.text()).split('\n').filter((line) => ids.some((id) => line.startsWith(id)))).toHaveLength(2);
      const edges = await download(`format=edges.csv&municipality=${kommun}`, client1);
      expect(edges.status).toBe(200);
      expect(await edges.text()).toContain(ids[0]);

      const before = await statementsSent();
      const refused = await download(`format=graphml&municipality=${kommun}`, client1);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect((await refused.json()).errors[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: retryAfter } });
      expect(await statementsSent()).toBe(before);

      // The same budget as the API's: the client's GraphQL requests are refused too.
      const graphql = await client().graphql('{ themes { key } }', {}, client1);
      expect(graphql.status).toBe(429);
      expect(graphql.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');

      // Another client, and an account (counted by itself, wherever it asks from), still export.
      expect((await download(`format=edges.csv&municipality=${kommun}`, from('203.0.113.11'))).status).toBe(200);
      const researcher = await createTestAccount(db, 'RESEARCHER');
      expect((await download(`format=edges.csv&municipality=${kommun}`, { ...client1, ...researcher.headers })).status).toBe(200);
    });
  });

  describe('over more than one window', () => {
    const { ids } = useKommunNetwork();
    // One page per window: an export of three pages outspends the budget.
    const { client } = useTestService({
      QUERY_BUDGET_ANONYMOUS: String(exportPageCost),
      QUERY_BUDGET_WINDOW_SECONDS: '2',
      TRUST_PROXY: 'loopback',
      NEO4J_QUERY_TIMEOUT_MS: '60000',
    });

    it('waits for the budget to fill again between pages rather than cutting the file short', async () => {
      const response = await fetch(`${client().url}/export?format=graphml&municipality=${kommun}`, { headers: from('203.0.113.20') });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(XMLValidator.validate(text)).toBe(true);
      for (const id of ids) expect(text).toContain(`<node id="${id}">`);
      expect(text).toContain(`source="${ids[0]}" target="${ids[1]}"`);
      expect(text.trimEnd().endsWith('</graphml>')).toBe(true);
    });
  });
});
