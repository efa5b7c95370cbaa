import type { Page } from '@playwright/test';
import { clickANode, expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';
import { screenshotPath } from './figures.ts';

async function openInitiative(page: Page, name: string) {
  await page.goto(`/?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.describe('the pages of one initiative and one actor', () => {
  test('an initiative shows its facts, participants by role with sources, suggestions and a map of its neighbourhood', async ({ page }) => {
    await openInitiative(page, 'Vägen in');
    await expect(page.getByText('Avsiktsförklaring').first()).toBeVisible();
    const participants = page.getByRole('region', { name: 'Deltagare' });
    await expect(participants.getByRole('heading', { level: 3, name: 'Undertecknare' })).toBeVisible();
    await expect(participants.getByRole('link', { name: 'Hedemora kommun' })).toBeVisible();
    // Each participation's sources open on demand.
    await participants.getByText(/^Källor \(\d+\)$/).first().click();
    await expect(participants.getByRole('listitem').first().locator('details ul li').first()).toBeVisible();

    const suggestions = page.getByRole('region', { name: 'Förslag på samarbetspartner' });
    await expect(suggestions.getByRole('status')).toHaveText(/förslag, bäst först/);
    await expect(suggestions.getByText(/Gemensamt tema:/).first()).toBeVisible();

    const map = page.getByRole('img', { name: /^Nätverket kring Vägen in: \d+ noder/ });
    await expect(map).toHaveAttribute('data-state', 'drawn');
    await expect(page.getByRole('region', { name: 'Historik' }).getByText(/Inga ändringar|Ändrade fält/).first()).toBeVisible();
    // Every section's query was answered: none says that something went wrong.
    await expect(page.locator('.status-error')).toHaveCount(0);
    await page.screenshot({ path: screenshotPath('initiativ'), fullPage: true });
    await expectNoSeriousA11yViolations(page);
  });

  test('an initiative lists its own overlaps, each a pair it is one of, best first', async ({ page }) => {
    await openInitiative(page, 'Framtidens Fagersta');
    const overlaps = page.getByRole('region', { name: 'Överlappande initiativ' });
    await expect(overlaps.getByRole('status')).toHaveText(/bäst först/);
    const pairs = overlaps.getByRole('listitem');
    expect(await pairs.count()).toBeGreaterThan(0);
    for (const pair of await pairs.all()) await expect(pair.getByRole('link', { name: 'Framtidens Fagersta', exact: true })).toBeVisible();
    // The medborgarlöfte's autumn round in Fagersta, 2020-09-01 to 2020-11-30, within the project's year.
    const autumn = pairs.filter({ has: page.getByRole('link', { name: 'Förnyat medborgarlöfte september–november 2020' }) });
    await expect(autumn.getByText('91 dagar samtidigt')).toBeVisible();
    const scores = await overlaps.locator('dt:text-is("Överlapp") + dd').allTextContents();
    const numbers = scores.map((text) => Number(text.replace(' av 3', '').replace(',', '.')));
    expect(numbers).toEqual([...numbers].sort((x, y) => y - x));
    await expectNoSeriousA11yViolations(page);
  });

  test('a node of the neighbourhood map opens its page when clicked', async ({ page }) => {
    await openInitiative(page, 'Vägen in');
    const map = page.getByRole('img', { name: /^Nätverket kring Vägen in/ });
    await expect(map).toHaveAttribute('data-state', 'drawn');
    const before = page.url();
    await clickANode(page, map, { centreFirst: false });
    await expect(page).not.toHaveURL(before);
    await expect(page).toHaveURL(/\/(aktor|initiativ)\/[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('an actor shows its kind, kommuner, initiatives with roles, sources and its network', async ({ page }) => {
    await openInitiative(page, 'Vägen in');
    await page.getByRole('region', { name: 'Deltagare' }).getByRole('link', { name: 'Hedemora kommun' }).click();
    await expect(page).toHaveURL(/\/aktor\/[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Hedemora kommun' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Kommunal verksamhet' })).toBeVisible();
    const initiatives = page.getByRole('region', { name: 'Initiativ' });
    await expect(initiatives.getByRole('link', { name: 'Vägen in' })).toBeVisible();
    await expect(initiatives.getByText('Undertecknare').first()).toBeVisible();
    // Contact data is not the public's to see.
    await expect(page.getByRole('term').filter({ hasText: 'Kontakt' })).toHaveCount(0);
    await expect(page.getByRole('img', { name: /^Nätverket kring Hedemora kommun: \d+ noder/ })).toHaveAttribute('data-state', 'drawn');
    await expect(page.getByRole('region', { name: 'Förslag på samarbetspartner' }).getByRole('status')).toHaveText(/förslag|Inga förslag/);
    await expect(page.getByRole('region', { name: 'Historik' }).getByText(/Inga ändringar|Ändrade fält/).first()).toBeVisible();
    await expect(page.locator('.status-error')).toHaveCount(0);
    await page.screenshot({ path: screenshotPath('aktor'), fullPage: true });
    await expectNoSeriousA11yViolations(page);
  });

  test('an address that names nothing says so', async ({ page }) => {
    await page.goto('/initiativ/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { level: 1, name: 'Initiativet finns inte' })).toBeVisible();
    await page.goto('/finns/inte');
    await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  });
});
