import { ExportGraph } from './export-graph.ts';
import type { GraphData } from './graph-data.ts';
import { graphLines } from './graph-lines.ts';
import { mostInitiatives } from './read-limit.ts';

/** The map's filters as GET /export takes them: a kommun, or else a län, and a theme. */
export interface NetworkFilter {
  county?: string;
  municipality?: string;
  theme?: string;
}

export type ReadProgress =
  | { name: 'reading'; bytes: number; nodes: number; links: number }
  | { name: 'waiting'; seconds: number };

export interface LoadedNetwork {
  data: GraphData;
  /** How many initiatives the filter names, of which the map holds at most `mostInitiatives`. */
  total: number;
  shown: number;
}

/** An answer of the service that is not the network, with what it said. */
class ExportRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
}

function abortError() {
  return new DOMException('avbruten', 'AbortError');
}

function pause(seconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, seconds * 1000);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(abortError());
    });
  });
}

function exportAddress(origin: string, filter: NetworkFilter): string {
  const params = new URLSearchParams({ format: 'graphology.json' });
  if (filter.municipality) params.set('municipality', filter.municipality);
  else if (filter.county) params.set('county', filter.county);
  if (filter.theme) params.set('theme', filter.theme);
  return `${origin}/export?${params}`;
}

/** The service's error answer ({errors: [{message, extensions}]}), as an ExportRefused. */
async function refusal(response: Response): Promise<ExportRefused> {
  const body = (await response.json().catch(() => null)) as { errors?: { message: string; extensions?: { retryAfterSeconds?: number } }[] } | null;
  const error = body?.errors?.[0];
  const seconds = Number(error?.extensions?.retryAfterSeconds ?? response.headers.get('retry-after'));
  return new ExportRefused(response.status, error?.message ?? `HTTP ${response.status}`, Number.isFinite(seconds) && seconds > 0 ? seconds : null);
}

/** One read of the export, node by node and link by link as the lines arrive. */
async function readOnce(origin: string, filter: NetworkFilter, onProgress: (progress: ReadProgress) => void, signal: AbortSignal): Promise<LoadedNetwork> {
  // Same origin: the session cookie goes along by itself, so a signed-in user's map shows what the API shows them.
  const response = await fetch(exportAddress(origin, filter), { signal, headers: { accept: 'application/json' } });
  if (!response.ok || !response.body) throw await refusal(response);
  const graph = new ExportGraph();
  let bytes = 0;
  let reported = 0;
  const items = graphLines(response.body, (received) => (bytes += received));
  for await (const item of items) {
    if ('source' in item) graph.addParticipation(item.source, item.target);
    else graph.addNode(item.key, item.attributes);
    // A few times a second at most: a state update for every node would cost more than the reading.
    if (performance.now() - reported > 100) {
      reported = performance.now();
      onProgress({ name: 'reading', bytes, nodes: graph.nodeCount, links: graph.linkCount });
    }
  }
  onProgress({ name: 'reading', bytes, nodes: graph.nodeCount, links: graph.linkCount });
  const total = graph.initiativeCount;
  return { data: graph.build(mostInitiatives), total, shown: Math.min(total, mostInitiatives) };
}

// Tries of a read the database did not answer in time, before the map says it failed.
const tries = 3;

/**
 * Reads the network the filter names through the service's own export (GET /export, graphology's
 * format), which walks in from the kommun or the län, streams, and spends the client's query budget a
 * page of a few thousand nodes at a time. Progress is reported as the nodes and links arrive. When the
 * service says the budget is spent (429 before the first byte), the map waits as long as it asks and
 * starts again, saying so meanwhile; an export the database did not answer (503) is asked for again.
 */
export async function loadNetwork(
  filter: NetworkFilter,
  onProgress: (progress: ReadProgress) => void,
  signal: AbortSignal,
  /** The service's address: none on its own pages, which ask their own origin. */
  origin = '',
): Promise<LoadedNetwork> {
  for (let tried = 1; ; tried++) {
    try {
      return await readOnce(origin, filter, onProgress, signal);
    } catch (error) {
      if (signal.aborted) throw abortError();
      if (!(error instanceof ExportRefused)) throw error;
      if (error.status === 429) {
        const seconds = error.retryAfterSeconds ?? 10;
        onProgress({ name: 'waiting', seconds });
        await pause(seconds, signal);
        tried = 0;
        continue;
      }
      if (error.status === 503 && tried < tries) {
        await pause(1, signal);
        continue;
      }
      throw error;
    }
  }
}
