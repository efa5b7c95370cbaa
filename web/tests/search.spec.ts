import { gzipSync } from 'node:zlib';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';
import { recordFigure, screenshotPath } from './figures.ts';

test.describe('the search page', () => {
  test('finds "Vägen in" as it is typed and opens it', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(page).toHaveTitle(/Sök/);
    const field = page.getByLabel('Sök', { exact: true });
    await field.pressSequentially('Vägen in', { delay: 30 });
    const lastKey = Date.now();
    const hit = page.getByRole('link', { name: 'Vägen in', exact: true });
    await expect(hit).toBeVisible();
    // From the last key: a pause of 250 ms in typing, the query, and the results on screen.
    recordFigure('time from the last key to the search result', Date.now() - lastKey, 'ms');
    await expect(page).toHaveURL(/\?q=V%C3%A4gen\+in$/);
    await page.screenshot({ path: screenshotPath('sok'), fullPage: true });

    await hit.click();
    await expect(page).toHaveURL(/\/initiativ\/[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Vägen in' })).toBeVisible();
    await expect(page).toHaveTitle('Vägen in – Samverkan');
  });

  test('narrows by län, kind and theme, and pages through the results', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Län').selectOption({ label: 'Dalarnas län' });
    await page.getByLabel('Typ').selectOption({ label: 'Kommunal verksamhet' });
    const actors = page.getByRole('region', { name: 'Aktörer' });
    await expect(actors.getByRole('status')).toHaveText(/^\d+ aktörer\.$/);
    const total = Number((await actors.getByRole('status').textContent())!.match(/\d+/)![0]);
    expect(total).toBeGreaterThan(10);
    // A kind of actor leaves the initiatives out.
    await expect(page.getByRole('region', { name: 'Initiativ' })).toHaveCount(0);
    const firstPage = await actors.getByRole('listitem').allTextContents();
    expect(firstPage).toHaveLength(10);
    for (const item of firstPage) expect(item).toContain('Kommunal verksamhet');

    await actors.getByRole('button', { name: 'Nästa sida' }).click();
    await expect(actors.getByText(/^Sida 2 av/)).toBeVisible();
    await expect(actors.getByRole('list')).toHaveAttribute('aria-busy', 'false');
    await expect(actors.getByRole('listitem').first()).not.toHaveText(firstPage[0]!);
    const secondPage = await actors.getByRole('listitem').allTextContents();
    expect(secondPage.some((item) => firstPage.includes(item))).toBe(false);
    await actors.getByRole('button', { name: 'Föregående sida' }).click();
    await expect(actors.getByText(/^Sida 1 av/)).toBeVisible();
    await expect(actors.getByRole('listitem').first()).toHaveText(firstPage[0]!);

    // The filters are in the address, so the same search opens again from it.
    await expect(page).toHaveURL(/typ=MUNICIPAL_UNIT/);
    await expect(page).toHaveURL(/lan=20/);
  });

  test('has no serious accessibility violations, with results and with filters', async ({ page }) => {
    await page.goto('/?q=l%C3%A4xhj%C3%A4lp');
    await expect(page.getByRole('status').first()).toContainText('träffar');
    await expectNoSeriousA11yViolations(page);
    await page.goto('/?lan=20');
    await expect(page.getByRole('region', { name: 'Initiativ' }).getByRole('status')).toContainText('initiativ.');
    await expectNoSeriousA11yViolations(page);
  });

  test('sends the first page with little JavaScript, and none of the map', async ({ page }) => {
    const scripts: { url: string; body: Buffer }[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push({ url: response.url(), body: await response.body() });
    });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    await expect(page.getByLabel('Sök', { exact: true })).toBeVisible();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.map((s) => s.url).filter((url) => /NetworkGraph|sigma|graphiql|monaco/i.test(url))).toEqual([]);
    const gzipped = scripts.reduce((sum, s) => sum + gzipSync(s.body, { level: 9 }).length, 0);
    recordFigure("first page's JavaScript, gzipped", Math.round(gzipped / 102.4) / 10, 'kB');
    expect(gzipped).toBeLessThan(150 * 1024);
  });
});
