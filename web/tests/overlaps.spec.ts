import { expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';
import { screenshotPath } from './figures.ts';

test.describe('the overlaps page', () => {
  test('lists overlapping pairs with what they share, and narrows by the API’s filters', async ({ page }) => {
    await page.goto('/overlapp');
    await expect(page.getByRole('heading', { level: 1, name: 'Överlappande initiativ' })).toBeVisible();
    const pairs = page.getByRole('region', { name: 'Par' });
    await expect(pairs.getByRole('status')).toHaveText(/^\d+ par, störst överlapp först\.$/);
    const first = pairs.locator('li.overlap').first();
    await expect(first.getByRole('link').nth(0)).toHaveAttribute('href', /^\/initiativ\//);
    await expect(first.getByRole('link').nth(1)).toHaveAttribute('href', /^\/initiativ\//);
    await expect(first.getByRole('term').filter({ hasText: 'Gemensamma teman' })).toBeVisible();
    await expect(first.getByRole('term').filter({ hasText: 'Gemensamma kommuner' })).toBeVisible();
    await expect(first.getByRole('definition').nth(1)).not.toBeEmpty();
    await page.screenshot({ path: screenshotPath('overlapp'), fullPage: true });
    await expectNoSeriousA11yViolations(page);

    // Narrowed to one kommun, every pair shares that kommun.
    const kommun = await first.getByRole('definition').nth(2).textContent();
    const name = kommun!.split(', ')[0]!;
    await page.getByLabel('Kommun').selectOption({ label: name });
    await expect(page).toHaveURL(/kommun=\d{4}/);
    await expect(pairs.getByRole('status')).toHaveText(/par, störst överlapp först/);
    const shared = await pairs.locator('li.overlap').evaluateAll((items) =>
      items.map((item) => item.querySelectorAll('dd')[2]?.textContent ?? ''),
    );
    expect(shared.length).toBeGreaterThan(0);
    for (const places of shared) expect(places.split(', ')).toContain(name);
  });
});
