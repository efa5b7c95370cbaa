import { peerRequests } from '../peer/operations.ts';
import { measureLoad, type LoadFigures } from './load.ts';
import { floorRequests, nthRequest, oursRequests, type OperationName, type RequestSet, type Samples } from './operations.ts';
import type { BenchOptions } from './options.ts';
import type { RunningServer, ServerName } from './servers.ts';

const requestSets: Record<ServerName, RequestSet> = { ours: oursRequests, peer: peerRequests, floor: floorRequests };

/** Counts registrations across a whole run, so that no two are the same. */
export interface RunCounters {
  registrations: number;
}

/**
 * One operation against one server, as the options say: every server is asked the same questions in the
 * same order (registrations alone count across the run), timed or counted, with the engine settled between.
 */
export function measureOperation(
  server: RunningServer,
  operation: OperationName,
  context: { samples: Samples; options: BenchOptions; settle: () => Promise<void>; counters: RunCounters },
): Promise<LoadFigures> {
  const { samples, options, settle, counters } = context;
  let asked = 0;
  return measureLoad({
    url: server.url,
    pid: server.pid,
    connections: options.connections,
    warmupSeconds: options.warmup,
    length: options.counted.includes(operation) ? { requests: options.requests } : { seconds: options.duration },
    settle,
    nextRequest: () => nthRequest(requestSets[server.name], operation, samples, operation === 'register' ? counters.registrations++ : asked++),
  });
}
