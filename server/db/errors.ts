import neo4j, { Neo4jError } from 'neo4j-driver';

/**
 * The database did not answer within the request's deadline, or lost the connection after a write's
 * commit was sent. `mayHaveCommitted` says that a write of this request may have been saved, so the
 * client must check before sending it again.
 */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  constructor(
    message: string,
    readonly mayHaveCommitted: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for a uniqueness constraint that refused a write; the message names the property. */
export function constraintViolation(error: unknown): { property: string | null } | null {
  if (!(error instanceof Neo4jError) || error.code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') return null;
  return { property: /property `(\w+)`/.exec(error.message)?.[1] ?? null };
}

/** True when Neo4j refused a bookmark it never gave (a client sent a made-up or another database's one). */
export function unknownBookmark(error: unknown): boolean {
  return causeChain(error).some((link) => link instanceof Neo4jError && link.code.startsWith('Neo.ClientError.Transaction.InvalidBookmark'));
}

/** Neo4jError codes that say the database is away, stopping or not answering, and are not transient. */
const unavailableCodes = new Set([
  // The driver's own codes for a connection it could not open or lost: refused, reset, closed by the
  // server, no answer within connectionTimeout; also its retries running out. SessionExpired is the same
  // for a routing driver, which hopes another server of the cluster can answer.
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
  // The database ended the transaction. Neo4j 5 does this to every open transaction when it shuts down,
  // and answers Terminated, or LockClientStopped when the transaction wanted a lock. Before Neo4j 5 both
  // were transient errors (the driver renames those codes to these); they are client errors now, which
  // the driver does not retry, because an operator's kill or a timeout end a transaction the same way.
  'Neo.ClientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.LockClientStopped',
  // The transaction ran past NEO4J_QUERY_TIMEOUT_MS: a database starting up, or one too busy to answer.
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

// The driver raises these without a code of its own: the pool waited connectionAcquisitionTimeout for
// a connection (every one held by a database that does not answer), or the driver was closed while a
// request still wanted a connection (the process is stopping).
const unavailableMessages = /^(Connection acquisition timed out|Pool is closed)/;

// Node's codes for a socket that could not reach the database or lost it. The driver wraps its own
// socket errors as ServiceUnavailable; these are for one that arrives bare, for example as a cause.
const socketErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * True when an error, or any error it wraps, says that the database is away, stopping, starting or not
 * answering in time, so that the same request may succeed once it is back. Anything else (a refused
 * constraint, a wrong statement, a fault of ours) is false.
 */
export function databaseUnavailable(error: unknown): boolean {
  return causeChain(error).some((link) => link instanceof DatabaseUnavailableError || saysUnavailable(link));
}

/** True when the database went away after a write of this request was sent to be committed. */
export function writeMayHaveCommitted(error: unknown): boolean {
  return causeChain(error).some((link) => link instanceof DatabaseUnavailableError && link.mayHaveCommitted);
}

function saysUnavailable(error: unknown): boolean {
  if (error instanceof Neo4jError) {
    // Transient errors are what the driver retries for maxTransactionRetryTime: among them
    // Neo.TransientError.General.DatabaseUnavailable (a database stopping, starting or stopped), a
    // cluster's LeaderSwitch, and a server out of threads or memory. Still failing after those retries,
    // the database cannot serve the request now.
    return unavailableCodes.has(error.code) || error.retryable || unavailableMessages.test(error.message);
  }
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && socketErrorCodes.has(code);
}

/**
 * The error and those it wraps, outermost first. A Neo4jError carries the server's own cause in `cause`;
 * graphql-js keeps the error a resolver threw in `originalError`.
 */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current != null && !chain.includes(current); current = wrapped(current)) chain.push(current);
  return chain;
}

function wrapped(error: unknown): unknown {
  if (typeof error !== 'object') return undefined;
  const { cause, originalError } = error as { cause?: unknown; originalError?: unknown };
  return cause ?? originalError;
}
