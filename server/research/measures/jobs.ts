import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import { ServiceError } from '../../shared/errors.ts';
import { GdsAvailability } from './gds-availability.ts';
import { measureNetwork } from './measure-network.ts';
import type { MeasuresScope } from './network-scope.ts';
import { beat, failStale, markFailed } from './run-writes.ts';

interface QueuedRun {
  id: string;
  scope: MeasuresScope;
}

/**
 * Runs the measures jobs of this service, one at a time, in the order they were asked for: each is
 * minutes of the database's work at national scale, and two at once would only share its cores.
 * The runs and their progress are in Neo4j, so any instance answers measuresRun; the work is done by
 * the instance that was asked. While it holds runs (queued or running) it beats their heartbeat, a
 * quarter of `staleAfterMs` apart; a run whose heartbeat is older than that belongs to a service that
 * went away without a word, and failStaleRuns marks it FAILED.
 */
export class MeasuresJobs {
  private readonly queue: QueuedRun[] = [];
  private current: QueuedRun | null = null;
  private stopped = false;
  private heartbeat: NodeJS.Timeout | null = null;

  /**
   * @param db a door to Neo4j whose statements may run as long as a step of a run takes (the
   *   projection, Leiden or betweenness), far beyond a request's timeout
   */
  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    readonly gds: GdsAvailability,
    readonly staleAfterMs: number,
  ) {}

  /** Queues a run that the caller has recorded as QUEUED; returns at once. */
  enqueue(run: QueuedRun): void {
    if (this.stopped) return;
    this.queue.push(run);
    this.heartbeat ??= setInterval(() => void this.beat(), this.staleAfterMs / 4).unref();
    if (!this.current) this.next();
  }

  /** Marks FAILED the runs that a service which went away left queued or running; at start, and when a run is asked for that looks so. */
  async failStaleRuns(): Promise<void> {
    const failed = await failStale(this.db, this.staleAfterMs);
    if (failed.length > 0) this.logger.warn({ runs: failed }, 'measures runs left unfinished by a service that went away are marked failed');
  }

  private held(): string[] {
    return [...(this.current ? [this.current.id] : []), ...this.queue.map((run) => run.id)];
  }

  private async beat(): Promise<void> {
    const held = this.held();
    if (held.length === 0) return;
    await beat(this.db, held).catch((error: unknown) => this.logger.warn({ err: error, runs: held }, 'could not beat the heartbeat of the measures runs'));
  }

  /** The runs not finished are marked FAILED, so that nobody waits for them; the one under way is abandoned. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const unfinished = this.held();
    this.queue.length = 0;
    if (unfinished.length === 0) return;
    try {
      await markFailed(this.db, unfinished, 'the service stopped before the run finished; start it again');
    } catch (error) {
      this.logger.warn({ err: error, runs: unfinished }, 'could not mark the unfinished measures runs as failed');
    }
  }

  private next(): void {
    const run = this.queue.shift();
    if (!run) {
      this.current = null;
      if (this.heartbeat) clearInterval(this.heartbeat);
      this.heartbeat = null;
      return;
    }
    this.current = run;
    void this.execute(run).finally(() => this.next());
  }

  private async execute(run: QueuedRun): Promise<void> {
    try {
      await this.gds.require();
      await measureNetwork(this.db, run.id, run.scope);
      this.logger.info({ runId: run.id }, 'measures run done');
    } catch (error) {
      if (this.stopped) return;
      const reason = error instanceof ServiceError ? error.message : 'the computation failed; see the service log';
      this.logger.error({ err: error, runId: run.id }, 'measures run failed');
      await markFailed(this.db, [run.id], reason).catch((markError: unknown) => this.logger.error({ err: markError, runId: run.id }, 'could not mark the measures run as failed'));
    }
  }
}
