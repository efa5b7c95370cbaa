import autocannon, { type Request } from 'autocannon';
import { sampleResidentMemory } from './rss.ts';
import type { BenchRequest } from './operations.ts';

export interface LoadOptions {
  /** The server's endpoint: requests' paths are appended to its path. */
  url: string;
  /** The server process, whose memory is sampled while the load runs. */
  pid: number;
  connections: number;
  warmupSeconds: number;
  /** How long the measured run is: some seconds, or a count of requests (for operations that take seconds each). */
  length: { seconds: number } | { requests: number };
  /** The next request to send; the caller numbers them, so that writes stay unique across runs. */
  nextRequest: () => BenchRequest;
  /** Resolves when the database has finished what the load left in flight. */
  settle: () => Promise<void>;
}

export interface LoadFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** The server's peak resident memory during the measured run. */
  rssMb: number;
  requests: number;
  /** Non-2xx answers and GraphQL answers with errors: a run with any is not a fair figure. */
  errors: number;
  firstError: string | null;
}

function run(options: LoadOptions, length: LoadOptions['length'], onError: (text: string) => void) {
  const base = new URL(options.url);
  return autocannon({
    url: base.origin,
    connections: options.connections,
    ...('seconds' in length ? { duration: length.seconds } : { amount: length.requests }),
    // A slow answer is a figure, not an error.
    timeout: 120,
    requests: [
      {
        setupRequest: (request: Request) => {
          const next = options.nextRequest();
          request.method = next.method;
          request.path = `${base.pathname === '/' ? '' : base.pathname}${next.path}` || '/';
          request.body = next.body ?? '';
          request.headers = next.body ? { 'content-type': 'application/json' } : {};
          return request;
        },
        onResponse: (status: number, body: string) => {
          if (status >= 300) onError(`${status} ${body.slice(0, 300)}`);
          else if (body.startsWith('{"errors"') || body.includes('"errors":[')) onError(body.slice(0, 300));
        },
      },
    ],
  });
}

/** Warms the server up, then loads it at a fixed concurrency and reports throughput, latency and memory. */
export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  await options.settle();
  // Memory is watched from the warm-up on, so that what a server builds on its first requests counts too.
  const memory = sampleResidentMemory(options.pid);
  // A counted run warms up with one request per connection; a timed one for the warm-up's seconds.
  await run(options, 'seconds' in options.length ? { seconds: options.warmupSeconds } : { requests: options.connections }, () => {});
  await options.settle();
  let errors = 0;
  let firstError: string | null = null;
  const result = await run(options, options.length, (text) => {
    errors++;
    firstError ??= text;
  });
  const rssMb = memory.stop();
  await options.settle();
  return {
    rps: Math.round((result.requests.total / result.duration) * 100) / 100,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    rssMb: Math.round(rssMb),
    requests: result.requests.total,
    errors: errors + result.errors + result.timeouts,
    firstError,
  };
}
