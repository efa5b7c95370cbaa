import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';
import { adminEmail, adminPassword } from './service-address.ts';

// Vadstena (0584) keeps these tests' registrations apart from the other browser tests.
const kommun = '0584';
const kommunName = 'Vadstena';
const unique = () => Math.random().toString(36).slice(2, 8);

/** A valid organisationsnummer of an ideell förening: 80…, a third digit of 2 or more, and its Luhn check digit. */
function organizationNumber(): string {
  const body = `802${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return `${body.slice(0, 6)}-${body.slice(6)}${(10 - (sum % 10)) % 10}`;
}

async function api(request: APIRequestContext, query: string, variables: object, token?: string) {
  const response = await request.post('/graphql', {
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function tokenOf(request: APIRequestContext, email: string, password: string): Promise<string> {
  const data = await api(request, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
  return data.login.token;
}

async function newStrategist(request: APIRequestContext) {
  const admin = await tokenOf(request, adminEmail, adminPassword);
  const email = `strateg-${unique()}@vadstena.example`;
  const password = 'strategens-lösenord-42';
  await api(request, 'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }', { input: { email, password, role: 'STRATEGIST', municipalities: [kommun] } }, admin);
  return { email, password };
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/logga-in');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('button', { name: /Logga ut/ })).toBeVisible();
}

/** An account an admin made signs in for the first time: it is asked to choose a password of its own, then goes on. */
async function firstSignIn(page: Page, account: { email: string; password: string }) {
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/byt-losenord/);
  await page.getByLabel('Nuvarande lösenord').fill(account.password);
  await page.getByLabel('Nytt lösenord').fill('kort');
  await expect(page.locator('#password-new-error')).toHaveText(/minst 12 tecken/);
  await expectNoSeriousA11yViolations(page);
  account.password = `${account.password}-eget`;
  await page.getByLabel('Nytt lösenord').fill(account.password);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await page.getByRole('link', { name: 'Fortsätt' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /Logga ut/ }).click();
  await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
}

test.describe('registering, reviewing and keeping a profile', () => {
  test('shows a wrong organisationsnummer beside its field as it is typed', async ({ page }) => {
    await page.goto('/registrera');
    const field = page.getByLabel('Organisationsnummer');
    await field.fill('802000-0001');
    await expect(page.locator('#register-organizationNumber-error')).toHaveText(/Kontrollsiffran stämmer inte/);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('aria-describedby', /register-organizationNumber-error/);
    await page.getByLabel('Lösenord').fill('kort1');
    await expect(page.locator('#register-password-error')).toHaveText(/minst 12 tecken/);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'web/screenshots/registrera.png', fullPage: true });
  });

  test('an association registers by keyboard alone, a strategist approves it, and it edits its profile; a conflicting edit is shown', async ({ page, request }) => {
    const strategist = await newStrategist(request);
    const name = `Vadstena läxhjälpsförening ${unique()}`;
    const email = `forening-${unique()}@vadstena.example`;
    const password = 'Läxhjälp-varje-tisdag-7';

    await page.goto('/registrera');
    await page.getByLabel('Föreningens namn').focus();
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(organizationNumber());
    await page.keyboard.press('Tab');
    await page.getByLabel('Kommun').selectOption(kommun);
    await expect(page.getByLabel('Kommun')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.getByRole('group', { name: 'Teman' }).getByRole('checkbox').first()).toBeChecked();
    await page.getByLabel('E-post').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: new RegExp(`${name} är registrerad`) })).toBeVisible();

    await firstSignIn(page, strategist);
    await expect(page).toHaveURL(/\/granska$/);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Registrering: ${name}` }) });
    await expect(item).toBeVisible();
    await expect(item).toContainText(kommunName);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'web/screenshots/granska.png', fullPage: true });
    await item.getByRole('button', { name: `Godkänn ${name}` }).click();
    await expect(page.getByRole('status').filter({ hasText: `${name} godkändes.` })).toBeVisible();
    await signOut(page);

    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/profil$/);
    await page.getByLabel('Beskrivning').fill('Läxhjälp på tisdagar i biblioteket.');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByText('Sparat.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // Someone else saves a change while the form is open.
    const token = await tokenOf(request, email, password);
    const organizationId = (await api(request, '{ me { organization { id version } } }', {}, token)).me.organization.id;
    const current = await api(request, 'query ($id: ID!) { actor(id: $id) { ... on Organization { version } } }', { id: organizationId }, token);
    await api(
      request,
      'mutation ($id: ID!, $v: Int) { updateOrganization(id: $id, input: { phone: "0143-123 45" }, expectedVersion: $v) { version } }',
      { id: organizationId, v: current.actor.version },
      token,
    );
    await page.getByLabel('Beskrivning').fill('Läxhjälp på tisdagar och torsdagar.');
    await page.getByRole('button', { name: 'Spara' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Någon annan har ändrat uppgifterna' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('0143-123 45');
    await page.screenshot({ path: 'web/screenshots/profil-konflikt.png', fullPage: true });
    await page.getByRole('button', { name: /Jag har sett ändringarna/ }).click();
    // The field this user left alone takes the other change; their own edit stays.
    await expect(page.getByLabel('Telefon')).toHaveValue('0143-123 45');
    await expect(page.getByLabel('Beskrivning')).toHaveValue('Läxhjälp på tisdagar och torsdagar.');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByText('Sparat.')).toBeVisible();
    const saved = await api(request, 'query ($id: ID!) { actor(id: $id) { description ... on Organization { contact { phone } } } }', { id: organizationId }, token);
    expect(saved.actor).toEqual({ description: 'Läxhjälp på tisdagar och torsdagar.', contact: { phone: '0143-123 45' } });
  });

  test('a strategist creates an initiative with a partner and finds it among the overlaps and on the map', async ({ page, request }) => {
    const strategist = await newStrategist(request);
    const token = await tokenOf(request, strategist.email, strategist.password);
    const suffix = unique();
    const partnerName = `Vadstena idrottsallians ${suffix}`;
    const source = { title: 'Kommunstyrelsens beslut', publisher: 'Vadstena kommun' };
    await api(request, 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: { kind: 'ASSOCIATION', name: partnerName, themes: ['integration'], municipalities: [kommun], source },
    }, token);
    const otherName = `Vadstena språkcafé ${suffix}`;
    await api(request, 'mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }', {
      input: { kind: 'PROJECT', name: otherName, themes: ['integration'], municipalities: [kommun], start: '2025', source },
    }, token);

    await firstSignIn(page, strategist);
    await page.goto('/initiativ/ny');
    const name = `Vadstena sommarlovsprojekt ${suffix}`;
    await page.getByLabel('Initiativets namn').fill(name);
    await page.getByLabel('Start').fill('2025');
    await page.getByRole('group', { name: 'Teman' }).getByRole('checkbox', { name: 'Integration' }).check();
    await page.getByLabel('Kommun').selectOption(kommun);
    await page.getByLabel('Partner 1').fill(partnerName);
    await page.getByRole('button', { name: new RegExp(`Välj ${partnerName}`) }).click();
    await page.getByLabel('Källans titel').fill(source.title);
    await page.getByLabel('Utgivare').fill(source.publisher);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'web/screenshots/nytt-initiativ.png', fullPage: true });
    await page.getByRole('button', { name: 'Spara initiativet' }).click();
    await expect(page.getByRole('heading', { name: `${name} är sparat` })).toBeVisible();

    await page.goto(`/overlapp?kommun=${kommun}`);
    // The overlaps wait for the network index to take in the new initiatives.
    await expect(page.getByText(name).first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(otherName).first()).toBeVisible();

    await page.goto(`/karta?lan=05&kommun=${kommun}`);
    const map = page.getByRole('img', { name: /^Nätverkskarta/ });
    await expect(map).toHaveAttribute('data-state', 'drawn', { timeout: 60_000 });
    await page.getByText(/mest sammankopplade som lista/).click();
    await expect(page.locator('.graph-list a', { hasText: name })).toBeVisible();
    await expect(page.locator('.graph-list a', { hasText: partnerName })).toBeVisible();
  });

  test('the sign-in page and the admin’s account form work by keyboard alone, with no serious accessibility violations', async ({ page }) => {
    await page.goto('/logga-in');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'web/screenshots/logga-in.png', fullPage: true });
    await page.getByLabel('E-post').focus();
    await page.keyboard.type(adminEmail);
    await page.keyboard.press('Tab');
    await page.keyboard.type(adminPassword);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/konton$/);
    await page.getByLabel('E-post').focus();
    await page.keyboard.type(`forskare-${unique()}@uni.example`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('forskarens-lösenord-1');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Roll')).toBeFocused();
    await page.getByLabel('Roll').selectOption('RESEARCHER');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Skapa konto' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/är skapat/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'web/screenshots/konton.png', fullPage: true });
  });
});
