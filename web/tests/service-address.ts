/** Where the browser tests' service listens, and the admin it creates at start for tests that sign in. */
export const servicePort = Number(process.env.WEB_TEST_PORT ?? 4317);
export const serviceOrigin = `http://127.0.0.1:${servicePort}`;
export const adminEmail = 'admin@webbtest.example';
export const adminPassword = 'webbtest-admin-lösenord-1';
/** The same service under its production settings, beside it (web/tests/production.spec.ts). */
export const productionPort = servicePort + 1;
export const productionOrigin = `http://127.0.0.1:${productionPort}`;
