import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
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

/**
 * Moves the mouse over a map until sigma says a node is under it (the canvas gets the class `pointing`),
 * and clicks there. It tries the centre lines first, where a län's hubs lie, unless told to go row by row from
 * the top (to reach a neighbour rather than the subject at the centre of a neighbourhood).
 */
export async function clickANode(page: Page, map: Locator, { centreFirst = true } = {}) {
  const canvas = map.locator('.graph-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const centreX = box.x + box.width / 2;
  const centreY = box.y + box.height / 2;
  const points: [number, number][] = [];
  if (centreFirst) {
    for (let d = 0; d < box.width / 2; d += 4) points.push([centreX + d, centreY], [centreX - d, centreY]);
    for (let d = 0; d < box.height / 2; d += 4) points.push([centreX, centreY + d], [centreX, centreY - d]);
  }
  for (let y = box.y + 6; y < box.y + box.height; y += 12) {
    for (let x = box.x + 6; x < box.x + box.width; x += 12) points.push([x, y]);
  }
  const before = page.url();
  for (const [x, y] of points) {
    await page.mouse.move(x, y);
    // Sigma takes the pointer's moves frame by frame: the mark it sets on hovering a node belongs to this
    // point only once a frame has passed, and a click a few pixels off a small node opens nothing.
    const pointing = await canvas.evaluate(
      (element) => new Promise<boolean>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(element.classList.contains('pointing'))))),
    );
    if (!pointing) continue;
    await page.mouse.click(x, y);
    if (await page.waitForURL((url) => url.href !== before, { timeout: 2_000 }).then(() => true, () => false)) return;
  }
  throw new Error('no node found on the map');
}
