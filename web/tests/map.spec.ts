import { clickANode, expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';
import { recordFigure, screenshotPath } from './figures.ts';

test.describe('the network map', () => {
  test('draws a whole län, coloured by kind, and a click on a node opens its page', async ({ page }) => {
    await page.goto('/karta');
    await expect(page.getByRole('status')).toHaveText('Välj ett län eller en kommun för att rita kartan.');
    await page.getByLabel('Län').selectOption({ label: 'Dalarnas län' });
    await expect(page).toHaveURL(/\/karta\?lan=20$/);
    const map = page.getByRole('img', { name: /^Nätverkskarta: \d+ noder och \d+ kopplingar$/ });
    await expect(map).toHaveAttribute('data-state', 'drawn', { timeout: 60_000 });
    const timing = page.getByTestId('map-timing');
    await expect(timing).toContainText('ritade på');
    recordFigure('map of Dalarnas län on the seed network, read, laid out and drawn', Number(await timing.getAttribute('data-total-ms')), 'ms');
    expect(Number(await map.getAttribute('data-nodes'))).toBeGreaterThan(10);
    await expect(page.getByRole('list', { name: 'Färger' }).getByText('Initiativ')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Färger' }).getByText('Kommunal verksamhet')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath('karta'), fullPage: true });

    // The canvas answers the mouse: find a node and open it.
    await clickANode(page, map);
    await expect(page).toHaveURL(/\/(aktor|initiativ)\/[0-9a-f-]+$/);
  });

  test('narrows to a kommun and a theme, and lists the best connected nodes as links', async ({ page }) => {
    await page.goto('/karta?lan=20');
    const map = page.getByRole('img', { name: /^Nätverkskarta/ });
    await expect(map).toHaveAttribute('data-state', 'drawn', { timeout: 60_000 });
    const wholeCounty = Number(await map.getAttribute('data-nodes'));
    await page.getByLabel('Kommun').selectOption({ label: 'Hedemora' });
    await expect(page).toHaveURL(/kommun=2083/);
    await expect(map).toHaveAttribute('data-state', 'drawn', { timeout: 60_000 });
    const oneKommun = Number(await page.getByRole('img', { name: /^Nätverkskarta/ }).getAttribute('data-nodes'));
    expect(oneKommun).toBeGreaterThan(0);
    expect(oneKommun).toBeLessThanOrEqual(wholeCounty);

    await page.getByText(/mest sammankopplade som lista/).click();
    const first = page.locator('.graph-list a').first();
    const name = await first.textContent();
    await first.click();
    await expect(page.getByRole('heading', { level: 1, name: name! })).toBeVisible();
  });
});
