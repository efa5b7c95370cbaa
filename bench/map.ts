/**
 * `npm run bench:map`: the map page (/karta) drawing whole län of the synthetic national network, in
 * Debian's Chromium, from the service as deployed (production mode, with its security headers).
 *
 *   npm run bench:map -- [--scale 1] [--counties 01,19] [--no-build true] [--origin http://host:port]
 *
 * For each län: the page's own marks (reading the network, laying it out in the worker, the first frame
 * drawn), how responsive the page stayed meanwhile (the longest gap between two frames and the longest
 * wait for a script to run on the page), and once drawn, the frames while zooming and the time from a
 * click on a node to its page. Baselines of the same run: the same export (GET /export, graphology's
 * format) read by a plain client (no browser), so the page's read is a ratio to it; and the 50 ms a task
 * may take before a user feels the page stall. It also works out what the read costs in the query
 * budget (the export's pages at their charge), and how long that budget makes an anonymous or a
 * signed-in visitor wait. Results go to bench/results/map.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { parseConfig } from '../server/config.ts';
import { exportPageCost } from '../server/research/export/export-charges.ts';
import { INITIATIVES_PER_EDGE_PAGE, NODE_PAGE } from '../server/research/export/export-reader.ts';
import { mostInitiatives } from '../web/src/map/read-limit.ts';
import { prepareBenchData } from './harness/data.ts';
import { startBenchEngine } from './harness/engine.ts';
import { startServer } from './harness/servers.ts';

const args = Object.fromEntries(process.argv.slice(2).reduce<[string, string][]>((pairs, arg, i, all) => (i % 2 === 0 ? [...pairs, [arg.replace(/^--/, ''), all[i + 1]!]] : pairs), []));
const scale = Number(args.scale ?? 1);
const counties = (args.counties ?? '01,19').split(',');
/**
 * The pages an export of this many actors and initiatives reads, as ExportReader pages them: nodes a
 * page of NODE_PAGE at a time, each kind until a page short of full, and participations a page per
 * INITIATIVES_PER_EDGE_PAGE initiatives, likewise.
 */
const exportPages = (actors: number, initiatives: number) =>
  Math.floor(actors / NODE_PAGE) + 1 + Math.floor(initiatives / NODE_PAGE) + 1 + Math.floor(initiatives / INITIATIVES_PER_EDGE_PAGE) + 1;

/** The baseline: the export the map reads, read whole by a plain client. */
async function readWithoutBrowser(origin: string, county: string) {
  const started = performance.now();
  const response = await fetch(`${origin}/export?format=graphology.json&county=${county}`);
  if (!response.ok) throw new Error(`export of län ${county}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  const ms = performance.now() - started;
  const graph = JSON.parse(text) as { nodes: { attributes: { type: string } }[]; edges: unknown[] };
  const initiatives = graph.nodes.filter((node) => node.attributes.type === 'initiative').length;
  const actors = graph.nodes.length - initiatives;
  return { ms, bytes: Buffer.byteLength(text), actors, initiatives, participations: graph.edges.length, pages: exportPages(actors, initiatives) };
}

// Set on the page before its own scripts: a record of every long task and of the gaps between frames.
// Plain text rather than a function, which tsx would wrap in helpers the page does not have.
const watchers = `
  window.longTasks = [];
  window.frameGaps = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  requestAnimationFrame(function frame(now) {
    window.frameGaps.push(now - last);
    last = now;
    requestAnimationFrame(frame);
  });
`;

/** While the map loads: how long the page takes to run a script the bench sends it, at most. */
async function probeWhileLoading(page: Page, done: () => boolean) {
  const waits: number[] = [];
  while (!done()) {
    const sent = performance.now();
    await page.evaluate(() => 0).catch(() => 0);
    waits.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return waits;
}

async function framesDuring(page: Page, act: () => Promise<void>) {
  await page.evaluate(() => ((window as unknown as { frameGaps: number[] }).frameGaps = []));
  await act();
  await page.waitForTimeout(500);
  const gaps = await page.evaluate(() => (window as unknown as { frameGaps: number[] }).frameGaps);
  return { frames: gaps.length, longestGapMs: Math.max(...gaps) };
}

/**
 * Finds a node under the pointer (sigma marks the canvas `pointing`) and clicks it: the time until the
 * address is the node's page (the map's own answer), and until that page shows the node's name (its
 * read included; null when a hub's page is not there within a minute).
 */
async function clickToPage(page: Page): Promise<{ toAddressMs: number; toHeadingMs: number | null }> {
  const canvas = page.locator('.graph-canvas');
  const box = (await canvas.boundingBox())!;
  const before = page.url();
  for (let y = box.y + box.height / 2, step = 0; step < 400; step++) {
    const x = box.x + box.width / 2 + ((step % 40) - 20) * 6;
    const row = y + (Math.floor(step / 40) - 5) * 8;
    await page.mouse.move(x, row);
    const pointing = await canvas.evaluate(
      (element) => new Promise<boolean>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(element.classList.contains('pointing'))))),
    );
    if (!pointing) continue;
    const clicked = performance.now();
    await page.mouse.click(x, row);
    const opened = await page.waitForURL((url) => url.href !== before, { timeout: 5_000 }).then(() => true, () => false);
    if (!opened) continue;
    const toAddressMs = performance.now() - clicked;
    // The node's page is drawn when its heading names the node rather than the map.
    const shown = await page
      .waitForFunction(
        () => {
          const heading = document.querySelector('h1')?.textContent;
          return Boolean(heading) && heading !== 'Karta över nätverket';
        },
        undefined,
        { timeout: 60_000 },
      )
      .then(() => true, () => false);
    return { toAddressMs, toHeadingMs: shown ? performance.now() - clicked : null };
  }
  throw new Error('no node found under the pointer');
}

async function measureCounty(page: Page, origin: string, county: string) {
  const started = performance.now();
  await page.goto(`${origin}/karta?lan=${county}`);
  const map = page.getByRole('img', { name: /^Nätverkskarta/ });
  let drawn = false;
  const probing = probeWhileLoading(page, () => drawn);
  // Drawn, or failed: a map that could not be read or drawn says so in an error message.
  await map.and(page.locator('[data-state="drawn"]')).or(page.locator('.status-error')).waitFor({ timeout: 900_000 });
  drawn = true;
  if (await page.locator('.status-error').count()) throw new Error(`län ${county}: ${await page.locator('.status-error').first().textContent()}`);
  process.stderr.write(`län ${county}: drawn ${Math.round(performance.now() - started)} ms after the page was opened\n`);
  const scriptWaits = await probing;
  const wallMs = performance.now() - started;
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])));
  const watched = await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; frameGaps: number[] };
    return { longTasks: w.longTasks, longestFrameGap: Math.max(...w.frameGaps) };
  });
  const nodes = Number(await map.getAttribute('data-nodes'));
  const links = Number(/(\d+) kopplingar/.exec((await map.getAttribute('aria-label')) ?? '')?.[1]);
  const box = (await page.locator('.graph-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const zoom = await framesDuring(page, async () => {
    for (let i = 0; i < 5; i++) {
      await page.mouse.wheel(0, -240);
      await page.waitForTimeout(100);
    }
  });
  const pan = await framesDuring(page, async () => {
    await page.mouse.down();
    for (let i = 0; i < 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 15, box.y + box.height / 2 + i * 5);
    await page.mouse.up();
  });
  await page.mouse.wheel(0, 1200);
  await page.waitForTimeout(800);
  const click = await clickToPage(page);
  const between = (from: string, to: string) => (marks[to] ?? NaN) - (marks[from] ?? NaN);
  return {
    county,
    nodes,
    links,
    wallMs,
    readMs: between('map:read-start', 'map:read-end'),
    layoutMs: between('map:layout-start', 'map:layout-end'),
    drawMs: between('map:layout-end', 'map:drawn'),
    readToDrawnMs: between('map:read-start', 'map:drawn'),
    whileLoading: {
      longestTaskMs: Math.max(0, ...watched.longTasks),
      tasksOver200Ms: watched.longTasks.filter((d) => d > 200).length,
      longestFrameGapMs: watched.longestFrameGap,
      longestScriptWaitMs: Math.max(...scriptWaits),
    },
    zoom,
    pan,
    click,
  };
}

if (!args['no-build']) {
  const build = spawnSync('npm', ['run', 'build:web'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build:web failed');
}
const budgets = parseConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32) }).queryBudget;

async function measureService(origin: string, onResult: (results: object[]) => void = () => {}) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const results = [];
    for (const county of counties) {
      // Read once by the plain client first: it warms Neo4j for this län as much as for the page after it.
      const plain = await readWithoutBrowser(origin, county);
      process.stderr.write(`län ${county}: ${plain.actors} actors and ${plain.initiatives} initiatives (${plain.bytes} bytes) read without a browser in ${Math.round(plain.ms)} ms\n`);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
      await page.addInitScript({ content: watchers });
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      const measured = await measureCounty(page, origin, county);
      await page.close();
      const budgetCost = plain.pages * exportPageCost;
      const result = {
        ...measured,
        actors: plain.actors,
        initiatives: plain.initiatives,
        participations: plain.participations,
        bytes: plain.bytes,
        pages: plain.pages,
        withoutBrowserMs: plain.ms,
        readRatio: measured.readMs / plain.ms,
        longestTaskOver50Ms: measured.whileLoading.longestTaskMs / 50,
        budget: {
          costPerPage: exportPageCost,
          cost: budgetCost,
          anonymousMinutes: (budgetCost / budgets.anonymous) * (budgets.windowSeconds / 60),
          signedInMinutes: (budgetCost / budgets.signedIn) * (budgets.windowSeconds / 60),
        },
        consoleErrors: errors,
      };
      process.stderr.write(`${JSON.stringify(result, null, 2)}\n`);
      results.push(result);
      onResult(results);
    }
    return results;
  } finally {
    await browser.close();
  }
}

if (args.origin) {
  // A service already running (`npm start` against a network of your own): measured as it is.
  await measureService(args.origin);
} else {
  const { engine, settle, stop } = await startBenchEngine(scale);
  try {
    await prepareBenchData(engine.boltUri, scale, 20261122);
    await settle();
    const server = await startServer('ours', engine.boltUri, scale);
    try {
      // Written after each län, so that a län measured is kept whatever happens to the next.
      await measureService(server.url.replace(/\/graphql$/, ''), (results) => {
        const report = { scale, measuredAt: new Date().toISOString(), mostInitiatives, results };
        mkdirSync('bench/results', { recursive: true });
        writeFileSync('bench/results/map.json', `${JSON.stringify(report, null, 2)}\n`);
      });
    } finally {
      await server.stop();
    }
  } finally {
    await stop();
  }
}
