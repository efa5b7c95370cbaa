import autocannon, { type Request, type Result } from 'autocannon';
import { sampleResidentMemory } from './rss.ts';
import type { BenchRequest } from './operations.ts';

/** How long a stretch of load is: some seconds, or a count of requests (for operations that take seconds each). */
export type LoadLength = { seconds: number } | { requests: number };

export interface LoadTarget {
  /** The server's endpoint: requests' paths are appended to its path. */
  url: string;
  /** The server process, whose memory is sampled while the load runs. */
  pid: number;
  connections: number;
  /** The next request to send; the caller numbers them, so that writes stay unique across runs. */
  nextRequest: () => BenchRequest;
  /** Headers every request carries (a signed-in caller's token). */
  headers?: Record<string, string>;
  /** Resolves when the database has finished what the load left in flight. */
  settle: () => Promise<void>;
  /**
   * Uncounted requests before each measured round. A round of a counted operation is a few requests per
   * connection, sent after minutes in which the server sat idle while the others were measured; without
   * these its first requests would be timed on a server and engine that had gone cold meanwhile.
   */
  roundWarmUp?: LoadLength;
}

export interface LoadFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** The server's peak resident memory from its warm-up to its last measured round. */
  rssMb: number;
  requests: number;
  /** Non-2xx answers and GraphQL answers with errors: a run with any is not a fair figure. */
  errors: number;
  firstError: string | null;
}

/** A round as autocannon reports it before aggregation: its latencies still a histogram that can be merged. */
type RawRound = Result & { totalCompletedRequests: number };

// autocannon merges raw rounds' histograms; its type definitions do not declare the function.
const aggregateRounds = (autocannon as unknown as { aggregateResult: (rounds: RawRound[], options: { url: string }) => Result }).aggregateResult;

/**
 * One stretch of load, with the seconds from its start to its last answer: autocannon's own duration is
 * rounded up to its next one-second tick, which for a count of requests can be most of the run.
 */
async function run(target: LoadTarget, length: LoadLength, onError: (text: string) => void): Promise<{ round: RawRound; seconds: number }> {
  const base = new URL(target.url);
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  const round = (await autocannon({
    url: base.origin,
    connections: target.connections,
    ...('seconds' in length ? { duration: length.seconds } : { amount: length.requests }),
    // A slow answer is a figure, not an error.
    timeout: 120,
    skipAggregateResult: true,
    requests: [
      {
        setupRequest: (request: Request) => {
          const next = target.nextRequest();
          request.method = next.method;
          request.path = `${base.pathname === '/' ? '' : base.pathname}${next.path}` || '/';
          request.body = next.body ?? '';
          request.headers = { ...target.headers, ...(next.body ? { 'content-type': 'application/json' } : {}) };
          return request;
        },
        onResponse: (status: number, body: string) => {
          lastAnswerAt = performance.now();
          if (status >= 300) onError(`${status} ${body.slice(0, 300)}`);
          else if (body.startsWith('{"errors"') || body.includes('"errors":[')) onError(body.slice(0, 300));
        },
      },
    ],
  })) as RawRound;
  return { round, seconds: (lastAnswerAt - startedAt) / 1000 };
}

/**
 * One server under one operation's load: warmed up, then measured in rounds that the caller may
 * interleave with other servers' rounds, then reported as one set of figures over all its rounds.
 */
export class OperationLoad {
  private readonly rounds: RawRound[] = [];
  private seconds = 0;
  private errors = 0;
  private firstError: string | null = null;

  private constructor(
    private readonly target: LoadTarget,
    private readonly memory: { stop: () => number },
  ) {}

  /** The warm-up runs each of the stretches given, in turn. */
  static async warmUp(target: LoadTarget, stretches: LoadLength[]): Promise<OperationLoad> {
    await target.settle();
    // Memory is watched from the warm-up on, so that what a server builds on its first requests counts too.
    const load = new OperationLoad(target, sampleResidentMemory(target.pid));
    for (const length of stretches) {
      await run(target, length, () => {});
      await target.settle();
    }
    return load;
  }

  async measureRound(length: LoadLength): Promise<void> {
    await this.target.settle();
    if (this.target.roundWarmUp) {
      await run(this.target, this.target.roundWarmUp, () => {});
      await this.target.settle();
    }
    const { round, seconds } = await run(this.target, length, (text) => {
      this.errors++;
      this.firstError ??= text;
    });
    this.rounds.push(round);
    this.seconds += seconds;
    await this.target.settle();
  }

  /** The figures over every measured round; the memory watch ends here. */
  figures(): LoadFigures {
    const rssMb = this.memory.stop();
    if (this.rounds.length === 0) throw new Error('no round was measured');
    const merged = aggregateRounds(this.rounds, { url: this.target.url });
    const requests = this.rounds.reduce((sum, round) => sum + round.totalCompletedRequests, 0);
    const failures = this.rounds.reduce((sum, round) => sum + round.errors + round.timeouts, 0);
    return {
      rps: Math.round((requests / this.seconds) * 100) / 100,
      p50Ms: merged.latency.p50,
      p99Ms: merged.latency.p99,
      rssMb: Math.round(rssMb),
      requests,
      errors: this.errors + failures,
      firstError: this.firstError,
    };
  }
}
