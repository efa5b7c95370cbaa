import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Every setting the service reads from its environment, with its default. */
const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    NEO4J_URI: z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI')
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().default(''),
    NEO4J_DATABASE: z.string().min(1).default('neo4j'),
    NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    NEO4J_REQUEST_WAIT_MS: z.coerce.number().int().positive().default(8_000),

    LOCAL_NEO4J_DIR: z.string().min(1).default('.data/neo4j'),
    LOCAL_NEO4J_PAGE_CACHE: z.string().regex(/^\d+[kmg]$/i, 'must be a size such as 128m').default('128m'),
    LOCAL_NEO4J_HEAP: z.string().regex(/^\d+[kmg]$/i, 'must be a size such as 512m').default('512m'),

    SEED_ON_START: booleanFlag.default(true),

    NETWORK_INDEX_BUILD_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
    NETWORK_INDEX_BUILD_HEAP_MB: z.coerce.number().int().min(32).default(96),

    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
    JWT_PUBLIC_KEY: z.string().includes('PUBLIC KEY', { message: 'must be a PEM public key' }).optional(),
    JWT_ALGORITHM: z.enum(['HS256', 'RS256', 'ES256']).optional(),
    JWT_ISSUER: z.string().min(1).default('samverkan'),
    JWT_AUDIENCE: z.string().min(1).default('samverkan-api'),
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    PSEUDONYM_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),

    ADMIN_EMAIL: z.email('must be an e-mail address').optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),

    LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(10),
    REGISTRATIONS_PER_HOUR: z.coerce.number().int().positive().default(20),
    QUERY_BUDGET_ANONYMOUS: z.coerce.number().int().positive().default(30_000),
    QUERY_BUDGET_SIGNED_IN: z.coerce.number().int().positive().default(120_000),
    QUERY_BUDGET_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
    MEASURES_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(30 * 60_000),
    MEASURES_STALE_AFTER_SECONDS: z.coerce.number().int().min(4).default(120),
    TRUST_PROXY: z.string().optional(),
  });

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  environment: Environment['NODE_ENV'];
  http: { host: string; port: number };
  logLevel: Environment['LOG_LEVEL'];
  /** The Neo4j to use; absent when the service starts its own local engine. */
  neo4j: { uri: string; user: string; password: string; database: string } | null;
  queryTimeoutMs: number;
  /** How long one request waits for Neo4j in all before it answers SERVICE_UNAVAILABLE. */
  requestWaitMs: number;
  localEngine: { dataDir: string; pageCache: string; heap: string };
  /** Reading the whole network for the network index: longer than a request may take, in a worker of bounded heap. */
  networkIndex: { buildTimeoutMs: number; buildHeapMb: number };
  seedOnStart: boolean;
  tokens: TokenConfig;
  /** Keys the stable pseudonyms researchers see instead of people's names. */
  pseudonymSecret: string;
  firstAdmin: { email: string; password: string } | null;
  rateLimits: { loginsPerMinute: number; registrationsPerHour: number };
  /** Query cost each client may spend per window: per address when anonymous, per account when signed in. */
  queryBudget: { anonymous: number; signedIn: number; windowSeconds: number };
  /** How long a statement of a measures run may take, and how long a run may go without a heartbeat before it is taken for dead. */
  measures: { statementTimeoutMs: number; staleAfterMs: number };
  /** Express's `trust proxy` setting, so that rate limits see the client's address behind a proxy. */
  trustProxy: string | null;
}

export type TokenConfig =
  | { algorithm: 'HS256'; secret: string; issuer: string; audience: string; ttlSeconds: number; ephemeral: boolean }
  | { algorithm: 'RS256' | 'ES256'; privateKey: string | null; publicKey: string; issuer: string; audience: string; ttlSeconds: number; ephemeral: false };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the whole environment at once so that every problem is reported together. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  // An empty variable means "not set", as it does for most twelve-factor services.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  // Checked beside the schema rather than in a refinement, which zod skips once a field has failed.
  if (present.NEO4J_URI && !present.NEO4J_PASSWORD) problems.push('NEO4J_PASSWORD: is required when NEO4J_URI is set');
  problems.push(...tokenProblems(present));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    environment: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT },
    logLevel: e.LOG_LEVEL,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : null,
    queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
    requestWaitMs: e.NEO4J_REQUEST_WAIT_MS,
    localEngine: { dataDir: e.LOCAL_NEO4J_DIR, pageCache: e.LOCAL_NEO4J_PAGE_CACHE, heap: e.LOCAL_NEO4J_HEAP },
    networkIndex: { buildTimeoutMs: e.NETWORK_INDEX_BUILD_TIMEOUT_MS, buildHeapMb: e.NETWORK_INDEX_BUILD_HEAP_MB },
    seedOnStart: e.SEED_ON_START,
    tokens: tokenConfig(e),
    pseudonymSecret: e.PSEUDONYM_SECRET ?? e.JWT_SECRET ?? randomBytes(32).toString('hex'),
    firstAdmin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : null,
    rateLimits: { loginsPerMinute: e.LOGIN_ATTEMPTS_PER_MINUTE, registrationsPerHour: e.REGISTRATIONS_PER_HOUR },
    queryBudget: { anonymous: e.QUERY_BUDGET_ANONYMOUS, signedIn: e.QUERY_BUDGET_SIGNED_IN, windowSeconds: e.QUERY_BUDGET_WINDOW_SECONDS },
    measures: { statementTimeoutMs: e.MEASURES_STATEMENT_TIMEOUT_MS, staleAfterMs: e.MEASURES_STALE_AFTER_SECONDS * 1000 },
    trustProxy: e.TRUST_PROXY ?? null,
  };
}

/** Which signing keys the environment gives, and whether they fit together. */
function tokenProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const asymmetric = env.JWT_ALGORITHM === 'RS256' || env.JWT_ALGORITHM === 'ES256';
  if (asymmetric && !env.JWT_PUBLIC_KEY) problems.push(`JWT_PUBLIC_KEY: is required with JWT_ALGORITHM=${env.JWT_ALGORITHM}`);
  if (!asymmetric && (env.JWT_PUBLIC_KEY || env.JWT_PRIVATE_KEY)) problems.push('JWT_ALGORITHM: must be RS256 or ES256 when a key pair is given');
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET && !asymmetric) {
    problems.push('JWT_SECRET: is required in production (or JWT_ALGORITHM with a key pair)');
  }
  // With a key pair there is no signing secret to key pseudonyms with: a random key would give researchers
  // other pseudonyms after every restart and on every instance.
  if (env.NODE_ENV === 'production' && asymmetric && !env.PSEUDONYM_SECRET) {
    problems.push(`PSEUDONYM_SECRET: is required in production with JWT_ALGORITHM=${env.JWT_ALGORITHM}`);
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) problems.push('ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD go together');
  return problems;
}

function tokenConfig(e: Environment): TokenConfig {
  const common = { issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE, ttlSeconds: e.JWT_TTL_SECONDS };
  if (e.JWT_ALGORITHM === 'RS256' || e.JWT_ALGORITHM === 'ES256') {
    return { algorithm: e.JWT_ALGORITHM, privateKey: e.JWT_PRIVATE_KEY ?? null, publicKey: e.JWT_PUBLIC_KEY!, ephemeral: false, ...common };
  }
  // Outside production a missing secret gets a random one: tokens then last until the next restart.
  return { algorithm: 'HS256', secret: e.JWT_SECRET ?? randomBytes(32).toString('hex'), ephemeral: !e.JWT_SECRET, ...common };
}
