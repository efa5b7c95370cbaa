import { peerRequests } from '../peer/operations.ts';
import { OperationLoad, type LoadFigures, type LoadLength } from './load.ts';
import { floorRequests, nthRequest, oursRequests, signedInOperations, writeOperations, type OperationName, type RequestSet, type Samples, type WriteTargets } from './operations.ts';
import type { BenchOptions } from './options.ts';
import type { RunningServer, ServerName } from './servers.ts';

const requestSets: Record<ServerName, RequestSet> = { ours: oursRequests, peer: peerRequests, floor: floorRequests };

/** Counts each write across a whole run, so that no two servers write the same thing. */
export type RunCounters = Partial<Record<OperationName, number>>;

export interface OperationContext {
  samples: Samples;
  options: BenchOptions;
  settle: () => Promise<void>;
  counters: RunCounters;
  /** What the write operations write to (prepareWriteTargets); needed only when they are measured. */
  targets?: WriteTargets;
  /** Headers of a signed-in admin, per server that checks who writes (the service). */
  signedIn?: Partial<Record<ServerName, Record<string, string>>>;
}

/**
 * Warms one server up for one operation. Every server is asked the same questions in the same order
 * (writes alone count across the run), with the engine settled between stretches of load.
 */
export function warmUpOperation(server: RunningServer, operation: OperationName, context: OperationContext): Promise<OperationLoad> {
  const { samples, options, settle, counters, targets } = context;
  let asked = 0;
  const nth = writeOperations.includes(operation) ? () => (counters[operation] = (counters[operation] ?? 0) + 1) - 1 : () => asked++;
  const counted = options.counted.includes(operation);
  const headers = signedInOperations.includes(operation) ? context.signedIn?.[server.name] : undefined;
  return OperationLoad.warmUp(
    {
      url: server.url,
      pid: server.pid,
      connections: options.connections,
      settle,
      ...(headers ? { headers } : {}),
      nextRequest: () => nthRequest(requestSets[server.name], operation, samples, nth(), targets),
      ...(counted ? { roundWarmUp: { requests: options.connections } } : {}),
    },
    // A counted operation takes seconds a request on the slower servers, and the first request may wait for
    // what a server builds (the network index): one request per connection first, then the warm-up's seconds.
    counted ? [{ requests: options.connections }, { seconds: options.warmup }] : [{ seconds: options.warmup }],
  );
}

/**
 * The `round`-th of `rounds` equal parts of an operation's measured length: the options' seconds, or
 * their count of requests for the counted operations (the parts add up to the whole count).
 */
export function roundLength(options: BenchOptions, operation: OperationName, round: number, rounds: number): LoadLength {
  if (!options.counted.includes(operation)) return { seconds: options.duration / rounds };
  const upTo = (r: number) => Math.floor((options.requests * r) / rounds);
  return { requests: upTo(round + 1) - upTo(round) };
}

/** One operation against one server alone: warmed up, then measured in one round. */
export async function measureOperation(server: RunningServer, operation: OperationName, context: OperationContext): Promise<LoadFigures> {
  const load = await warmUpOperation(server, operation, context);
  await load.measureRound(roundLength(context.options, operation, 0, 1));
  return load.figures();
}
