import { expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';
import { api, createInitiative, createOrganization, newAccount, ownPassword, signIn, signOut, unique } from './form-helpers.ts';

// Boxholm (0560) keeps these tests' organisations and initiatives apart from the other browser tests.
const kommun = '0560';

test('an association edits the initiative it leads and claims a part in another, which a strategist confirms in /granska', async ({ page, request }) => {
  const suffix = unique();
  const source = { title: 'Kommunens föreningsregister', publisher: 'Boxholms kommun' };
  const strategist = await newAccount(request, { role: 'STRATEGIST', municipalities: [kommun] });
  const token = await ownPassword(request, strategist);
  const associationName = `Boxholms bygdegårdsförening ${suffix}`;
  const organizationId = await createOrganization(request, token, { kind: 'ASSOCIATION', name: associationName, themes: [], municipalities: [kommun], source });
  const own = `Boxholms sommarkväll ${suffix}`;
  const ownId = await createInitiative(request, token, { kind: 'ACTIVITY', name: own, themes: [], municipalities: [kommun], source });
  await api(request, 'mutation ($input: AddParticipationInput!) { addParticipation(input: $input) { id } }', {
    input: { actorId: organizationId, initiativeId: ownId, role: 'LEAD', source },
  }, token);
  const other = `Boxholms integrationsråd ${suffix}`;
  const otherId = await createInitiative(request, token, { kind: 'NETWORK', name: other, themes: [], municipalities: [kommun], source });
  const association = await newAccount(request, { role: 'ASSOCIATION', organizationId });
  await ownPassword(request, association);

  await signIn(page, association);
  await page.goto(`/initiativ/${ownId}`);
  await expect(page.getByRole('link', { name: 'Anmäl att föreningen deltar' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Ändra initiativet' }).click();
  await page.getByLabel('Beskrivning').fill('Musik och fika i bygdegården varje torsdag i juli.');
  await page.getByLabel('Källans titel').fill('Föreningens programblad');
  await page.getByLabel('Utgivare').fill(associationName);
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.getByText('Sparat.')).toBeVisible();
  const edited = await api(request, 'query ($id: ID!) { initiative(id: $id) { description sources { title } } }', { id: ownId });
  expect(edited.initiative.description).toBe('Musik och fika i bygdegården varje torsdag i juli.');
  expect(edited.initiative.sources.map((s: { title: string }) => s.title)).toContain('Föreningens programblad');

  // An initiative it does not lead: no edit, but a claim.
  await page.goto(`/initiativ/${otherId}`);
  await expect(page.getByRole('heading', { level: 1, name: other })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ändra initiativet' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Anmäl att föreningen deltar' }).click();
  await expect(page).toHaveURL(/\/anmal$/);
  await page.getByLabel('Föreningens roll').selectOption('MEMBER');
  await page.getByLabel('Från').fill('2026');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Anmäl deltagandet' }).click();
  await expect(page.getByText(/Anmälan väntar på bekräftelse/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await signOut(page);

  await signIn(page, strategist);
  await expect(page).toHaveURL(/\/granska$/);
  const claim = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Anspråk: ${associationName} i ${other}` }) });
  await expect(claim).toBeVisible();
  await claim.getByRole('button', { name: `Bekräfta ${associationName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deltagandet bekräftades.' })).toBeVisible();
  const confirmed = await api(request, 'query ($id: ID!) { initiative(id: $id) { participants { role since status actor { id } } } }', { id: otherId });
  expect(confirmed.initiative.participants).toEqual([{ role: 'MEMBER', since: '2026', status: 'CONFIRMED', actor: { id: organizationId } }]);
});
