import type { Database } from '../db/database.ts';

export type ReadinessReport = { ready: true } | { ready: false; reason: string };

/**
 * Ready means: Neo4j answers now, and the migrations have been applied. The check is live on every
 * call so that a load balancer stops sending traffic as soon as the database goes away.
 */
export class Readiness {
  private migrated = false;
  private migrationProblem = 'migrations not applied yet';

  constructor(
    private readonly db: Database,
    private readonly pingTimeoutMs = 2_000,
  ) {}

  markMigrated(): void {
    this.migrated = true;
  }

  markMigrationProblem(problem: string): void {
    this.migrationProblem = problem;
  }

  async check(): Promise<ReadinessReport> {
    try {
      await withTimeout(this.db.ping(), this.pingTimeoutMs);
    } catch (error) {
      return { ready: false, reason: `neo4j unavailable: ${(error as Error).message}` };
    }
    return this.migrated ? { ready: true } : { ready: false, reason: this.migrationProblem };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
