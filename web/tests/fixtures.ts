import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { serviceOrigin } from './service-address.ts';

/**
 * Every page of every test runs with a guard: a request to any origin but the service's own is refused and
 * recorded, and the test fails with the addresses it tried. data: and blob: addresses never leave the page.
 */
export const test = base.extend<{ offsite: string[] }>({
  offsite: async ({ context }, use) => {
    const offsite: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === serviceOrigin) return route.continue();
      offsite.push(url);
      return route.abort('blockedbyclient');
    });
    await use(offsite);
    expect(offsite, 'requests that left the service’s origin').toEqual([]);
  },
  page: async ({ page, offsite }, use) => {
    void offsite;
    await use(page);
  },
});

export { expect };

/** Runs axe-core on the page as it is now and fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, 'serious or critical accessibility violations').toEqual([]);
}
