import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/database.ts';
import { uniqueToken } from '../helpers/fixtures.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';
import { useTestService } from '../helpers/service.ts';

const register = `mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id } }`;

const valid = () => ({
  name: `${uniqueToken('Kontroll')} förening`,
  organizationNumber: validOrganizationNumber(),
  municipality: '2514',
  themes: ['fritid'],
  email: `${uniqueToken('kontroll').toLowerCase()}@example.org`,
  password: 'ett-långt-lösenord-9',
});

describe('registration input', () => {
  const db = useTestDatabase();
  const { client } = useTestService();

  it.each([
    ['organizationNumber', { organizationNumber: '802002-5429' }, 'check digit'],
    ['organizationNumber', { organizationNumber: '80200254' }, 'organisationsnummer'],
    ['organizationNumber', { organizationNumber: '900101-0017' }, 'personnummer'],
    ['municipality', { municipality: '9999' }, 'unknown kommun'],
    ['themes[1]', { themes: ['fritid', 'golf'] }, 'unknown theme'],
    ['email', { email: 'inte-en-adress' }, 'e-mail'],
    ['password', { password: 'kort1' }, '12 characters'],
    ['password', { password: 'barabokstaverhar' }, 'digits or symbols'],
    ['name', { name: 'A' }, 'at least 2'],
    ['name', { name: 'Namn\u0007med klocka' }, 'control characters'],
    ['name', { name: 'x'.repeat(201) }, 'at most 200'],
    ['phone', { phone: 'ring mig' }, 'phone'],
  ])('refuses a bad input.%s (%j) with BAD_USER_INPUT naming it, and writes nothing', async (field, change, words) => {
    const input = { ...valid(), ...change };
    const answer = await client().graphql(register, { input });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    expect(answer.errors?.[0]?.message).toContain(words);
    const written = await db.read(async (tx) => {
      const result = await tx.run<{ n: number }>({
        text: 'RETURN COUNT { (a:Account {email: $email}) } + COUNT { (o:Organization {name: $name}) } AS n',
        parameters: { email: input.email, name: input.name },
      });
      return result.records[0]!.get('n');
    });
    expect(written).toBe(0);
  });

  it('accepts ten digits without a dash and stores the dashed form', async () => {
    const input = valid();
    const digits = input.organizationNumber.replace('-', '');
    const answer = await client().data(`mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { organizationNumber } }`, {
      input: { ...input, organizationNumber: digits },
    });
    expect(answer.registerAssociation.organizationNumber).toBe(input.organizationNumber);
  });
});
