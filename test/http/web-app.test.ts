import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApp } from '../../server/http/web-app.ts';

// The web application's serving, on a build directory of its own: which addresses get a page, which an
// asset, and which are left to the service.
describe('serving the built web application', () => {
  let dir: string;
  let server: ReturnType<express.Express['listen']>;
  let base: string;

  beforeAll(async () => {
    dir = `${mkdtempSync(path.join(tmpdir(), 'samverkan-web-build-'))}/`;
    mkdirSync(`${dir}assets`);
    writeFileSync(`${dir}index.html`, '<!doctype html><html lang="sv"><title>index</title></html>');
    writeFileSync(`${dir}graphiql.html`, '<!doctype html><html lang="sv"><title>graphiql</title></html>');
    writeFileSync(`${dir}assets/main-abc123.js`, 'console.log(1)');
    const app = express();
    app.use(webApp(dir));
    app.use((_req, res) => res.status(404).send('left to the service'));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every page address with index.html, checked again on every visit', async () => {
    for (const page of ['/', '/aktor/0b6c1f7e', '/initiativ/x', '/karta', '/overlapp?lan=20']) {
      const response = await fetch(`${base}${page}`, { headers: { accept: 'text/html' } });
      expect(response.status, page).toBe(200);
      expect(await response.text()).toContain('<title>index</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves GraphiQL its own page', async () => {
    const response = await fetch(`${base}/graphiql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).toContain('<title>graphiql</title>');
  });

  it('caches hashed assets for a year and answers a missing one 404 rather than with a page', async () => {
    const asset = await fetch(`${base}/assets/main-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(`${base}/assets/main-gone.js`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<title>index</title>');
  });

  it('leaves the service’s own routes and non-HTML requests to the service', async () => {
    for (const route of ['/graphql', '/healthz', '/readyz', '/metrics']) {
      const response = await fetch(`${base}${route}`, { headers: { accept: 'text/html' } });
      expect(await response.text(), route).toBe('left to the service');
    }
    const json = await fetch(`${base}/aktor/x`, { headers: { accept: 'application/json' } });
    expect(await json.text()).toBe('left to the service');
  });
});
