import { describe, expect, it } from 'vitest';
import { queryLimits } from '../../server/graphql/limits.ts';
import { useTestService } from '../helpers/service.ts';

describe('query limits', () => {
  const { client } = useTestService();

  it('refuses a query nested deeper than the limit', async () => {
    // A thin chain, so that depth and not cost is what trips.
    const selection = `${'partOf { '.repeat(queryLimits.maxDepth)}name${' }'.repeat(queryLimits.maxDepth)}`;
    const response = await client().graphql(`{ initiatives(first: 1) { edges { node { ${selection} } } } }`);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses more aliases than the limit', async () => {
    const aliases = Array.from({ length: queryLimits.maxAliases + 1 }, (_, n) => `t${n}: themes { key }`).join(' ');
    const response = await client().graphql(`{ ${aliases} }`);
    expect(response.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it('refuses a query that would cost more than the limit', async () => {
    const response = await client().graphql(
      `{ actors(first: 100) { edges { node { ${'participations { initiative { participants { actor { name '.repeat(2)}${'} } } } '.repeat(2)} } } } }`,
    );
    expect(response.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('refuses a query of too many tokens', async () => {
    const response = await client().graphql(`{ themes { ${'key '.repeat(queryLimits.maxTokens)} } }`);
    expect(response.errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses batched operations', async () => {
    const response = await fetch(`${client().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ themes { key } }' }, { query: '{ themes { key } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses every abusive query before any database work', async () => {
    const statementsSent = async () => {
      const sent = Number(/^neo4j_statements_total (\d+)/m.exec(await (await fetch(`${client().url}/metrics`)).text())?.[1]);
      // An unreadable metric is NaN, and NaN would equal NaN below whatever the service did.
      expect(Number.isInteger(sent), 'neo4j_statements_total is readable').toBe(true);
      return sent;
    };
    const before = await statementsSent();
    const abusive = [
      `{ initiatives(first: 1) { edges { node { ${'partOf { '.repeat(queryLimits.maxDepth)}name${' }'.repeat(queryLimits.maxDepth)} } } } }`,
      `{ ${Array.from({ length: queryLimits.maxAliases + 1 }, (_, n) => `t${n}: themes { key }`).join(' ')} }`,
      `{ themes { ${'key '.repeat(queryLimits.maxTokens)} } }`,
      `{ themes ${'@include(if: true) '.repeat(queryLimits.maxDirectives + 1)} { key } }`,
    ];
    for (const query of abusive) {
      const response = await client().graphql(query);
      expect(response.data ?? null, query.slice(0, 60)).toBeNull();
      expect(response.errors?.length).toBeGreaterThan(0);
    }
    expect(await statementsSent()).toBe(before);
  });

  it('lets a reasonable nested query through', async () => {
    const response = await client().graphql(
      '{ actors(first: 20) { edges { node { name themes { key } participations { role initiative { name participants { actor { name } } } } } } } }',
    );
    expect(response.errors).toBeUndefined();
  });
});
