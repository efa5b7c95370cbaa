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

    LOCAL_NEO4J_DIR: z.string().min(1).default('.data/neo4j'),
    LOCAL_NEO4J_PAGE_CACHE: z.string().regex(/^\d+[kmg]$/i, 'must be a size such as 128m').default('128m'),
    LOCAL_NEO4J_HEAP: z.string().regex(/^\d+[kmg]$/i, 'must be a size such as 512m').default('512m'),

    SEED_ON_START: booleanFlag.default(true),
  });

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  environment: Environment['NODE_ENV'];
  http: { host: string; port: number };
  logLevel: Environment['LOG_LEVEL'];
  /** The Neo4j to use; absent when the service starts its own local engine. */
  neo4j: { uri: string; user: string; password: string; database: string } | null;
  queryTimeoutMs: number;
  localEngine: { dataDir: string; pageCache: string; heap: string };
  seedOnStart: boolean;
}

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
    localEngine: { dataDir: e.LOCAL_NEO4J_DIR, pageCache: e.LOCAL_NEO4J_PAGE_CACHE, heap: e.LOCAL_NEO4J_HEAP },
    seedOnStart: e.SEED_ON_START,
  };
}
