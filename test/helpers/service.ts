import { afterAll, beforeAll, inject } from 'vitest';
import { parseConfig, type Config } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { startService, type RunningService } from '../../server/service.ts';
import { seedIfEmpty } from '../../seeds/loader/network.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** The HS256 secret test services sign with, so that tests can forge tokens of every kind. */
export const testJwtSecret = 'test-secret-that-is-long-enough-for-hs256';

/** The configuration a test service runs with: the run's Neo4j, any free port, no seeding. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const neo4j = inject('neo4j');
  return parseConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password || 'unused-without-auth',
    NEO4J_DATABASE: neo4j.database,
    SEED_ON_START: 'false',
    JWT_SECRET: testJwtSecret,
    LOGIN_ATTEMPTS_PER_MINUTE: '100000',
    REGISTRATIONS_PER_HOUR: '100000',
    // Suites send thousands of requests from one address; the budget has its own test.
    QUERY_BUDGET_ANONYMOUS: '1000000000',
    QUERY_BUDGET_SIGNED_IN: '1000000000',
    ...overrides,
  });
}

export class TestClient {
  constructor(readonly url: string) {}

  async graphql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  /** The data of a query that must succeed; fails the test with the errors otherwise. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, headers = {}): Promise<T> {
    const response = await this.graphql<T>(query, variables, headers);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }
}

/** Starts the real service in this test file's process, against the run's Neo4j, wired as `npm start` wires it. */
export function useTestService(overrides: Record<string, string> = {}): { client: () => TestClient; service: () => RunningService } {
  let service: RunningService | undefined;
  beforeAll(async () => {
    service = await startService(testConfig(overrides), createLogger('silent'), { seedNetwork: seedIfEmpty });
  });
  afterAll(() => service?.stop());
  return {
    client: () => new TestClient(service!.url),
    service: () => service!,
  };
}
