import { expect, test } from './fixtures.ts';

test.describe('by keyboard alone', () => {
  test('skips to the content, searches and opens a result', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Hoppa till innehållet' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Sök', { exact: true })).toBeFocused();
    await page.keyboard.type('Vägen in');
    await expect(page.getByRole('link', { name: 'Vägen in', exact: true })).toBeVisible();
    // Through the filters to the first result.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.getByRole('link', { name: 'Vägen in', exact: true }).evaluate((el) => el === document.activeElement)) break;
    }
    await expect(page.getByRole('link', { name: 'Vägen in', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Vägen in' })).toBeVisible();
  });

  test('chooses a län on the map and opens a node from the list', async ({ page }) => {
    await page.goto('/karta');
    const county = page.getByLabel('Län');
    await expect(county.locator('option', { hasText: 'Dalarnas län' })).toHaveCount(1);
    await county.focus();
    // Typing the start of an option's name chooses it, as in every native select.
    await page.keyboard.type('Dalarna');
    await expect(page).toHaveURL(/lan=20/);
    await expect(page.getByRole('img', { name: /^Nätverkskarta/ })).toHaveAttribute('data-state', 'drawn', { timeout: 60_000 });
    await page.getByText(/mest sammankopplade som lista/).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = page.locator('.graph-list a').first();
    await expect(focused).toBeFocused();
    const name = (await focused.textContent())!;
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('every control of the overlaps page is reached by Tab', async ({ page }) => {
    await page.goto('/overlapp');
    await expect(page.getByRole('region', { name: 'Par' }).getByRole('status')).toHaveText(/par/);
    const reached = new Set<string>();
    // The date field takes a Tab per part (day, month, year).
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id) reached.add(id);
    }
    expect([...reached]).toEqual(expect.arrayContaining(['overlapp-tema', 'overlapp-lan', 'overlapp-kommun', 'overlapp-datum']));
  });
});
