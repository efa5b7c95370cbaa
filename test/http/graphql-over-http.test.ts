import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { useTestService } from '../helpers/service.ts';

/**
 * graphql-http's audit of the GraphQL-over-HTTP specification: a check of how the service answers over
 * HTTP that no one here wrote. Every audit passes, the MAYs too: queries over GET included, as stock
 * clients send them (README: "GraphQL over HTTP").
 */
describe('the GraphQL-over-HTTP audit', () => {
  const { client } = useTestService();

  it('passes every MUST, SHOULD and MAY', async () => {
    const results = [];
    for (const audit of serverAudits({ url: () => `${client().url}/graphql` })) results.push(await audit.fn());
    const failed = results.filter((result) => result.status !== 'ok').map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(failed).toEqual([]);
    expect(results.length).toBeGreaterThan(40);
  });
});
