import { expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';

test.describe('the search page', () => {
  test('finds "Vägen in" as it is typed and opens it', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await page.getByLabel('Sök', { exact: true }).fill('Vägen in');
    const hit = page.getByRole('link', { name: 'Vägen in', exact: true });
    await expect(hit).toBeVisible();
    await hit.click();
    await expect(page).toHaveURL(/\/initiativ\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Vägen in' })).toBeVisible();
  });

  test('has no serious accessibility violations', async ({ page }) => {
    await page.goto('/?q=l%C3%A4xhj%C3%A4lp');
    await expect(page.getByRole('status').first()).toContainText('träffar');
    await expectNoSeriousA11yViolations(page);
  });
});
