import { describe, expect, it } from 'vitest';
import { createTestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createOrganizations, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

const createAccount = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id email role passwordChangeRequired organization { id } municipalities { code } } }`;
const login = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token account { role passwordChangeRequired } } }`;
const changePassword = `mutation ($current: String!, $new: String!) { changePassword(current: $current, new: $new) }`;

describe('accounts an admin makes, and passwords their people change', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const email = () => `${uniqueToken('konto').toLowerCase()}@example.org`;

  it('makes a strategist for a län, stored as its kommuner, who must change the password at first sign-in', async () => {
    const admin = await createTestAccount(db, 'ADMIN');
    const address = email();
    const created = (await client().data(createAccount, { input: { email: address, role: 'STRATEGIST', password: 'forsta-losenordet-1', county: '25' } }, admin.headers))
      .createAccount;
    expect(created).toMatchObject({ email: address, role: 'STRATEGIST', passwordChangeRequired: true, organization: null });
    expect(created.municipalities).toHaveLength(14); // Norrbottens län
    const signedIn = (await client().data(login, { e: address, p: 'forsta-losenordet-1' })).login;
    expect(signedIn.account).toEqual({ role: 'STRATEGIST', passwordChangeRequired: true });

    const headers = { authorization: `Bearer ${signedIn.token}` };
    const wrong = await client().graphql(changePassword, { current: 'inte-det-har-1', new: 'andra-losenordet-2' }, headers);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'current' });
    const weak = await client().graphql(changePassword, { current: 'forsta-losenordet-1', new: 'kort' }, headers);
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'new' });
    expect((await client().data(changePassword, { current: 'forsta-losenordet-1', new: 'andra-losenordet-2' }, headers)).changePassword).toBe(true);
    expect((await client().graphql(login, { e: address, p: 'forsta-losenordet-1' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await client().data(login, { e: address, p: 'andra-losenordet-2' })).login.account.passwordChangeRequired).toBe(false);
  });

  it('makes another user of an organisation, and refuses what does not fit the role', async () => {
    const admin = await createTestAccount(db, 'ADMIN');
    const [organization] = await createOrganizations(db, [{ name: `${uniqueToken('Konto')} Förening`, municipalities: ['2560'] }]);
    const created = (await client().data(createAccount, { input: { email: email(), role: 'ASSOCIATION', password: 'forsta-losenordet-1', organizationId: organization } }, admin.headers))
      .createAccount;
    expect(created.organization).toEqual({ id: organization });

    const refused = async (input: Record<string, unknown>) => (await client().graphql(createAccount, { input: { email: email(), password: 'forsta-losenordet-1', ...input } }, admin.headers)).errors?.[0]?.extensions;
    expect(await refused({ role: 'STRATEGIST' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.municipalities' });
    expect(await refused({ role: 'RESEARCHER', county: '25' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.county' });
    expect(await refused({ role: 'ASSOCIATION' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organizationId' });
    expect(await refused({ role: 'STRATEGIST', municipalities: ['9999'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.municipalities[0]' });
    expect(await refused({ role: 'ASSOCIATION', organizationId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
    expect(await refused({ role: 'RESEARCHER', password: 'kort' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    const taken = await client().graphql(createAccount, { input: { email: admin.email, role: 'RESEARCHER', password: 'forsta-losenordet-1' } }, admin.headers);
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
  });

  it('lets only an admin make accounts, and nobody anonymous change a password', async () => {
    const strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: ['2560'] });
    const address = email();
    const refused = await client().graphql(createAccount, { input: { email: address, role: 'RESEARCHER', password: 'forsta-losenordet-1' } }, strategist.headers);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const found = await db.query({ text: 'MATCH (a:Account {email: $email}) RETURN count(a) AS n', parameters: { email: address } });
    expect(found.records[0]!.get('n')).toBe(0);
    expect((await client().graphql(changePassword, { current: 'x', new: 'andra-losenordet-2' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
