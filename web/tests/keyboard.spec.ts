import { expect, test } from './fixtures.ts';

test.describe('by keyboard alone', () => {
  test('skips to the content, searches, opens a result and goes on to an actor', async ({ page }) => {
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
    await page.getByLabel('Län').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/lan=\d+/);
    const map = page.getByRole('img', { name: /^Nätverkskarta/ });
    await expect(map.or(page.getByText('Inga initiativ med de här filtren.'))).toBeVisible({ timeout: 60_000 });
  });

  test('every control of the overlaps page is reached by Tab', async ({ page }) => {
    await page.goto('/overlapp');
    await expect(page.getByRole('region', { name: 'Par' }).getByRole('status')).toHaveText(/par/);
    const reached = new Set<string>();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id) reached.add(id);
    }
    expect([...reached]).toEqual(expect.arrayContaining(['overlapp-tema', 'overlapp-lan', 'overlapp-kommun', 'overlapp-datum']));
  });
});
