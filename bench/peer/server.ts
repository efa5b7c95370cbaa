/**
 * The peer of the benchmark: the Neo4j GraphQL Library (@neo4j/graphql 7) over the service's database.
 *
 *   NEO4J_URI=bolt://… [NEO4J_USER=neo4j] [NEO4J_PASSWORD=…] [NEO4J_DATABASE=neo4j] [PORT=0] node --import tsx bench/peer/server.ts
 *
 * Prints `PEER_READY http://127.0.0.1:<port>/graphql` once it listens; SIGTERM (or SIGINT) drains the
 * requests in flight, closes the driver and exits.
 */
import { startPeer } from './app.ts';

const uri = process.env.NEO4J_URI;
if (!uri) {
  console.error('NEO4J_URI must name the Neo4j to serve');
  process.exit(2);
}

const peer = await startPeer({
  neo4jUri: uri,
  neo4jUser: process.env.NEO4J_USER,
  neo4jPassword: process.env.NEO4J_PASSWORD,
  // The service's default too: naming the database spares the driver a home-database lookup.
  database: process.env.NEO4J_DATABASE || 'neo4j',
  port: Number(process.env.PORT ?? 0),
  host: process.env.HOST ?? '127.0.0.1',
});
console.log(`PEER_READY ${peer.url}`);

const shutdown = () => {
  peer.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
