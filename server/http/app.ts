import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import helmet from 'helmet';
import type { Config } from '../config.ts';
import type { Database, RequestBookmarks } from '../db/database.ts';
import { createContext, type Context, type Services } from '../graphql/context.ts';
import { asGraphQLError } from '../graphql/errors.ts';
import { errorLanguagePlugin, formatError } from '../graphql/format-error.ts';
import { armor, queryLimits } from '../graphql/limits.ts';
import { QueryBudget } from '../graphql/query-budget.ts';
import { queryBudgetPlugin } from '../graphql/query-budget-plugin.ts';
import { requestErrorStatusPlugin } from '../graphql/request-error-status.ts';
import { buildSchema } from '../graphql/schema.ts';
import type { Logger } from '../logger.ts';
import { apolloLogger } from '../logging/apollo-logger.ts';
import type { Metrics } from './metrics.ts';
import type { Readiness } from './readiness.ts';
import { requestErrorHandler } from './request-errors.ts';
import { importRoute } from './import-route.ts';
import { requestLog } from './request-log.ts';
import { jsonPostsOnly } from './json-posts-only.ts';
import { SessionCookie } from './session-cookie.ts';
import { renewSessionIfHalfSpent } from './session-renewal.ts';
import { sessionRoutes } from './session-routes.ts';
import { viewerOf } from './viewer.ts';
import { bookmarkPlugin, bookmarksOf } from './bookmarks.ts';
import { exportRoute } from './export-route.ts';
import { webApp } from './web-app.ts';
import { contentLanguage, languageOfRequest } from './request-language.ts';
import type { Language } from '../shared/language.ts';

export interface AppDependencies {
  config: Config;
  db: Database;
  services: Services;
  readiness: Readiness;
  logger: Logger;
  metrics: Metrics;
}

export interface HttpService {
  server: http.Server;
  apollo: ApolloServer<Context>;
  /** Stops accepting connections and waits for the requests in flight. */
  close(): Promise<void>;
}

const knownRoutes = new Set(['/graphql', '/session', '/healthz', '/readyz', '/metrics']);

/** Builds the HTTP service: /graphql, /session, /healthz, /readyz, /metrics and the web application. It does not listen yet. */
export async function createHttpService(deps: AppDependencies): Promise<HttpService> {
  const { config, logger, metrics, readiness } = deps;
  const app = express();
  const server = http.createServer(app);
  const production = config.environment === 'production';

  const limits = armor(production);
  const queryBudget = new QueryBudget(config.queryBudget);
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    // graphql-armor hides field suggestions; this hides the rest ("Did you mean the enum value …").
    hideSchemaDetailsFromClientErrors: production,
    formatError: formatError(logger, production),
    allowBatchedHttpRequests: false,
    // Apollo's check refuses every GET without a header of its own, which stock clients do not send.
    // Cross-site requests are kept from acting otherwise: POSTs must be JSON (jsonPostsOnly), a GET runs
    // queries only (Apollo refuses a mutation over GET), and the session cookie acts only on requests
    // from the service's own pages (viewerOf).
    csrfPrevention: false,
    validationRules: limits.validationRules,
    // The token limit is counted while Apollo parses, so that a query over it is a parse failure (limits.ts).
    parseOptions: { maxTokens: queryLimits.maxTokens },
    // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same at run time.
    plugins: [
      ...(limits.plugins as unknown as ApolloServerPlugin<Context>[]),
      queryBudgetPlugin(queryBudget),
      requestErrorStatusPlugin,
      errorLanguagePlugin,
      bookmarkPlugin,
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // The schema has no cache hints, so every answer is uncacheable (set below); the default plugin
      // would work that out again for every field of every response, thousands for a busy profile.
      ApolloServerPluginCacheControlDisabled(),
    ],
    // The service owns shutdown (runService in server/main.ts): Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    logger: apolloLogger(logger),
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Security headers; the content policy would block the GraphQL explorer page outside production.
  app.use(helmet({ contentSecurityPolicy: production ? undefined : false }));
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  // A line per request is logged at info; above that level the middleware would only cost time.
  if (logger.isLevelEnabled('info')) {
    app.use(requestLog(logger));
  }
  app.use((req, res, next) => {
    // Only known routes become labels, so that random paths cannot grow the metrics without bound.
    const stop = metrics.httpRequestDuration.startTimer({ route: knownRoutes.has(req.path) ? req.path : 'other' });
    res.on('finish', () => stop({ status: String(res.statusCode) }));
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const report = await readiness.check();
    res.status(report.ready ? 200 : 503).json(report.ready ? { status: 'ready' } : { status: 'not ready', reason: report.reason });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const countedDb = deps.db.withListener(() => metrics.neo4jStatements.inc());
  const sessionCookie = new SessionCookie(production, config.tokens.ttlSeconds);
  app.use(['/session', '/import', '/export'], contentLanguage);
  app.use(sessionRoutes({ db: countedDb, services: deps.services, cookie: sessionCookie, requestWaitMs: config.requestWaitMs }));

  const viewerOfRequest = (req: express.Request, language: Language) => {
    try {
      return viewerOf(req, deps.services.tokens, sessionCookie);
    } catch (error) {
      throw asGraphQLError(error, language);
    }
  };
  app.use(
    '/graphql',
    contentLanguage,
    (_req, res, next) => {
      // Answers depend on who asks: no shared or browser cache may keep them.
      res.set('cache-control', 'no-store');
      next();
    },
    jsonPostsOnly,
    // Large enough that an oversized field reaches validation, which names it; larger bodies are refused below.
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const language = languageOfRequest(req);
        const asking = viewerOfRequest(req, language);
        if (asking.credential === 'none' && asking.staleCookie) sessionCookie.clear(req, res);
        const clientAddress = req.ip ?? 'unknown';
        let bookmarks: RequestBookmarks;
        try {
          await queryBudget.refuseIfSpent(asking.viewer, clientAddress);
          bookmarks = bookmarksOf(req);
        } catch (error) {
          throw asGraphQLError(error, language);
        }
        const ctx = createContext(countedDb.forRequest(deps.config.requestWaitMs, bookmarks), deps.services, asking.viewer, clientAddress, language);
        if (asking.credential === 'cookie') {
          // A renewal that fails leaves the token in place, still valid for half its lifetime; the next request tries again.
          await renewSessionIfHalfSpent(req, res, ctx, { token: asking.token, cookie: sessionCookie, ttlSeconds: config.tokens.ttlSeconds }).catch(
            (error: unknown) => logger.warn({ err: error }, 'could not renew a session'),
          );
        }
        return ctx;
      },
    }),
  );

  // The routes beside GraphQL take the same credentials: a bearer token, or the web's session cookie.
  const requestViewer = (req: express.Request) => viewerOf(req, deps.services.tokens, sessionCookie).viewer;
  app.use('/import', importRoute(countedDb, requestViewer, logger));
  app.get('/export', exportRoute({ db: countedDb, services: deps.services, logger, viewerOf: requestViewer, budget: queryBudget }));
  app.use(webApp());

  app.use(requestErrorHandler(logger));

  return {
    server,
    apollo,
    close: () => apollo.stop(),
  };
}
