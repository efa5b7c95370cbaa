import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { useTestService } from '../helpers/service.ts';

/**
 * graphql-http's audit of the GraphQL-over-HTTP specification: a check of how the service answers over
 * HTTP that no one here wrote. Every MUST and every SHOULD passes; what is left are three MAYs the
 * service declines on purpose (README: "GraphQL over HTTP").
 */
describe('the GraphQL-over-HTTP audit', () => {
  const { client } = useTestService();

  it('passes every MUST and every SHOULD', async () => {
    const results = [];
    for (const audit of serverAudits({ url: () => `${client().url}/graphql` })) results.push(await audit.fn());
    const failed = results.filter((result) => result.status !== 'ok').map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(failed.filter((name) => !name.startsWith('MAY'))).toEqual([]);
    expect(results.length).toBeGreaterThan(40);
  });
});
