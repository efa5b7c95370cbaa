import { describe, expect, it } from 'vitest';
import { minimumRequestCost } from '../../server/graphql/query-budget.ts';
import { createTestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { removeNodes } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

const ANONYMOUS_BUDGET = 10 * minimumRequestCost;
const cheap = '{ themes { key } }';
// Costs more than an anonymous client's whole budget, and far less than the query cost limit.
const costly = '{ actors(first: 20) { edges { node { name themes { key } participations { role initiative { name participants { actor { name } } } } } } } }';

describe('a fair share of query cost per client', () => {
  const db = useTestDatabase();
  // Behind a trusted proxy, X-Forwarded-For names the client: two addresses are two clients.
  const { client } = useTestService({
    QUERY_BUDGET_ANONYMOUS: String(ANONYMOUS_BUDGET),
    // Room for thirty cheap requests and a costly one, which is under the query cost limit (10 000).
    QUERY_BUDGET_SIGNED_IN: String(1_000 * minimumRequestCost),
    QUERY_BUDGET_WINDOW_SECONDS: '4',
    TRUST_PROXY: 'loopback',
  });
  const from = (address: string) => ({ 'x-forwarded-for': address });
  const post = (query: string, headers: Record<string, string>) =>
    fetch(`${client().url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const statementsSent = async () => {
    const sent = Number(/^neo4j_statements_total (\d+)/m.exec(await (await fetch(`${client().url}/metrics`)).text())?.[1]);
    expect(Number.isInteger(sent)).toBe(true);
    return sent;
  };

  it('refuses a burst over budget with 429 and retryAfterSeconds, serves another client meanwhile, and serves the first again after the wait', async () => {
    const burst = await Promise.all(Array.from({ length: 15 }, () => client().graphql(cheap, {}, from('203.0.113.1'))));
    const refused = burst.filter((response) => response.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS');
    expect(burst.filter((response) => response.data?.themes).length).toBe(ANONYMOUS_BUDGET / minimumRequestCost);
    expect(refused.length).toBe(15 - ANONYMOUS_BUDGET / minimumRequestCost);
    expect(refused.every((response) => response.status === 429 && response.data == null)).toBe(true);
    const retryAfterSeconds = refused[0]!.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(4);

    // Refused before any database work, with the wait in the Retry-After header too.
    const before = await statementsSent();
    const again = await post(cheap, from('203.0.113.1'));
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await statementsSent()).toBe(before);

    expect((await client().data(cheap, {}, from('203.0.113.2'))).themes.length).toBeGreaterThan(0);

    await new Promise((resolve) => setTimeout(resolve, retryAfterSeconds * 1000 + 200));
    expect((await client().data(cheap, {}, from('203.0.113.1'))).themes.length).toBeGreaterThan(0);
  });

  it('charges a query its cost: one costly query can spend an anonymous budget at once', async () => {
    const response = await client().graphql(costly, {}, from('203.0.113.3'));
    expect(response.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect((await client().data(cheap, {}, from('203.0.113.4'))).themes.length).toBeGreaterThan(0);
  });

  it('counts requests that fail validation, so that guessing the schema spends the budget too', async () => {
    const guesses = [];
    for (let n = 0; n < 12; n++) guesses.push(await client().graphql(`{ guess${n} }`, {}, from('203.0.113.5')));
    expect(guesses.slice(0, 10).every((response) => response.errors?.[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    expect(guesses.slice(10).every((response) => response.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS')).toBe(true);
  });

  it('gives a signed-in account a larger budget of its own, not shared with its address', async () => {
    const account = await createTestAccount(db, 'RESEARCHER');
    try {
      const exhausted = from('203.0.113.6');
      await Promise.all(Array.from({ length: 12 }, () => client().graphql(cheap, {}, exhausted)));
      expect((await client().graphql(cheap, {}, exhausted)).errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
      const signedIn = await Promise.all(Array.from({ length: 30 }, () => client().graphql(cheap, {}, { ...exhausted, ...account.headers })));
      expect(signedIn.every((response) => response.data?.themes && !response.errors)).toBe(true);
      expect((await client().graphql(costly, {}, { ...exhausted, ...account.headers })).errors).toBeUndefined();
    } finally {
      await removeNodes(db, [account.id]);
    }
  });
});
