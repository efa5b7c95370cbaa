import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';

/** Where `npm run build:web` puts the pages (Vite's output of web/). */
export const webBuildDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

// Paths the service answers itself; everything else that asks for HTML is a page of the web application.
const serviceRoutes = /^\/(graphql|healthz|readyz|metrics|assets)(\/|$)/;

/**
 * Serves the built web application: its hashed assets (cached for a year, since a new build renames them),
 * GraphiQL's page at /graphiql, and index.html for every other page address, so that /aktor/… opened
 * directly or reloaded is routed in the browser.
 */
export function webApp(buildDir: string = webBuildDir): express.Router {
  const router = express.Router();
  const built = existsSync(`${buildDir}index.html`);

  router.use(
    '/assets',
    express.static(`${buildDir}assets`, { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  router.use(express.static(buildDir, { index: false, maxAge: 0 }));

  const page = (file: string): express.RequestHandler => (_req, res) => {
    if (!built) {
      res.status(404).type('text/plain').send('The web application is not built: run `npm run build:web`.');
      return;
    }
    // A page names the current assets, so it is checked again on every visit.
    res.set('cache-control', 'no-cache');
    res.sendFile(file, { root: buildDir });
  };

  router.get('/graphiql', page('graphiql.html'));
  router.get(/.*/, (req, res, next) => {
    if (serviceRoutes.test(req.path) || !req.accepts('html')) return next();
    page('index.html')(req, res, next);
  });
  return router;
}
