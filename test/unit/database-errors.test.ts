import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { databaseUnavailable } from '../../server/db/errors.ts';

/**
 * The errors are the driver's own class, built as the driver builds them: the code and message are those
 * Neo4j 5 or the driver give; the GQL status is the driver's default one, which the check does not read.
 * 'N/A' is the code the driver gives errors of its own that have none.
 */
function neo4jError(code: string, message: string, cause?: Error): Neo4jError {
  return new Neo4jError(message, code, '50N42', `error: general processing exception - unexpected error. ${message}`, undefined, cause);
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:7687`), { code, syscall: 'connect' });
}

const terminated = 'The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. ';
const lockClientStopped = neo4jError('Neo.ClientError.Transaction.LockClientStopped', `${terminated}The database is shutting down.`);

describe('databaseUnavailable', () => {
  it.each([
    ['ServiceUnavailable', 'Failed to connect to server. Please ensure that your database is listening on the correct host and port. Caused by: connect ECONNREFUSED 127.0.0.1:7687'],
    ['ServiceUnavailable', 'Connection was closed by server'],
    ['ServiceUnavailable', 'Failed to establish connection in 5000ms'],
    ['ServiceUnavailable', 'Failed after retried for 6 times in 5000 ms. Make sure that your database is online and retry again.'],
    ['SessionExpired', 'No longer possible to write to server at localhost:7687'],
    ['Neo.TransientError.General.DatabaseUnavailable', "Database 'neo4j' is unavailable."],
    ['Neo.ClientError.Transaction.LockClientStopped', `${terminated}The database is shutting down.`],
    ['Neo.ClientError.Transaction.Terminated', `${terminated}The database is shutting down.`],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'The transaction has not completed within the specified timeout (db.transaction.timeout).'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'The transaction has not completed within the timeout specified at its start by the client.'],
    ['Neo.TransientError.Transaction.LeaderSwitch', 'The request could not be completed due to cluster leader switch'],
    ['Neo.TransientError.Request.NoThreadsAvailable', 'There are no available threads to serve this request at the moment.'],
    ['N/A', 'Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 100, Idle conn count = 0.'],
    ['N/A', 'Pool is closed, it is no more able to serve requests.'],
  ])('is true for %s: %s', (code, message) => {
    expect(databaseUnavailable(neo4jError(code, message))).toBe(true);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'])('is true for a bare socket error %s', (code) => {
    expect(databaseUnavailable(socketError(code))).toBe(true);
  });

  it('looks through the errors that wrap one', () => {
    expect(databaseUnavailable(new Error('the registration failed', { cause: lockClientStopped }))).toBe(true);
    expect(databaseUnavailable(neo4jError('N/A', 'the write failed', socketError('ECONNRESET')))).toBe(true);
    // As Apollo hands a resolver's error to formatError.
    expect(databaseUnavailable(new GraphQLError(lockClientStopped.message, { path: ['registerAssociation'], originalError: lockClientStopped }))).toBe(true);
    expect(databaseUnavailable(new GraphQLError('outer', { originalError: new Error('inner', { cause: lockClientStopped }) }))).toBe(true);
  });

  it.each([
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'Node(12) already exists with label `Organization` and property `organizationNumber` = \'802999-0001\''],
    ['Neo.ClientError.Statement.SyntaxError', "Invalid input 'MATC': expected a graph pattern"],
    // A wrong NEO4J_DATABASE is a mistake to see, not an outage to wait out.
    ['Neo.ClientError.Database.DatabaseNotFound', 'Database does not exist. Database name: \'neo5j\'.'],
    ['Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.'],
    ['ProtocolError', 'Wrong struct size for Node, expected 4 but was 3'],
    ['N/A', 'Cannot run query in this transaction, because it has already been committed.'],
  ])('is false for %s: %s', (code, message) => {
    expect(databaseUnavailable(neo4jError(code, message))).toBe(false);
  });

  it('is false for errors that are not the database being away', () => {
    expect(databaseUnavailable(new Error('Connection was closed by server'))).toBe(false);
    expect(databaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(databaseUnavailable(Object.assign(new Error('no such file'), { code: 'ENOENT' }))).toBe(false);
    expect(databaseUnavailable(new GraphQLError('Variable "$input" got invalid value', { extensions: { code: 'BAD_USER_INPUT' } }))).toBe(false);
    expect(databaseUnavailable(new Error('wrapped', { cause: neo4jError('Neo.ClientError.Schema.ConstraintValidationFailed', 'already exists') }))).toBe(false);
    for (const value of [undefined, null, 'ServiceUnavailable', { code: 'ServiceUnavailable' }]) expect(databaseUnavailable(value)).toBe(false);
  });

  it('ends on a chain of causes that loops', () => {
    const looping = new Error('first');
    looping.cause = new Error('second', { cause: looping });
    expect(databaseUnavailable(looping)).toBe(false);
  });
});
