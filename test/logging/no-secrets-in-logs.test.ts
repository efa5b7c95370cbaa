import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../server/service.ts';
import { createTestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';
import { testConfig, TestClient } from '../helpers/service.ts';

const login = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const changePassword = 'mutation ($c: String!, $n: String!) { changePassword(current: $c, new: $n) }';
const register = 'mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id } }';

/**
 * Everything the service writes, at every level, goes to `lines`; the test then looks for each secret
 * and personal value it sent in the whole text. The service wraps whatever logger it is given, so this
 * plain pino logger is redacted as the production one is.
 */
describe('the logs hold no credential and no personal data', () => {
  const db = useTestDatabase();
  const lines: string[] = [];
  const logger = pino({ level: 'trace', base: null }, { write: (line: string) => void lines.push(line) });
  const ids: string[] = [];
  let service: RunningService;
  // A database that does not exist: every statement fails with an error the service does not expect.
  let broken: RunningService;

  beforeAll(async () => {
    service = await startService(testConfig(), logger);
    broken = await startService(testConfig({ NEO4J_DATABASE: 'nosuchdatabase' }), logger);
  });
  afterAll(async () => {
    await broken?.stop();
    await service?.stop();
    await removeNodes(db, ids);
  });

  it('redacts tokens, cookies, passwords and e-mail addresses from request lines and error lines', async () => {
    const client = new TestClient(service.url);
    const account = await createTestAccount(db, 'ADMIN');
    ids.push(account.id);
    const { token } = (await client.data(login, { e: account.email, p: account.password })).login as { token: string };
    const newPassword = `${uniqueToken('nytt')}-lösenord`;
    const cookie = `session=${uniqueToken('kaka')}`;
    const signedIn = { authorization: `Bearer ${token}`, cookie };
    await client.data('{ themes { key } }', {}, signedIn);
    await client.data(changePassword, { c: account.password, n: newPassword }, signedIn);

    // A GET carries the operation and its variables in the URL.
    const search = encodeURIComponent('query ($t: String!) { search(text: $t, first: 1) { __typename } }');
    const variables = encodeURIComponent(JSON.stringify({ t: account.email }));
    await fetch(`${service.url}/graphql?query=${search}&variables=${variables}`, { headers: { ...signedIn, 'apollo-require-preflight': 'true' } });

    const registration = {
      name: `${uniqueToken('Loggprov')} Förening`,
      organizationNumber: validOrganizationNumber(),
      municipality: '2521',
      themes: ['fritid'],
      email: `${uniqueToken('logg').toLowerCase()}@example.org`,
      password: `${uniqueToken('reg')}-hemligt`,
      phone: '0978-555 12 34',
    };
    ids.push(((await client.data(register, { input: registration })).registerAssociation as { id: string }).id);

    const internal = await new TestClient(broken.url).graphql(login, { e: account.email, p: newPassword }, signedIn);
    expect(internal.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const registrationOnBroken = await new TestClient(broken.url).graphql(register, { input: { ...registration, organizationNumber: validOrganizationNumber() } });
    expect(registrationOnBroken.errors?.length).toBeGreaterThan(0);

    const secrets = [token, account.token, cookie, account.password, newPassword, account.email, registration.email, registration.password, registration.phone];
    const logged = lines.join('');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, any>);
    // The lines are there, with the headers in them, so that redaction and not silence is what is tested.
    expect(entries.some((entry) => entry.req?.headers?.authorization === '[Redacted]' && entry.req?.headers?.cookie === '[Redacted]')).toBe(true);
    expect(entries.some((entry) => entry.msg === 'internal error in a GraphQL operation' && entry.err)).toBe(true);
    for (const secret of secrets) expect(logged, `a log line holds ${secret.slice(0, 12)}…`).not.toContain(secret);
    // The URL is logged without its query string.
    expect(entries.some((entry) => entry.req?.url === '/graphql' && entry.req?.method === 'GET')).toBe(true);
  });
});
