import { afterAll, inject } from 'vitest';
import { createDriver, Database } from '../../server/db/database.ts';

/** A Database on the run's Neo4j, closed after the file's tests. */
export function useTestDatabase(): Database {
  const connection = inject('neo4j');
  const driver = createDriver(connection);
  afterAll(() => driver.close());
  return new Database(driver, connection.database, 30_000);
}
