import { expect, test } from './fixtures.ts';
import { screenshotPath } from './figures.ts';

test.describe('GraphiQL', () => {
  test('is served by the service itself and runs a query', async ({ page }) => {
    await page.goto('/graphiql');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    const run = page.getByRole('button', { name: /Execute query/i });
    await expect(run).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.graphiql-query-editor')).toContainText('query Sok', { timeout: 30_000 });
    // The editor loads in steps; a run asked for before it is ready does nothing, so ask until one answers.
    await expect(async () => {
      await run.click();
      await expect(page.locator('.graphiql-response')).toContainText('"search"', { timeout: 10_000 });
    }).toPass({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('graphiql') });
  });
});
