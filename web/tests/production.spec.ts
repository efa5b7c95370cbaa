import { test as base, expect, type Page } from '@playwright/test';
import { productionOrigin } from './service-address.ts';

/**
 * The pages as deployed: the service in production mode (web/tests/service.ts starts it beside the test
 * service, on the same network), with helmet's content security policy and the other headers. Every
 * page must work under them: no violation reported by the browser, no request to another origin.
 */
const test = base.extend<{ violations: string[] }>({
  violations: async ({ context }, use) => {
    const violations: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === productionOrigin) return route.continue();
      violations.push(`a request to another origin: ${url}`);
      return route.abort('blockedbyclient');
    });
    // The browser reports a blocked script, style, worker or connection as a securitypolicyviolation event
    // and on the console; both are collected, so that neither form slips by.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    await use(violations);
    expect(violations, 'content security policy violations and requests to other origins').toEqual([]);
  },
  page: async ({ page, violations }, use) => {
    page.on('console', (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(`an uncaught error: ${error.message}`));
    await use(page);
  },
});

test.use({ baseURL: productionOrigin });

test.beforeAll(async ({ request }) => {
  // It starts just after the service the other tests wait for.
  await expect(async () => expect((await request.get(`${productionOrigin}/readyz`)).ok()).toBe(true)).toPass({ timeout: 120_000 });
});

async function expectProductionHeaders(page: Page, path: string) {
  const response = await page.request.get(path);
  const policy = response.headers()['content-security-policy'];
  expect(policy, 'the content security policy').toContain("script-src 'self'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
}

test.describe('the pages under the production security headers', () => {
  test('search, an initiative, an actor and the map work with the content security policy', async ({ page }) => {
    await expectProductionHeaders(page, '/');
    await page.goto('/');
    await page.getByLabel('Sök', { exact: true }).fill('Vägen in');
    await page.getByRole('link', { name: 'Vägen in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vägen in' })).toBeVisible();
    const map = page.getByRole('img', { name: /^Nätverket kring Vägen in/ });
    await expect(map).toHaveAttribute('data-state', 'drawn', { timeout: 60_000 });
    await page.getByRole('region', { name: 'Deltagare' }).getByRole('link', { name: 'Hedemora kommun' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hedemora kommun' })).toBeVisible();
    await expect(page.locator('.status-error')).toHaveCount(0);

    await page.goto('/karta?lan=20');
    const countyMap = page.getByRole('img', { name: /^Nätverkskarta: \d+ noder/ });
    await expect(countyMap).toHaveAttribute('data-state', 'drawn', { timeout: 60_000 });
    expect(Number(await countyMap.getAttribute('data-nodes'))).toBeGreaterThan(10);
  });

  test('GraphiQL runs a query with the content security policy', async ({ page }) => {
    await expectProductionHeaders(page, '/graphiql');
    await page.goto('/graphiql');
    const run = page.getByRole('button', { name: /Execute query/i });
    await expect(run).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.graphiql-query-editor')).toContainText('query Sok', { timeout: 30_000 });
    // The editor loads in steps; a run asked for before it is ready does nothing, so ask until one answers.
    await expect(async () => {
      await run.click();
      await expect(page.locator('.graphiql-response')).toContainText('"search"', { timeout: 10_000 });
    }).toPass({ timeout: 60_000 });
  });
});
