import type { Driver } from 'neo4j-driver';

/**
 * Waits until Neo4j runs no statement but this one. A server keeps working on the requests a finished load
 * left in flight, and those must not weigh on the next measurement.
 */
export async function waitUntilQuiet(driver: Driver, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { records } = await driver.executeQuery('SHOW TRANSACTIONS YIELD currentQuery RETURN count(*) AS running');
    if (records[0]!.get('running') <= 1) return;
    if (Date.now() > deadline) throw new Error(`Neo4j was still busy ${timeoutMs / 1000} s after the load ended`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
