import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one service instance: process defaults plus HTTP and Neo4j traffic. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    neo4jStatements: new Counter({
      name: 'neo4j_statements_total',
      help: 'Cypher statements sent to Neo4j',
      registers: [registry],
    }),
    networkIndexBuild: new Histogram({
      name: 'network_index_build_seconds',
      help: 'Reading the whole network into the network index (at the start, or when the change records cannot bridge a gap)',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    networkIndexCatchUp: new Histogram({
      name: 'network_index_catch_up_seconds',
      help: 'Reading and applying what the writes since its revision changed: after a write of this process, or for a request that found the network index behind',
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    networkIndexRevision: new Gauge({
      name: 'network_index_revision',
      help: 'The network revision the network index holds',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
