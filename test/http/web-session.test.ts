import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '../../server/auth/tokens.ts';
import { createTestAccount, testTokens, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';
import { testJwtSecret, useTestService } from '../helpers/service.ts';

// Linköping (0583) keeps this file's registrations apart from other files' strategists.
const kommun = '0583';
const ownPages = { 'sec-fetch-site': 'same-origin' };
const otherSite = { 'sec-fetch-site': 'cross-site' };

const register = `mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id status } }`;
const approve = `mutation ($id: ID!) { reviewRegistration(id: $id, approve: true) { id status } }`;

/** What a browser would send back: the cookie's name=value from a Set-Cookie header. */
function cookieOf(setCookie: string | null): string {
  if (!setCookie) throw new Error('no Set-Cookie header');
  return setCookie.split(';')[0]!;
}

describe('the web session and cross-site requests', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const ids: string[] = [];
  let strategist: TestAccount;
  afterAll(() => removeNodes(db, ids));
  beforeAll(async () => {
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [kommun] });
  });

  const url = (path: string) => `${client().url}${path}`;
  const get = (query: string, headers: Record<string, string> = {}, variables?: object) =>
    fetch(url(`/graphql?query=${encodeURIComponent(query)}${variables ? `&variables=${encodeURIComponent(JSON.stringify(variables))}` : ''}`), { headers });
  const post = (query: string, variables: object, headers: Record<string, string>) =>
    fetch(url('/graphql'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const signIn = (email: string, password: string, headers: Record<string, string> = ownPages) =>
    fetch(url('/session'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) });

  async function pendingAssociation(): Promise<string> {
    const input = {
      name: `${uniqueToken('Webbföreningen')}`,
      organizationNumber: validOrganizationNumber(),
      municipality: kommun,
      themes: ['integration'],
      email: `${uniqueToken('webb').toLowerCase()}@example.org`,
      password: 'Läxhjälp-på-tisdagar-7',
    };
    const { registerAssociation } = await client().data(register, { input });
    ids.push(registerAssociation.id);
    return registerAssociation.id;
  }

  async function statusOf(id: string): Promise<string> {
    const result = await db.query<{ status: string }>({ text: 'MATCH (o:Organization {id: $id}) RETURN o.status AS status', parameters: { id } });
    return result.records[0]!.get('status');
  }

  it('answers a query over GET with no special header, as stock clients send it', async () => {
    // urql's GET, and the plain GET of a browser address bar or curl.
    const stockHeaders: Record<string, string>[] = [{ accept: 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed' }, {}];
    for (const headers of stockHeaders) {
      const response = await get('query Themes { themes { key } }', headers);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { themes: { key: string }[] } };
      expect(body.data.themes.map((theme) => theme.key)).toContain('integration');
    }
    // Apollo Client's and graphql-request's POST: JSON, no other header.
    const response = await post('{ themes { key } }', {}, {});
    expect(((await response.json()) as { data: { themes: unknown[] } }).data.themes.length).toBeGreaterThan(0);
  });

  it('refuses a mutation over GET, even from the pages with a session, and writes nothing', async () => {
    const id = await pendingAssociation();
    const session = cookieOf((await signIn(strategist.email, strategist.password)).headers.get('set-cookie'));
    const response = await get(approve, { ...ownPages, cookie: session }, { id });
    expect(response.status).toBe(405);
    expect(await statusOf(id)).toBe('PENDING');
  });

  it('signs in with a cookie that scripts cannot read and other sites cannot make the browser send, and gives the page no token', async () => {
    const response = await signIn(strategist.email, strategist.password);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^samverkan-session=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Max-Age=900/);
    // Plain HTTP outside production: a Secure cookie would not come back.
    expect(setCookie).not.toMatch(/Secure/);
    const body = await response.text();
    expect(JSON.parse(body).account).toMatchObject({ email: strategist.email, role: 'STRATEGIST' });
    expect(body).not.toContain(cookieOf(setCookie).split('=')[1]);
  });

  it('lets the session act on requests from the pages, GET or POST', async () => {
    const session = cookieOf((await signIn(strategist.email, strategist.password)).headers.get('set-cookie'));
    const me = (await (await get('{ me { email } }', { ...ownPages, cookie: session })).json()) as { data: { me: { email: string } } };
    expect(me.data.me.email).toBe(strategist.email);

    const id = await pendingAssociation();
    const approved = (await (await post(approve, { id }, { ...ownPages, cookie: session })).json()) as { data: { reviewRegistration: { status: string } } };
    expect(approved.data.reviewRegistration.status).toBe('VERIFIED');
    expect(await statusOf(id)).toBe('VERIFIED');
  });

  it('does not let a request from another site act with the session, whether the browser says so or only its Origin does', async () => {
    const session = cookieOf((await signIn(strategist.email, strategist.password)).headers.get('set-cookie'));
    const id = await pendingAssociation();
    for (const from of [otherSite, { 'sec-fetch-site': 'same-site' }, { origin: 'https://angripare.example' }, { origin: 'null' }]) {
      const me = (await (await get('{ me { email } }', { ...from, cookie: session })).json()) as { data: { me: unknown } };
      expect(me.data.me).toBeNull();
      const response = (await (await post(approve, { id }, { ...from, cookie: session })).json()) as { errors: { extensions: { code: string } }[] };
      expect(response.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(await statusOf(id)).toBe('PENDING');
    // The service's own origin, from a browser that sends Origin but not Sec-Fetch-Site.
    const me = (await (await get('{ me { email } }', { origin: client().url, cookie: session })).json()) as { data: { me: { email: string } } };
    expect(me.data.me.email).toBe(strategist.email);
  });

  it('lets a bearer token act from anywhere: no browser sends one by itself', async () => {
    const me = (await (await get('{ me { email } }', { ...otherSite, ...strategist.headers })).json()) as { data: { me: { email: string } } };
    expect(me.data.me.email).toBe(strategist.email);
  });

  it('refuses to sign in from another site, and answers a wrong password as login does', async () => {
    const crossSite = await signIn(strategist.email, strategist.password, otherSite);
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();

    const wrong = await signIn(strategist.email, 'inte-lösenordet-1');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(((await wrong.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');

    const missing = await fetch(url('/session'), { method: 'POST', headers: { 'content-type': 'application/json', ...ownPages }, body: '{}' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: { extensions: { field: string } }[] }).errors[0]!.extensions.field).toBe('email');
  });

  it('signs out by clearing the cookie', async () => {
    const response = await fetch(url('/session'), { method: 'DELETE', headers: ownPages });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^samverkan-session=; .*Expires=Thu, 01 Jan 1970/);
  });

  it('renews a session past half its token’s lifetime from the account as it is now, and leaves a fresh one alone', async () => {
    const halfSpent = new TokenService({ algorithm: 'HS256', secret: testJwtSecret, issuer: 'samverkan', audience: 'samverkan-api', ttlSeconds: 300, ephemeral: false });
    // The token claims kommun 0000; the account's scope is the strategist's kommun.
    const old = halfSpent.issue({ accountId: strategist.id, role: 'STRATEGIST', organizationId: null, municipalities: ['0000'] });
    const renewed = await get('{ me { email } }', { ...ownPages, cookie: `samverkan-session=${old}` });
    const token = cookieOf(renewed.headers.get('set-cookie')).split('=')[1]!;
    const claims = jwt.decode(token) as { exp: number; scope: string[]; sub: string };
    expect(claims.sub).toBe(strategist.id);
    expect(claims.scope).toEqual([kommun]);
    expect(claims.exp - Date.now() / 1000).toBeGreaterThan(800);

    const fresh = await get('{ me { email } }', { ...ownPages, cookie: `samverkan-session=${testTokens.issue({ accountId: strategist.id, role: 'STRATEGIST', organizationId: null, municipalities: [kommun] })}` });
    expect(fresh.headers.get('set-cookie')).toBeNull();
  });

  it('treats an expired or forged cookie as signed out, and clears it', async () => {
    const expired = jwt.sign({ role: 'ADMIN', org: null, scope: [] }, testJwtSecret, { subject: strategist.id, issuer: 'samverkan', audience: 'samverkan-api', expiresIn: -60 });
    const forged = jwt.sign({ role: 'ADMIN', org: null, scope: [] }, 'another-secret-that-is-long-enough-too', { subject: strategist.id, issuer: 'samverkan', audience: 'samverkan-api', expiresIn: 600 });
    for (const token of [expired, forged]) {
      const response = await get('{ me { email } }', { ...ownPages, cookie: `samverkan-session=${token}` });
      expect(((await response.json()) as { data: { me: unknown } }).data.me).toBeNull();
      expect(response.headers.get('set-cookie')).toMatch(/^samverkan-session=; /);
    }
  });
});

describe('the session cookie in production', () => {
  const db = useTestDatabase();
  const { client } = useTestService({ NODE_ENV: 'production' });

  it('is Secure and bound to this exact host (__Host-)', async () => {
    const account = await createTestAccount(db, 'RESEARCHER');
    const response = await fetch(`${client().url}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...ownPages },
      body: JSON.stringify({ email: account.email, password: account.password }),
    });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^__Host-samverkan-session=/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    // A browser sends it back only over HTTPS; here the test sends it as the browser would.
    const me = await fetch(`${client().url}/graphql?query=${encodeURIComponent('{ me { email } }')}`, { headers: { ...ownPages, cookie: cookieOf(setCookie) } });
    expect(((await me.json()) as { data: { me: { email: string } } }).data.me.email).toBe(account.email);
  });
});
