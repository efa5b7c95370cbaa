import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { testJwtSecret, useTestService, type GraphQLResponse, type TestClient } from '../helpers/service.ts';

/**
 * Every hostile or broken token is refused with UNAUTHENTICATED (HTTP 401, no data), on `{ me { id role } }`,
 * a query that a valid token of the same account runs. Each service first proves that a valid token works,
 * and the hand-made forger below first proves that it makes tokens the service accepts, so that every
 * refusal is down to the one thing that is wrong with the token.
 */

const me = '{ me { id role } }';
const login = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token account { id } } }';

/** Key pairs in PEM, as JWT_PUBLIC_KEY and JWT_PRIVATE_KEY take them. */
const rsaKeys = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const ecKeys = () =>
  generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

const now = () => Math.floor(Date.now() / 1000);

/** base64url of a string as it is, or of anything else as JSON. */
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT signed by hand with HMAC-SHA256, whatever its header says: nothing checks what goes in. */
function hmacToken(header: unknown, payload: unknown, secret: string | Buffer = testJwtSecret): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

type Claims = Record<string, unknown>;

/** The claims the service itself would put in a token for this account. */
function claimsOf(account: TestAccount, role: string, extra: { org?: string | null; scope?: string[] } = {}): Claims {
  return { sub: account.id, role, org: extra.org ?? null, scope: extra.scope ?? [], iss: 'samverkan', aud: 'samverkan-api', iat: now(), exp: now() + 600 };
}

function without(claims: Claims, name: string): Claims {
  const { [name]: _dropped, ...rest } = claims;
  return rest;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function expectAccepted(client: TestClient, headers: Record<string, string>, account: TestAccount, role: string) {
  const response = await client.graphql(me, {}, headers);
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  expect(response.data).toEqual({ me: { id: account.id, role } });
}

function expectRefused(response: GraphQLResponse) {
  expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(response.status).toBe(401);
  expect(response.data ?? null).toBeNull();
}

describe('the HS256 service refuses every hostile or broken token', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  let account: TestAccount;
  let claims: Claims;
  const header = { alg: 'HS256', typ: 'JWT' };

  beforeAll(async () => {
    account = await createTestAccount(db, 'STRATEGIST', { municipalities: ['2521'] });
    claims = claimsOf(account, 'STRATEGIST', { scope: ['2521'] });
  });

  it('accepts the account’s own token, and a hand-made token with the same claims', async () => {
    await expectAccepted(client(), account.headers, account, 'STRATEGIST');
    await expectAccepted(client(), bearer(hmacToken(header, claims)), account, 'STRATEGIST');
  });

  it('is anonymous without an Authorization header, so that a refusal is not just "no viewer"', async () => {
    const response = await client().graphql(me);
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ me: null });
  });

  const forged: [string, () => string][] = [
    ['alg "none", unsigned, no trailing dot', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}`],
    ['alg "none", unsigned, with a trailing dot', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
    ['alg "none" as jsonwebtoken signs it', () => jwt.sign(claims, null, { algorithm: 'none' })],
    ['alg "none" keeping the HS256 signature of the same claims', () => {
      const signature = hmacToken(header, claims).split('.')[2];
      return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.${signature}`;
    }],
    ['HS256 signed with another secret', () => hmacToken(header, claims, 'another-secret-that-is-long-enough-for-hs256')],
    ['HS512 signed with the right secret (an algorithm the service does not allow)', () =>
      jwt.sign(claims, testJwtSecret, { algorithm: 'HS512' })],
    ['an HS256 header with no signature', () => `${b64(header)}.${b64(claims)}.`],
    ['a valid token with a claim changed after signing', () => {
      const [h, , s] = hmacToken(header, claims).split('.');
      return `${h}.${b64({ ...claims, role: 'ADMIN' })}.${s}`;
    }],
    ['expired beyond the 5 s tolerance', () => hmacToken(header, { ...claims, iat: now() - 1000, exp: now() - 60 })],
    ['no exp claim', () => hmacToken(header, without(claims, 'exp'))],
    ['wrong aud', () => hmacToken(header, { ...claims, aud: 'some-other-api' })],
    ['wrong iss', () => hmacToken(header, { ...claims, iss: 'someone-else' })],
    ['nbf in the future', () => hmacToken(header, { ...claims, nbf: now() + 120 })],
    ['malformed: one part', () => 'notajwtatall'],
    ['malformed: two parts', () => hmacToken(header, claims).split('.').slice(0, 2).join('.')],
    ['malformed: four parts', () => `${hmacToken(header, claims)}.${b64('more')}`],
    ['malformed: bad base64', () => '%%%.%%%.%%%'],
    ['malformed: header that is not JSON', () => hmacToken('{"alg":"HS256",', claims)],
    ['malformed: payload that is not JSON', () => hmacToken(header, '{"sub": garbage')],
    ['malformed: payload that is JSON but not an object', () => hmacToken(header, '"just a string"')],
    ['role not one of the four', () => hmacToken(header, { ...claims, role: 'SUPERUSER' })],
    ['role in the wrong case', () => hmacToken(header, { ...claims, role: 'strategist' })],
    ['role a number', () => hmacToken(header, { ...claims, role: 1 })],
    ['scope not an array', () => hmacToken(header, { ...claims, scope: '2521' })],
    ['scope with a 3-digit entry', () => hmacToken(header, { ...claims, scope: ['2521', '252'] })],
    ['scope with a 5-digit entry', () => hmacToken(header, { ...claims, scope: ['25210'] })],
    ['scope with a number', () => hmacToken(header, { ...claims, scope: [2521] })],
    ['sub missing', () => hmacToken(header, without(claims, 'sub'))],
    ['sub empty', () => hmacToken(header, { ...claims, sub: '' })],
    ['sub a number', () => hmacToken(header, { ...claims, sub: 42 })],
    ['org a number', () => hmacToken(header, { ...claims, org: 42 })],
    ['org missing', () => hmacToken(header, without(claims, 'org'))],
    ['iat missing', () => hmacToken(header, without(claims, 'iat'))],
  ];

  it.each(forged)('refuses a token: %s', async (_name, token) => {
    expectRefused(await client().graphql(me, {}, bearer(token())));
  });

  const malformedHeaders: [string, () => string][] = [
    ['"Basic" with the valid token', () => `Basic ${account.token}`],
    ['"Basic" with user:password', () => `Basic ${Buffer.from(`${account.email}:${account.password}`).toString('base64')}`],
    ['the valid token with no scheme', () => account.token],
    ['"Bearer" alone', () => 'Bearer'],
    ['two tokens', () => `Bearer ${account.token} ${account.token}`],
    ['two Bearer credentials', () => `Bearer ${account.token}, Bearer ${account.token}`],
    ['"Bearer" with two spaces', () => `Bearer  ${account.token}`],
  ];

  it.each(malformedHeaders)('refuses an Authorization header that is not "Bearer <token>": %s', async (_name, value) => {
    expectRefused(await client().graphql(me, {}, { authorization: value() }));
  });
});

describe('an RS256 service', () => {
  const db = useTestDatabase();
  const keys = rsaKeys();
  const { client } = useTestService({ JWT_ALGORITHM: 'RS256', JWT_PUBLIC_KEY: keys.publicKey, JWT_PRIVATE_KEY: keys.privateKey });
  let account: TestAccount;
  let issued: string;

  beforeAll(async () => {
    account = await createTestAccount(db, 'RESEARCHER');
  });

  it('issues RS256 tokens at login, and accepts them', async () => {
    const data = await client().data(login, { e: account.email, p: account.password });
    issued = data.login.token;
    expect(data.login.account.id).toBe(account.id);
    expect(jwt.decode(issued, { complete: true })?.header.alg).toBe('RS256');
    expect(() => jwt.verify(issued, keys.publicKey, { algorithms: ['RS256'] })).not.toThrow();
    await expectAccepted(client(), bearer(issued), account, 'RESEARCHER');
  });

  it('accepts an RS256 token signed with its private key outside the service', async () => {
    const token = jwt.sign(claimsOf(account, 'RESEARCHER'), keys.privateKey, { algorithm: 'RS256' });
    await expectAccepted(client(), bearer(token), account, 'RESEARCHER');
  });

  const forged: [string, () => string][] = [
    ['HS256 signed with its PEM public key as the secret', () =>
      hmacToken({ alg: 'HS256', typ: 'JWT' }, claimsOf(account, 'RESEARCHER'), keys.publicKey)],
    ['HS256 signed with its PEM public key, trimmed, as the secret', () =>
      hmacToken({ alg: 'HS256', typ: 'JWT' }, claimsOf(account, 'RESEARCHER'), keys.publicKey.trim())],
    ['HS256 signed with JWT_SECRET, which is in its environment too', () => account.token],
    ['RS256 signed with a different RSA key', () => jwt.sign(claimsOf(account, 'RESEARCHER'), rsaKeys().privateKey, { algorithm: 'RS256' })],
    ['alg "none"', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claimsOf(account, 'RESEARCHER'))}.`],
    ['RS256 with its key, but expired', () =>
      jwt.sign({ ...claimsOf(account, 'RESEARCHER'), iat: now() - 1000, exp: now() - 60 }, keys.privateKey, { algorithm: 'RS256' })],
  ];

  it.each(forged)('refuses %s', async (_name, token) => {
    expectRefused(await client().graphql(me, {}, bearer(token())));
  });
});

describe('an ES256 service', () => {
  const db = useTestDatabase();
  const keys = ecKeys();
  const { client } = useTestService({ JWT_ALGORITHM: 'ES256', JWT_PUBLIC_KEY: keys.publicKey, JWT_PRIVATE_KEY: keys.privateKey });
  let account: TestAccount;

  beforeAll(async () => {
    account = await createTestAccount(db, 'ADMIN');
  });

  it('accepts an ES256 token signed with its private key', async () => {
    const token = jwt.sign(claimsOf(account, 'ADMIN'), keys.privateKey, { algorithm: 'ES256' });
    await expectAccepted(client(), bearer(token), account, 'ADMIN');
  });

  it('issues ES256 tokens at login, and accepts them', async () => {
    const token = (await client().data(login, { e: account.email, p: account.password })).login.token;
    expect(jwt.decode(token, { complete: true })?.header.alg).toBe('ES256');
    await expectAccepted(client(), bearer(token), account, 'ADMIN');
  });

  const forged: [string, () => string][] = [
    ['ES256 signed with another EC key', () => jwt.sign(claimsOf(account, 'ADMIN'), ecKeys().privateKey, { algorithm: 'ES256' })],
    ['HS256 signed with its PEM public key as the secret', () =>
      hmacToken({ alg: 'HS256', typ: 'JWT' }, claimsOf(account, 'ADMIN'), keys.publicKey)],
    ['HS256 signed with JWT_SECRET, which is in its environment too', () => account.token],
    ['RS256 from an RSA key', () => jwt.sign(claimsOf(account, 'ADMIN'), rsaKeys().privateKey, { algorithm: 'RS256' })],
  ];

  it.each(forged)('refuses %s', async (_name, token) => {
    expectRefused(await client().graphql(me, {}, bearer(token())));
  });
});

describe('a service with only JWT_PUBLIC_KEY, verifying tokens of an outside identity provider', () => {
  const db = useTestDatabase();
  const provider = rsaKeys();
  const { client } = useTestService({ JWT_ALGORITHM: 'RS256', JWT_PUBLIC_KEY: provider.publicKey });
  let account: TestAccount;

  beforeAll(async () => {
    account = await createTestAccount(db, 'STRATEGIST', { municipalities: ['2521'] });
  });

  it('accepts a valid token signed by the provider', async () => {
    const token = jwt.sign(claimsOf(account, 'STRATEGIST', { scope: ['2521'] }), provider.privateKey, { algorithm: 'RS256' });
    await expectAccepted(client(), bearer(token), account, 'STRATEGIST');
  });

  it('refuses a token signed by another key, and the HS256 token from JWT_SECRET', async () => {
    const other = jwt.sign(claimsOf(account, 'STRATEGIST', { scope: ['2521'] }), rsaKeys().privateKey, { algorithm: 'RS256' });
    expectRefused(await client().graphql(me, {}, bearer(other)));
    expectRefused(await client().graphql(me, {}, account.headers));
  });

  it('refuses an HS256 token signed with the provider’s public key as the secret', async () => {
    const token = hmacToken({ alg: 'HS256', typ: 'JWT' }, claimsOf(account, 'STRATEGIST', { scope: ['2521'] }), provider.publicKey);
    expectRefused(await client().graphql(me, {}, bearer(token)));
  });

  it('hands out no token at login, having no key to sign one', async () => {
    const response = await client().graphql(login, { e: account.email, p: account.password });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.errors?.[0]?.message).toMatch(/identity provider/);
    expect(JSON.stringify(response)).not.toMatch(/"token"/);
  });
});
