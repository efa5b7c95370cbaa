import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';
import { api, createInitiative, createOrganization, newAccount, ownPassword, signIn, unique } from './form-helpers.ts';

// Åtvidaberg (0561) keeps these tests' data apart from the other browser tests.
const kommun = '0561';

/** Presses Tab until the control has the focus: it is reached by keyboard, in the page's order. */
async function tabTo(page: Page, control: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await control.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reached by Tab: ${control}`);
}

async function typeInto(page: Page, control: Locator, text: string) {
  await tabTo(page, control);
  await page.keyboard.type(text);
}

/** Finds an organisation by name in a search field and chooses it with Enter. */
async function chooseActor(page: Page, field: Locator, name: string) {
  await typeInto(page, field, name);
  const choice = page.getByRole('button', { name: new RegExp(`Välj ${name}`) });
  await expect(choice).toBeVisible();
  await tabTo(page, choice);
  await page.keyboard.press('Enter');
}

test('a strategist uses every new form by keyboard alone', async ({ page, request }) => {
  const suffix = unique();
  const source = { title: 'Kommunstyrelsens beslut', publisher: 'Åtvidabergs kommun' };
  const strategist = await newAccount(request, { role: 'STRATEGIST', municipalities: [kommun] });
  const token = await ownPassword(request, strategist);
  const initiativeId = await createInitiative(request, token, { kind: 'PROJECT', name: `Åtvidabergs lovaktiviteter ${suffix}`, themes: [], municipalities: [kommun], source });
  const funder = `Åtvidabergs sparbank ${suffix}`;
  await createOrganization(request, token, { kind: 'BUSINESS', name: funder, themes: [], municipalities: [kommun], source });
  await signIn(page, strategist);

  // A new organisation.
  await page.goto('/organisation/ny');
  const name = `Åtvidabergs ungdomsråd ${suffix}`;
  await tabTo(page, page.getByLabel('Typ av organisation'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Typ av organisation')).toHaveValue('AUTHORITY');
  await typeInto(page, page.getByLabel('Organisationens namn'), name);
  await tabTo(page, page.getByRole('group', { name: 'Teman' }).getByRole('checkbox').first());
  await page.keyboard.press('Space');
  await tabTo(page, page.getByLabel('Kommun'));
  // The strategist's one kommun follows the empty choice.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Kommun')).toHaveValue(kommun);
  await typeInto(page, page.getByLabel('Källans titel'), 'Kommunfullmäktiges protokoll');
  await typeInto(page, page.getByLabel('Utgivare'), 'Åtvidabergs kommun');
  await tabTo(page, page.getByRole('button', { name: 'Spara organisationen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `${name} är sparad` })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: `Visa ${name}` }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const organizationId = page.url().split('/').pop()!;

  // Its edit, reached from its page.
  await tabTo(page, page.getByRole('link', { name: 'Ändra organisationen' }));
  await page.keyboard.press('Enter');
  await typeInto(page, page.getByLabel('Beskrivning'), 'Unga som påverkar kommunens beslut.');
  await typeInto(page, page.getByLabel('Källans titel'), 'Rådets stadgar');
  await typeInto(page, page.getByLabel('Utgivare'), name);
  await tabTo(page, page.getByRole('button', { name: 'Spara ändringarna' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Sparat.')).toBeVisible();
  expect((await api(request, 'query ($id: ID!) { actor(id: $id) { description } }', { id: organizationId })).actor.description).toBe('Unga som påverkar kommunens beslut.');

  // The initiative's edit, with a kommun added by its list and button.
  await page.goto(`/initiativ/${initiativeId}`);
  await tabTo(page, page.getByRole('link', { name: 'Ändra initiativet' }));
  await page.keyboard.press('Enter');
  await typeInto(page, page.getByLabel('Start'), '2026-06');
  await typeInto(page, page.getByLabel('Källans titel'), 'Sommarlovsplan 2026');
  await typeInto(page, page.getByLabel('Utgivare'), 'Åtvidabergs kommun');
  await tabTo(page, page.getByRole('button', { name: 'Spara ändringarna' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Sparat.')).toBeVisible();
  expect((await api(request, 'query ($id: ID!) { initiative(id: $id) { start } }', { id: initiativeId })).initiative.start).toBe('2026-06');

  // A participant added, changed and removed.
  await page.goto(`/initiativ/${initiativeId}/deltagare`);
  await chooseActor(page, page.getByLabel('Organisation'), name);
  await tabTo(page, page.getByLabel('Roll'));
  await page.keyboard.type('Medsökande');
  await typeInto(page, page.getByLabel('Källans titel'), 'Ansökan om lovaktiviteter');
  await typeInto(page, page.getByLabel('Utgivare'), 'Åtvidabergs kommun');
  await tabTo(page, page.getByRole('button', { name: 'Lägg till deltagaren' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${name} är tillagd.`)).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: `Ändra eller ta bort ${name}` }));
  await page.keyboard.press('Enter');
  const edit = page.getByRole('form', { name: `Ändra ${name}` });
  await typeInto(page, edit.getByLabel('Från'), '2026');
  await typeInto(page, edit.getByLabel('Källans titel'), 'Lovplanen');
  await typeInto(page, edit.getByLabel('Utgivare'), 'Åtvidabergs kommun');
  await page.keyboard.press('Enter');
  await expect(edit.getByText('Sparat.')).toBeVisible();
  const remove = page.getByRole('form', { name: `Ta bort ${name}` });
  await typeInto(page, remove.getByLabel('Varför deltagandet tas bort'), 'Rådet deltar inte i år.');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name })).toHaveCount(0);
  expect((await api(request, 'query ($id: ID!) { initiative(id: $id) { participants { id } } }', { id: initiativeId }, token)).initiative.participants).toEqual([]);

  // A grant added and corrected.
  await page.goto(`/initiativ/${initiativeId}/bidrag`);
  await chooseActor(page, page.getByLabel('Finansiär'), funder);
  await typeInto(page, page.getByLabel('Belopp'), '40 000');
  await typeInto(page, page.getByLabel('Källans titel'), 'Bankens beslut');
  await typeInto(page, page.getByLabel('Utgivare'), funder);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Bidraget är tillagt.')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: `Ändra eller ta bort bidraget från ${funder}` }));
  await page.keyboard.press('Enter');
  const correction = page.getByRole('form', { name: `Ändra bidraget från ${funder}` });
  await tabTo(page, correction.getByLabel('Belopp'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('45 000');
  await typeInto(page, correction.getByLabel('Källans titel'), 'Bankens nya beslut');
  await typeInto(page, correction.getByLabel('Utgivare'), funder);
  await page.keyboard.press('Enter');
  await expect(correction.getByText('Sparat.')).toBeVisible();
  expect((await api(request, 'query ($id: ID!) { initiative(id: $id) { grants { amount } } }', { id: initiativeId })).initiative.grants).toEqual([{ amount: 45000 }]);
  await expectNoSeriousA11yViolations(page);
  const removal = page.getByRole('form', { name: `Ta bort bidraget från ${funder}` });
  await typeInto(page, removal.getByLabel('Varför bidraget tas bort'), 'Banken drog tillbaka bidraget.');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Inga bidrag kända.')).toBeVisible();
});

test('an association claims a part in an initiative by keyboard alone', async ({ page, request }) => {
  const suffix = unique();
  const source = { title: 'Föreningsregistret', publisher: 'Åtvidabergs kommun' };
  const strategist = await newAccount(request, { role: 'STRATEGIST', municipalities: [kommun] });
  const token = await ownPassword(request, strategist);
  const organizationId = await createOrganization(request, token, { kind: 'ASSOCIATION', name: `Åtvidabergs konstförening ${suffix}`, themes: [], municipalities: [kommun], source });
  const initiativeId = await createInitiative(request, token, { kind: 'NETWORK', name: `Åtvidabergs kulturnätverk ${suffix}`, themes: [], municipalities: [kommun], source });
  const association = await newAccount(request, { role: 'ASSOCIATION', organizationId });
  await ownPassword(request, association);
  await signIn(page, association);

  await page.goto(`/initiativ/${initiativeId}`);
  await tabTo(page, page.getByRole('link', { name: 'Anmäl att föreningen deltar' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Föreningens roll'));
  await page.keyboard.type('Medlem');
  await expect(page.getByLabel('Föreningens roll')).toHaveValue('MEMBER');
  await typeInto(page, page.getByLabel('Från'), '2026-01');
  await tabTo(page, page.getByRole('button', { name: 'Anmäl deltagandet' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Anmälan väntar på bekräftelse/)).toBeVisible();
  const claims = await api(request, 'query ($id: ID!) { initiative(id: $id) { participants { role status actor { id } } } }', { id: initiativeId }, token);
  expect(claims.initiative.participants).toEqual([{ role: 'MEMBER', status: 'CLAIMED', actor: { id: organizationId } }]);
});
