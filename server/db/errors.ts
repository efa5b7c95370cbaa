import { Neo4jError } from 'neo4j-driver';

/** True for a uniqueness constraint that refused a write; the message names the property. */
export function constraintViolation(error: unknown): { property: string | null } | null {
  if (!(error instanceof Neo4jError) || error.code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') return null;
  return { property: /property `(\w+)`/.exec(error.message)?.[1] ?? null };
}

const unavailableCodes = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  // The transaction ran past NEO4J_QUERY_TIMEOUT_MS: a database starting up, or one too busy to answer.
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** The database is away, starting, or not answering in time: the caller should retry shortly. */
export function databaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  // The driver raises a pool timeout without a code of its own.
  return unavailableCodes.has(error.code) || error.retriable || /Connection acquisition timed out/.test(error.message);
}
