import { defineConfig } from '@playwright/test';
import { serviceOrigin } from './web/tests/service-address.ts';

// Debian's Chromium: Playwright cannot download a browser of its own here. The flags keep it from
// reaching for Google's hosts, which a closed network refuses.
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'web/tests',
  testMatch: '**/*.spec.ts',
  // Two cores shared with the service and Neo4j: one browser at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: serviceOrigin,
    locale: 'sv-SE',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumFlags },
    trace: 'off',
  },
  webServer: {
    // The pages are built first, so the service serves what the tests are about.
    command: 'npm run build:web && node --import tsx web/tests/service.ts',
    url: `${serviceOrigin}/readyz`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
