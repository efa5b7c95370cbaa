import { spawnSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../server/logger.ts';
import { startService } from '../../server/service.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { uniqueToken } from '../helpers/fixtures.ts';
import { createAccount } from '../../server/accounts/store.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { testConfig, useTestService } from '../helpers/service.ts';

const login = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token account { email role municipalities { code } } } }';

describe('accounts', () => {
  const db = useTestDatabase();
  const { client } = useTestService();

  it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD once, never overwriting it', async () => {
    const email = `${uniqueToken('admin').toLowerCase()}@example.org`;
    for (const password of ['första-lösenordet-1', 'andra-lösenordet-2']) {
      const service = await startService(testConfig({ ADMIN_EMAIL: email, ADMIN_PASSWORD: password }), createLogger('silent'));
      await waitUntilReady(service.url);
      await service.stop();
    }
    expect((await client().graphql(login, { e: email, p: 'andra-lösenordet-2' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await client().data(login, { e: email, p: 'första-lösenordet-1' })).login.account.role).toBe('ADMIN');
  });

  it('creates a strategist for a län from the command line, who can then sign in', async () => {
    const email = `${uniqueToken('cli').toLowerCase()}@example.org`;
    const neo4j = inject('neo4j');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/accounts.ts', 'create', '--email', email, '--role', 'STRATEGIST', '--county', '19'], {
      env: { PATH: process.env.PATH, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password || 'unused', ACCOUNT_PASSWORD: 'kommandoraden-123' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Created STRATEGIST ${email}`);
    const data = await client().data(login, { e: email, p: 'kommandoraden-123' });
    // Västmanlands län (19) is stored as its ten kommuner.
    expect(data.login.account.municipalities.map((m: { code: string }) => m.code)).toEqual(['1904', '1907', '1960', '1961', '1962', '1980', '1981', '1982', '1983', '1984']);
  });

  it('never says whether the e-mail or the password was wrong', async () => {
    const email = `${uniqueToken('fel').toLowerCase()}@example.org`;
    const passwordHash = await hashPassword('rätt-lösenord-1');
    await db.write((tx) => createAccount(tx, { email, passwordHash, role: 'RESEARCHER' }, 'test'));
    const wrongPassword = await client().graphql(login, { e: email, p: 'fel-lösenord-1' });
    const wrongEmail = await client().graphql(login, { e: `x${email}`, p: 'rätt-lösenord-1' });
    expect(wrongPassword.errors).toEqual(wrongEmail.errors);
    expect(wrongPassword.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('rate limits per client address', () => {
  const { client } = useTestService({ LOGIN_ATTEMPTS_PER_MINUTE: '3', REGISTRATIONS_PER_HOUR: '2' });

  it('answers TOO_MANY_REQUESTS with HTTP 429 after the allowed login attempts', async () => {
    const attempts = [];
    for (let n = 0; n < 4; n++) attempts.push(await client().graphql(login, { e: 'ingen@example.org', p: 'inget-lösenord-1' }));
    expect(attempts.slice(0, 3).map((a) => a.errors?.[0]?.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(attempts[3]!.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(attempts[3]!.status).toBe(429);
  });

  it('limits registrations too, before looking at the input', async () => {
    const register = 'mutation { registerAssociation(input: { name: "x", organizationNumber: "1", municipality: "1", themes: [], email: "x", password: "x" }) { id } }';
    const codes = [];
    for (let n = 0; n < 3; n++) codes.push((await client().graphql(register)).errors?.[0]?.extensions?.code);
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'TOO_MANY_REQUESTS']);
  });
});

async function waitUntilReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await fetch(`${url}/readyz`)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('not ready');
}
