import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type QueryResult, type Record as Neo4jRecord, type RecordShape } from 'neo4j-driver';
import { databaseUnavailable, DatabaseUnavailableError } from './errors.ts';
import { RequestDeadline, type DatabaseCall } from './request-deadline.ts';
import { bumpNetworkRevision } from './revision.ts';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** One Cypher statement with its values, which are always parameters and never spliced into the text. */
export interface Statement {
  text: string;
  parameters?: Record<string, unknown>;
}

/** A transaction as the stores see it: it runs statements and counts them. */
export interface Transaction {
  run<T extends RecordShape = RecordShape>(statement: Statement): Promise<QueryResult<T>>;
  /** The records one at a time as they arrive, for results too large to hold at once. */
  stream<T extends RecordShape = RecordShape>(statement: Statement): AsyncIterable<Neo4jRecord<T>>;
}

export interface WriteOptions {
  /**
   * False for writes that touch no actor, initiative or link between them (a login's audit entry), so
   * that what is derived from the network (the network index) is not rebuilt for them.
   */
  changesNetwork?: boolean;
}

/** Called once for every statement sent to Neo4j (metrics and the round-trip tests listen here). */
export type StatementListener = (statement: Statement) => void;

/** How long a read or a write keeps retrying after transient errors (a leader switch, a lost connection). */
const retryForMs = 5_000;

/** @param losslessIntegers integers as Integer objects: for a backup, which must tell INTEGER from FLOAT */
export function createDriver(connection: Neo4jConnection, { losslessIntegers = false } = {}): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    // Counts and sizes here stay far below 2^53, so plain numbers read better than Integer objects.
    disableLosslessIntegers: !losslessIntegers,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    // A connection idle this long is tested (a RESET) before it is used again: one that a firewall or a
    // restarted database dropped silently is replaced instead of failing a request.
    connectionLivenessCheckTimeout: 30_000,
    maxTransactionRetryTime: retryForMs,
    logging: { level: 'error', logger: () => {} },
  });
}

/** The bookmarks one request brought and those its writes leave (see Database). */
export class RequestBookmarks {
  /** Where the request's last write left the database, for the client to send with its next request. */
  written: string[] = [];

  /** @param received what the client sent: the request's statements wait until the database holds those writes */
  constructor(readonly received: string[] = []) {}
}

/** What a Database is for one request: its listeners, its deadline, its bookmarks. */
interface Scope {
  listeners: StatementListener[];
  deadline: RequestDeadline | null;
  /** Shared by every Database made from one root: the process's own causal chain. */
  bookmarks: BookmarkManager;
  request: RequestBookmarks | null;
}

/**
 * The one door to Neo4j. Reads run in read sessions so a cluster can route them to followers; every
 * write is one executeWrite transaction, so it happens fully or not at all.
 *
 * Causal consistency: on a cluster a follower may lag behind the leader, so a read routed there could
 * miss a write already acknowledged. Every session of the process shares one bookmark manager, so each
 * statement waits until its member holds every transaction the process has seen commit or read before
 * (the network index's catch-up included). Across processes the client carries the chain: a request
 * brings the bookmarks of its previous answer (RequestBookmarks.received), and its writes leave new ones
 * to send back. On a single instance every bookmark is already held, and nothing waits.
 */
export class Database {
  private readonly scope: Scope;

  constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly queryTimeoutMs: number,
    scope: Partial<Scope> = {},
  ) {
    this.scope = { listeners: [], deadline: null, bookmarks: neo4j.bookmarkManager(), request: null, ...scope };
  }

  /** The same database, with one more listener: used to count one request's round trips. */
  withListener(listener: StatementListener): Database {
    return new Database(this.driver, this.name, this.queryTimeoutMs, { ...this.scope, listeners: [...this.scope.listeners, listener] });
  }

  /**
   * The same database for one request, which waits for it at most `waitMs` in all (see RequestDeadline)
   * and sees at least the writes the client's bookmarks name.
   */
  forRequest(waitMs: number, bookmarks = new RequestBookmarks()): Database {
    return new Database(this.driver, this.name, this.queryTimeoutMs, { ...this.scope, deadline: new RequestDeadline(Date.now() + waitMs), request: bookmarks });
  }

  /** The bookmarks of this request, null outside one. */
  get requestBookmarks(): RequestBookmarks | null {
    return this.scope.request;
  }

  /** Every bookmark the process holds: for a read on another connection (the network index's full read) that must see as much. */
  async processBookmarks(): Promise<string[]> {
    return [...(await this.scope.bookmarks.getBookmarks())];
  }

  /** The same database with another bound on each transaction: a file's import writes thousands of rows in one. */
  withQueryTimeout(queryTimeoutMs: number): Database {
    return new Database(this.driver, this.name, queryTimeoutMs, this.scope);
  }

  /**
   * One statement as a transaction of its own (auto-commit): one round trip to Neo4j where a managed
   * transaction needs two (BEGIN and RUN, then COMMIT), which is most of a small read's cost. Transient
   * errors are retried as executeRead would retry them.
   */
  query<T extends RecordShape = RecordShape>(statement: Statement): Promise<QueryResult<T>> {
    return this.call(async (call) => {
      const giveUpAt = Date.now() + retryForMs;
      for (let delayMs = 200; ; delayMs *= 2) {
        try {
          refuseIfAbandoned(call);
          for (const listener of this.scope.listeners) listener(statement);
          return await this.runOnce<T>(statement);
        } catch (error) {
          if (!neo4j.isRetryableError(error) || Date.now() + delayMs > giveUpAt) throw error;
          await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
      }
    });
  }

  /** One attempt, no retries: a probe must say how the database is now, not wait for it to come back. */
  async ping(): Promise<void> {
    await this.runOnce({ text: 'RETURN 1' });
  }

  private runOnce<T extends RecordShape>(statement: Statement): Promise<QueryResult<T>> {
    return this.session('READ', (session) => session.run<T>(statement.text, statement.parameters ?? {}, { timeout: this.queryTimeoutMs }));
  }

  /** Statements that must all see the same state of the database, in one read transaction. */
  read<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.call((call) =>
      this.session('READ', (session) => session.executeRead((tx) => work(this.wrap(tx, call)), { timeout: this.queryTimeoutMs })),
    );
  }

  /**
   * The network revision moves inside the same transaction, so whoever sees it moved also sees the write.
   * Once the work has returned, the driver sends COMMIT; if the database goes away after that, the answer
   * may have been lost on the way back, so the error says the write may have been saved.
   */
  write<T>(work: (tx: Transaction) => Promise<T>, { changesNetwork = true }: WriteOptions = {}): Promise<T> {
    return this.call(async (call) => {
      try {
        return await this.session('WRITE', (session) =>
          session.executeWrite(
            async (tx) => {
              const wrapped = this.wrap(tx, call);
              const result = await work(wrapped);
              if (changesNetwork) await wrapped.run(bumpNetworkRevision);
              // A request that stopped waiting has been told its write failed: roll back rather than commit.
              refuseIfAbandoned(call);
              call.commitSent = true;
              return result;
            },
            { timeout: this.queryTimeoutMs },
          ),
        );
      } catch (error) {
        if (call.commitSent && databaseUnavailable(error)) throw new DatabaseUnavailableError('the database went away after a commit was sent', true, { cause: error });
        throw error;
      }
    });
  }

  /**
   * Schema statements cannot share a transaction with data, so they run on their own; so does the upkeep
   * of the schema's indexes (`db.prepareForReplanning` after a bulk load).
   */
  async runSchemaStatement(text: string): Promise<void> {
    await this.session('WRITE', (session) => session.run(text).then(() => undefined));
  }

  /** See RequestDeadline.waitFor. */
  waitFor<T>(shared: Promise<T>): Promise<T> {
    return this.scope.deadline ? this.scope.deadline.waitFor(shared) : shared;
  }

  private call<T>(work: (call: DatabaseCall) => Promise<T>): Promise<T> {
    return this.scope.deadline ? this.scope.deadline.run(work) : work({ abandoned: false, commitSent: false });
  }

  private async session<T>(mode: 'READ' | 'WRITE', work: (session: neo4j.Session) => Promise<T>): Promise<T> {
    const { bookmarks, request } = this.scope;
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: bookmarks,
      bookmarks: request?.received,
    });
    try {
      const result = await work(session);
      if (mode === 'WRITE' && request) request.written = session.lastBookmarks();
      return result;
    } finally {
      await session.close();
    }
  }

  private wrap(tx: ManagedTransaction, call: DatabaseCall): Transaction {
    const send = <T extends RecordShape>(statement: Statement) => {
      refuseIfAbandoned(call);
      for (const listener of this.scope.listeners) listener(statement);
      return tx.run<T>(statement.text, statement.parameters ?? {});
    };
    return {
      // A refusal is a rejected promise, never a throw: a command sends statements together and awaits them
      // together, and a throw between two sends would leave the first one's failure unawaited.
      run: <T extends RecordShape>(statement: Statement) => {
        try {
          return send<T>(statement);
        } catch (error) {
          return Promise.reject(error);
        }
      },
      stream: send,
    };
  }
}

function refuseIfAbandoned(call: DatabaseCall): void {
  if (call.abandoned) throw new Error('the request stopped waiting for the database');
}
