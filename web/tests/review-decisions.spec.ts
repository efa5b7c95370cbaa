import { expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';
import { api, createOrganization, newAccount, organizationNumber, ownPassword, signIn, unique } from './form-helpers.ts';

// Kinda (0513) keeps these tests' registrations apart from the other browser tests.
const kommun = '0513';

async function register(request: Parameters<typeof api>[0], name: string): Promise<string> {
  const input = {
    name,
    organizationNumber: organizationNumber(),
    municipality: kommun,
    themes: ['fritid'],
    email: `forening-${unique()}@kinda.example`,
    password: 'Föreningens-lösenord-9',
  };
  return (await api(request, 'mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id } }', { input })).registerAssociation.id;
}

test.describe('the review queue', () => {
  test('rejects a registration only with a reason, and keeps the reason', async ({ page, request }) => {
    const strategist = await newAccount(request, { role: 'STRATEGIST', municipalities: [kommun] });
    const token = await ownPassword(request, strategist);
    const name = `Kinda fiskevårdsförening ${unique()}`;
    const id = await register(request, name);

    await signIn(page, strategist);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Registrering: ${name}` }) });
    await expect(item).toBeVisible();
    await item.getByRole('button', { name: `Avslå ${name}` }).click();
    await expect(item.getByText('Skriv varför, minst 3 tecken.')).toBeVisible();
    const status = async () => (await api(request, 'query ($id: ID!) { actor(id: $id) { ... on Organization { status } } }', { id }, token)).actor.status;
    expect(await status()).toBe('PENDING');
    await item.getByLabel('Motivering (krävs vid avslag)').fill('Föreningen finns inte i Kinda kommuns register.');
    await item.getByRole('button', { name: `Avslå ${name}` }).click();
    await expect(page.getByRole('status').filter({ hasText: `${name} avslogs.` })).toBeVisible();
    await expect(item).toHaveCount(0);
    const reviewed = await api(request, 'query ($id: ID!) { actor(id: $id) { ... on Organization { status registrationReview { approved reason } } } }', { id }, token);
    expect(reviewed.actor).toEqual({ status: 'REJECTED', registrationReview: { approved: false, reason: 'Föreningen finns inte i Kinda kommuns register.' } });
    await expectNoSeriousA11yViolations(page);
  });

  test('shows a possible duplicate beside the registration and merges the two', async ({ page, request }) => {
    const strategist = await newAccount(request, { role: 'STRATEGIST', municipalities: [kommun] });
    const token = await ownPassword(request, strategist);
    const word = unique();
    const existing = `Kinda schackklubb ${word}`;
    const keptId = await createOrganization(request, token, {
      kind: 'ASSOCIATION', name: existing, themes: ['fritid'], municipalities: [kommun], source: { title: 'Föreningsregistret', publisher: 'Kinda kommun' },
    });
    const registered = `Kinda schackklubben ${word}`;
    const mergedId = await register(request, registered);

    await signIn(page, strategist);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Registrering: ${registered}` }) });
    await expect(item.getByRole('heading', { name: `Möjlig dubblett: ${existing}` })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const merge = item.getByRole('button', { name: `Slå ihop ${registered} med ${existing}` });
    await expect(merge).toBeDisabled();
    await item.getByLabel('Varför de är samma organisation').fill('Samma klubb: samma ordförande och adress.');
    await merge.click();
    await expect(page.getByRole('status').filter({ hasText: `${registered} slogs ihop med ${existing}.` })).toBeVisible();
    // The merged id now answers as the organisation that was kept.
    const merged = await api(request, 'query ($id: ID!) { actor(id: $id) { id name } }', { id: mergedId }, token);
    expect(merged.actor).toEqual({ id: keptId, name: existing });
  });
});
