import { expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';
import { api, createInitiative, createOrganization, newAccount, organizationNumber, ownPassword, signIn, unique, type Account } from './form-helpers.ts';

// Ödeshög (0509) keeps these tests' organisations and initiatives apart from the other browser tests.
const kommun = '0509';

const sourcesOf = async (request: Parameters<typeof api>[0], kind: 'actor' | 'initiative', id: string) =>
  ((await api(request, `query ($id: ID!) { ${kind}(id: $id) { sources { title } } }`, { id }))[kind].sources as { title: string }[]).map((s) => s.title);

test.describe('a strategist’s forms', () => {
  let strategist: Account;
  let token: string;
  test.beforeEach(async ({ request }) => {
    strategist = await newAccount(request, { role: 'STRATEGIST', municipalities: [kommun] });
    token = await ownPassword(request, strategist);
  });

  test('creates an organisation, with the API’s error beside its field, and edits it from its page', async ({ page, request }) => {
    const taken = organizationNumber();
    await createOrganization(request, token, {
      kind: 'ASSOCIATION', name: `Ödeshögs hembygdsförening ${unique()}`, organizationNumber: taken, themes: [], municipalities: [kommun], source: { title: 'Föreningsregistret', publisher: 'Ödeshögs kommun' },
    });
    await signIn(page, strategist);
    await page.goto('/granska');
    await page.getByRole('link', { name: 'Ny organisation' }).click();
    await expect(page).toHaveURL(/\/organisation\/ny$/);
    const name = `Ödeshögs idrottsförening ${unique()}`;
    await page.getByLabel('Typ av organisation').selectOption('ASSOCIATION');
    await page.getByLabel('Organisationens namn').fill(name);
    await page.getByLabel('Organisationsnummer').fill(taken);
    await page.getByRole('group', { name: 'Teman' }).getByRole('checkbox', { name: 'Fritid' }).check();
    await page.getByLabel('Kommun').selectOption(kommun);
    await page.getByRole('button', { name: 'Spara organisationen' }).click();
    // The form's own check: every fact cites a source.
    await expect(page.locator('#organization-source-title-error')).toHaveText(/källans titel/);
    await expect(page.getByLabel('Källans titel')).toBeFocused();
    await page.getByLabel('Källans titel').fill('Årsmötesprotokoll 2025');
    await page.getByLabel('Källans webbadress').fill('https://odeshog.example/protokoll');
    await page.getByRole('button', { name: 'Spara organisationen' }).click();
    // The API's own error, beside the field that its extensions.field names.
    // In Swedish, as the pages ask the API for (Accept-Language: sv).
    await expect(page.locator('#organization-organizationNumber-error')).toHaveText(new RegExp(`${taken} är redan registrerat`));
    await expect(page.getByLabel('Organisationsnummer')).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Organisationsnummer').fill(organizationNumber());
    await page.getByRole('button', { name: 'Spara organisationen' }).click();
    await expect(page.getByRole('heading', { name: `${name} är sparad` })).toBeVisible();
    await page.getByRole('link', { name: `Visa ${name}` }).click();
    const organizationId = page.url().split('/').pop()!;
    expect(await sourcesOf(request, 'actor', organizationId)).toEqual(['Årsmötesprotokoll 2025']);

    await page.getByRole('link', { name: 'Ändra organisationen' }).click();
    await expect(page).toHaveURL(new RegExp(`/aktor/${organizationId}/andra$`));
    // The form reads the organisation with its history, whose first reading can be slow on a busy machine.
    await expect(page.getByLabel('Organisationens namn')).toHaveValue(name, { timeout: 60_000 });
    await page.getByLabel('Beskrivning').fill('Fotboll och friidrott för alla åldrar.');
    await page.getByLabel('Telefon').fill('0144-100 00');
    await page.getByLabel('Källans titel').fill('Föreningens verksamhetsberättelse');
    await page.getByLabel('Utgivare').fill(name);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(page.getByText('Sparat.')).toBeVisible();
    const saved = await api(request, 'query ($id: ID!) { actor(id: $id) { description ... on Organization { contact { phone } } } }', { id: organizationId }, token);
    expect(saved.actor).toEqual({ description: 'Fotboll och friidrott för alla åldrar.', contact: { phone: '0144-100 00' } });
    expect((await sourcesOf(request, 'actor', organizationId)).sort()).toEqual(['Föreningens verksamhetsberättelse', 'Årsmötesprotokoll 2025']);
  });

  test('edits an initiative from its page, and a conflicting edit shows what the other person changed', async ({ page, request }) => {
    const name = `Ödeshögs läsfrämjande ${unique()}`;
    const initiativeId = await createInitiative(request, token, {
      kind: 'PROJECT', name, description: 'Läsecirklar på biblioteket.', start: '2025', themes: ['integration'], municipalities: [kommun], source: { title: 'Kulturnämndens beslut', publisher: 'Ödeshögs kommun' },
    });
    // Signed out, the page offers no edit.
    await page.goto(`/initiativ/${initiativeId}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ändra initiativet' })).toHaveCount(0);

    await signIn(page, strategist);
    await page.goto(`/initiativ/${initiativeId}`);
    await page.getByRole('link', { name: 'Ändra initiativet' }).click();
    await expect(page.getByLabel('Initiativets namn')).toHaveValue(name, { timeout: 60_000 });
    await expectNoSeriousA11yViolations(page);

    // Someone else saves a change while the form is open.
    const { version } = (await api(request, 'query ($id: ID!) { initiative(id: $id) { version } }', { id: initiativeId }, token)).initiative;
    await api(
      request,
      'mutation ($id: ID!, $v: Int, $input: UpdateInitiativeInput!) { updateInitiative(id: $id, input: $input, expectedVersion: $v) { version } }',
      { id: initiativeId, v: version, input: { description: 'Läsecirklar och skrivarverkstad.', themes: ['integration', 'fritid'], source: { title: 'Kulturnämndens andra beslut', publisher: 'Ödeshögs kommun' } } },
      token,
    );
    const renamed = `${name} – etapp 2`;
    await page.getByLabel('Initiativets namn').fill(renamed);
    await page.getByLabel('Slut').fill('2027');
    await page.getByLabel('Källans titel').fill('Projektplan etapp 2');
    await page.getByLabel('Utgivare').fill('Ödeshögs bibliotek');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Någon annan har ändrat uppgifterna' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Läsecirklar och skrivarverkstad.');
    await expect(notice).toContainText('Beskrivning');
    // Themes by their names, as the form shows them, not by the keys the history keeps.
    await expect(notice.getByRole('row', { name: /Teman/ })).toContainText('Fritid, Integration');
    await expect(page.getByRole('button', { name: 'Spara ändringarna' })).toBeDisabled();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'web/screenshots/initiativ-andra-konflikt.png', fullPage: true });
    await page.getByRole('button', { name: /Jag har sett ändringarna/ }).click();
    // The field this user left alone takes the other change; their own edits stay.
    await expect(page.getByLabel('Beskrivning')).toHaveValue('Läsecirklar och skrivarverkstad.');
    await expect(page.getByLabel('Initiativets namn')).toHaveValue(renamed);
    await expect(page.getByRole('group', { name: 'Teman' }).getByRole('checkbox', { name: 'Fritid' })).toBeChecked();
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(page.getByText('Sparat.')).toBeVisible();
    const saved = await api(request, 'query ($id: ID!) { initiative(id: $id) { name description end themes { key } } }', { id: initiativeId });
    expect(saved.initiative).toMatchObject({ name: renamed, description: 'Läsecirklar och skrivarverkstad.', end: '2027' });
    expect(saved.initiative.themes.map((t: { key: string }) => t.key).sort()).toEqual(['fritid', 'integration']);
    expect(await sourcesOf(request, 'initiative', initiativeId)).toContain('Projektplan etapp 2');
  });

  test('adds, changes and removes a participation, and adds, corrects and removes a grant, each change citing its source or reason', async ({ page, request }) => {
    const suffix = unique();
    const source = { title: 'Kommunstyrelsens beslut', publisher: 'Ödeshögs kommun' };
    const partner = `Ödeshögs scoutkår ${suffix}`;
    const funder = `Stiftelsen Ödeshögs framtid ${suffix}`;
    const partnerId = await createOrganization(request, token, { kind: 'ASSOCIATION', name: partner, themes: [], municipalities: [kommun], source });
    const funderId = await createOrganization(request, token, { kind: 'BUSINESS', name: funder, themes: [], municipalities: [kommun], source });
    const initiativeId = await createInitiative(request, token, { kind: 'PROJECT', name: `Ödeshögs friluftsdagar ${suffix}`, themes: [], municipalities: [kommun], source });
    const participants = async () =>
      (await api(request, 'query ($id: ID!) { initiative(id: $id) { participants { role since actor { id } sources { title } } } }', { id: initiativeId }, token)).initiative.participants;

    await signIn(page, strategist);
    await page.goto(`/initiativ/${initiativeId}`);
    await page.getByRole('link', { name: 'Ändra deltagare' }).click();
    await expect(page).toHaveURL(/\/deltagare$/);
    await page.getByLabel('Organisation').fill(partner);
    await page.getByRole('button', { name: new RegExp(`Välj ${partner}`) }).click();
    await page.getByLabel('Roll').selectOption('PARTNER');
    await page.getByLabel('Källans titel').fill('Samverkansavtal');
    await page.getByLabel('Utgivare').fill('Ödeshögs kommun');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Lägg till deltagaren' }).click();
    await expect(page.getByText(`${partner} är tillagd.`)).toBeVisible();
    expect(await participants()).toEqual([{ role: 'PARTNER', since: null, actor: { id: partnerId }, sources: [{ title: 'Samverkansavtal' }] }]);

    await page.getByRole('button', { name: `Ändra eller ta bort ${partner}` }).click();
    const edit = page.getByRole('form', { name: `Ändra ${partner}` });
    await edit.getByLabel('Roll').selectOption('CO_APPLICANT');
    await edit.getByLabel('Från').fill('2026');
    await edit.getByLabel('Till').fill('2025');
    await edit.getByLabel('Källans titel').fill('Ansökan till Arvsfonden');
    await edit.getByLabel('Källans webbadress').fill('https://odeshog.example/ansokan');
    await edit.getByRole('button', { name: `Spara ändringen av ${partner}` }).click();
    // The API names the field at fault (an end before the start); the page shows it beside that field.
    await expect(edit.getByLabel('Till')).toHaveAttribute('aria-invalid', 'true');
    await expect(edit.getByLabel('Till')).toBeFocused();
    await edit.getByLabel('Från').fill('2025-09');
    await edit.getByLabel('Till').fill('');
    await edit.getByRole('button', { name: `Spara ändringen av ${partner}` }).click();
    await expect(edit.getByText('Sparat.')).toBeVisible();
    const [changed] = await participants();
    expect(changed).toMatchObject({ role: 'CO_APPLICANT', since: '2025-09' });
    expect(changed.sources.map((s: { title: string }) => s.title).sort()).toEqual(['Ansökan till Arvsfonden', 'Samverkansavtal']);

    const remove = page.getByRole('form', { name: `Ta bort ${partner}` });
    await remove.getByRole('button', { name: `Ta bort ${partner} ur initiativet` }).click();
    await expect(remove.getByText('Skriv varför, minst 3 tecken.')).toBeVisible();
    await remove.getByLabel('Varför deltagandet tas bort').fill('Scoutkåren drog sig ur i augusti.');
    await remove.getByRole('button', { name: `Ta bort ${partner} ur initiativet` }).click();
    await expect(page.getByRole('heading', { name: partner })).toHaveCount(0);
    expect(await participants()).toEqual([]);

    await page.goto(`/initiativ/${initiativeId}`);
    await page.getByRole('link', { name: 'Ändra bidrag' }).click();
    await expect(page).toHaveURL(/\/bidrag$/);
    await page.getByLabel('Finansiär').fill(funder);
    await page.getByRole('button', { name: new RegExp(`Välj ${funder}`) }).click();
    await page.getByLabel('Belopp').fill('250 000');
    await page.getByLabel('Valuta').fill('XYZ');
    await page.getByLabel('Bidragsprogram').fill('Framtidsfonden 2026');
    await page.getByLabel('Källans titel').fill('Stiftelsens beslut');
    await page.getByLabel('Utgivare').fill(funder);
    await page.getByRole('button', { name: 'Lägg till bidraget' }).click();
    // Three letters pass the form's check; the API knows no such currency and names the field.
    await expect(page.locator('#add-grant-currency-error')).toHaveText(/ISO 4217/);
    await expect(page.getByLabel('Valuta')).toBeFocused();
    await page.getByLabel('Valuta').fill('SEK');
    await page.getByRole('button', { name: 'Lägg till bidraget' }).click();
    await expect(page.getByText('Bidraget är tillagt.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'web/screenshots/bidrag.png', fullPage: true });

    await page.getByRole('button', { name: `Ändra eller ta bort bidraget från ${funder}` }).click();
    const correction = page.getByRole('form', { name: `Ändra bidraget från ${funder}` });
    await expect(correction.getByLabel('Belopp')).toHaveValue('250000');
    await correction.getByLabel('Belopp').fill('300 000');
    await correction.getByLabel('Källans titel').fill('Stiftelsens ändrade beslut');
    await correction.getByLabel('Utgivare').fill(funder);
    await correction.getByRole('button', { name: `Spara bidraget från ${funder}` }).click();
    await expect(correction.getByText('Sparat.')).toBeVisible();
    const [grant] = (await api(request, 'query ($id: ID!) { initiative(id: $id) { grants { amount currency programme funder { id } sources { title } } } }', { id: initiativeId })).initiative.grants;
    expect(grant).toMatchObject({ amount: 300000, currency: 'SEK', programme: 'Framtidsfonden 2026', funder: { id: funderId } });
    expect(grant.sources.map((s: { title: string }) => s.title).sort()).toEqual(['Stiftelsens beslut', 'Stiftelsens ändrade beslut']);

    const removal = page.getByRole('form', { name: `Ta bort bidraget från ${funder}` });
    await removal.getByRole('button', { name: `Ta bort bidraget från ${funder}` }).click();
    await expect(removal.getByText('Skriv varför, minst 3 tecken.')).toBeVisible();
    await removal.getByLabel('Varför bidraget tas bort').fill('Stiftelsen drog tillbaka beslutet.');
    await removal.getByRole('button', { name: `Ta bort bidraget från ${funder}` }).click();
    await expect(page.getByText('Inga bidrag kända.')).toBeVisible();
    expect((await api(request, 'query ($id: ID!) { initiative(id: $id) { grants { id } } }', { id: initiativeId }, token)).initiative.grants).toEqual([]);
  });
});
