import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { minimumRequestCost } from '../../server/graphql/query-budget.ts';
import { createTestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';
import { useTestService } from '../helpers/service.ts';

const register = `mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id } }`;
const createAccount = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }`;
const costly = '{ actors(first: 20) { edges { node { name themes { key } participations { role initiative { name participants { actor { name } } } } } } } }';

const association = () => ({
  name: `${uniqueToken('Språk')} förening`,
  organizationNumber: validOrganizationNumber(),
  municipality: '1486',
  themes: ['fritid'],
  email: `${uniqueToken('sprak').toLowerCase()}@example.org`,
  password: 'ett-långt-lösenord-9',
});

const swedish = { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' };

describe('the API answers its errors in the language the request asks for', () => {
  const db = useTestDatabase();
  // Behind a trusted proxy, X-Forwarded-For names the client: each test is a client of its own, so the
  // small anonymous budget runs out only where a test spends it.
  const { client } = useTestService({ QUERY_BUDGET_ANONYMOUS: String(10 * minimumRequestCost), QUERY_BUDGET_WINDOW_SECONDS: '60', TRUST_PROXY: 'loopback' });
  const from = (address: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...headers });
  const created: string[] = [];

  it('writes a field error in Swedish for sv, in English without the header, with the same field path', async () => {
    const input = { ...association(), name: 'A' };
    const inSwedish = await client().graphql(register, { input }, from('203.0.113.20', swedish));
    const inEnglish = await client().graphql(register, { input }, from('203.0.113.20'));
    expect(inSwedish.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(inEnglish.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(inSwedish.errors?.[0]?.message).toBe('input.name: måste vara minst 2 tecken');
    expect(inEnglish.errors?.[0]?.message).toBe('input.name: must be at least 2 characters');
  });

  it('writes zod’s own messages in Swedish from its Swedish locale', async () => {
    const input = { ...association(), email: `${'a'.repeat(250)}@example.org` };
    const inSwedish = await client().graphql(register, { input }, from('203.0.113.21', { 'accept-language': 'sv' }));
    const inEnglish = await client().graphql(register, { input }, from('203.0.113.21'));
    expect(inSwedish.errors?.[0]?.extensions?.field).toBe('input.email');
    expect(inEnglish.errors?.[0]?.extensions?.field).toBe('input.email');
    expect(inEnglish.errors?.[0]?.message).toMatch(/^input\.email: Too big/);
    expect(inSwedish.errors?.[0]?.message).toMatch(/^input\.email: För stor/);
    expect(inSwedish.errors?.[0]?.message).toContain('254');
  });

  it('writes a conflict in Swedish, naming the same field', async () => {
    const first = association();
    const registered = await client().data<{ registerAssociation: { id: string } }>(register, { input: first }, from('203.0.113.22'));
    created.push(registered.registerAssociation.id);
    const again = { ...association(), organizationNumber: first.organizationNumber };
    const inSwedish = await client().graphql(register, { input: again }, from('203.0.113.22', swedish));
    const inEnglish = await client().graphql(register, { input: again }, from('203.0.113.22'));
    expect(inSwedish.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.organizationNumber' });
    expect(inEnglish.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.organizationNumber' });
    expect(inSwedish.errors?.[0]?.message).toBe(`input.organizationNumber: ${first.organizationNumber} är redan registrerat`);
    expect(inEnglish.errors?.[0]?.message).toBe(`input.organizationNumber: ${first.organizationNumber} is registered already`);
  });

  it('writes a thing not found in Swedish, and says so in Content-Language', async () => {
    const admin = await createTestAccount(db, 'ADMIN');
    created.push(admin.id);
    const input = { email: `${uniqueToken('konto').toLowerCase()}@example.org`, role: 'ASSOCIATION', password: 'ett-långt-lösenord-9', organizationId: randomUUID() };
    const post = (headers: Record<string, string>) =>
      fetch(`${client().url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...admin.headers, ...headers },
        body: JSON.stringify({ query: createAccount, variables: { input } }),
      });
    const inSwedish = await post(swedish);
    const inEnglish = await post({});
    expect(inSwedish.headers.get('content-language')).toBe('sv');
    expect(inEnglish.headers.get('content-language')).toBe('en');
    const swedishError = ((await inSwedish.json()) as { errors: { message: string; extensions: { code: string; field: string } }[] }).errors[0]!;
    const englishError = ((await inEnglish.json()) as { errors: { message: string; extensions: { code: string; field: string } }[] }).errors[0]!;
    expect(swedishError.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
    expect(englishError.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
    expect(swedishError.message).toBe('input.organizationId: anger ingen organisation');
    expect(englishError.message).toBe('input.organizationId: names no organisation');
  });

  it('writes TOO_MANY_REQUESTS in Swedish, whether refused before the query runs or before the request is read', async () => {
    const client203 = from('203.0.113.23', swedish);
    const charged = await client().graphql(costly, {}, client203);
    expect(charged.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(charged.errors?.[0]?.message).toMatch(/^För många försök; försök igen om \d+ s$/);
    const refusedAtOnce = await client().graphql('{ themes { key } }', {}, client203);
    expect(refusedAtOnce.status).toBe(429);
    expect(refusedAtOnce.errors?.[0]?.message).toMatch(/^För många försök; försök igen om \d+ s$/);
    const inEnglish = await client().graphql('{ themes { key } }', {}, from('203.0.113.23'));
    expect(inEnglish.errors?.[0]?.message).toMatch(/^Too many attempts; try again in \d+ s$/);
  });

  it('answers the routes beside GraphQL in the request’s language too', async () => {
    const post = (headers: Record<string, string>) => fetch(`${client().url}/import?dryRun=true&suppliedBy=x`, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body: 'a,b\n' });
    const inSwedish = await post(swedish);
    const inEnglish = await post({});
    expect(inSwedish.status).toBe(400);
    expect(inSwedish.headers.get('content-language')).toBe('sv');
    const swedishBody = (await inSwedish.json()) as { errors: { message: string; extensions: { field: string } }[] };
    const englishBody = (await inEnglish.json()) as { errors: { message: string; extensions: { field: string } }[] };
    expect(swedishBody.errors[0]!.extensions.field).toBe('query.fileName');
    expect(englishBody.errors[0]!.extensions.field).toBe('query.fileName');
    expect(swedishBody.errors[0]!.message).toMatch(/^query\.fileName: Ogiltig inmatning/);
    expect(englishBody.errors[0]!.message).toMatch(/^query\.fileName: Invalid input/);
  });

  it('answers in English to a client that prefers another language over Swedish', async () => {
    const answer = await client().graphql(register, { input: { ...association(), name: 'A' } }, from('203.0.113.24', { 'accept-language': 'en-GB,sv;q=0.8' }));
    expect(answer.errors?.[0]?.message).toBe('input.name: must be at least 2 characters');
  });

  it('cleans up', async () => {
    await removeNodes(db, created);
  });
});
