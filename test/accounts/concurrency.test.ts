import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/database.ts';
import { removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';
import { useTestService } from '../helpers/service.ts';

const register = `mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id } }`;

describe('concurrent registrations', () => {
  const db = useTestDatabase();
  const { client } = useTestService();

  it('create exactly one organisation and one account out of twenty identical ones', async () => {
    const input = {
      name: `${uniqueToken('Samtidig')} förening`,
      organizationNumber: validOrganizationNumber(),
      municipality: '2514',
      themes: ['fritid'],
      email: `${uniqueToken('samtidig').toLowerCase()}@example.org`,
      password: 'samtidigt-och-säkert-1',
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => client().graphql(register, { input })));

    const created = answers.filter((answer) => answer.data?.registerAssociation?.id);
    const refused = answers.filter((answer) => answer.errors);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const answer of refused) {
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.organizationNumber' });
    }

    const counts = await db.read(async (tx) => {
      const result = await tx.run<{ organizations: number; accounts: number }>({
        text: `RETURN COUNT { (o:Organization {organizationNumber: $number}) } AS organizations,
                      COUNT { (a:Account {email: $email}) } AS accounts`,
        parameters: { number: input.organizationNumber, email: input.email },
      });
      return result.records[0]!.toObject();
    });
    expect(counts).toEqual({ organizations: 1, accounts: 1 });
    await removeNodes(db, [created[0]!.data!.registerAssociation.id]);
  });
});
