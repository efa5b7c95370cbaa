import { databaseUnavailable, DatabaseUnavailableError, writeMayHaveCommitted } from './errors.ts';

/** One call to the database, as the work running it and the deadline watching it both see it. */
export interface DatabaseCall {
  /** Set when the request stopped waiting: the work must send nothing more, and a write must not commit. */
  abandoned: boolean;
  /** Set when a write's work returned, so the driver sends COMMIT: from then on it may be saved. */
  commitSent: boolean;
}

/**
 * How long one request may wait for the database in all, and whether a write of it may have been saved.
 *
 * The driver's own bounds do not end every wait: a database that hangs with its connections open (a
 * frozen JVM, a virtual machine paused, a network that drops packets) leaves a socket read waiting until
 * it answers again, however long that is. So each call is raced against the request's deadline; past it
 * the request answers SERVICE_UNAVAILABLE and the call is abandoned. The abandoned call ends by itself
 * once the database answers (its session closes then, and its connection goes back to the pool); a write
 * caught before its commit is rolled back then, because its work refuses to go on.
 */
export class RequestDeadline {
  private writeMayBeSaved = false;

  constructor(private readonly at: number) {}

  /**
   * Waits for work the request shares with others and does not own (the network index catching up),
   * counted against this request's deadline like its own statements: past it the request answers
   * SERVICE_UNAVAILABLE, and the work goes on for whoever asks next.
   */
  waitFor<T>(shared: Promise<T>): Promise<T> {
    // Given up on, its ending is nobody's to answer.
    shared.catch(() => {});
    return this.within(shared, () => new DatabaseUnavailableError('the network index did not catch up in time', this.writeMayBeSaved));
  }

  async run<T>(work: (call: DatabaseCall) => Promise<T>): Promise<T> {
    const call: DatabaseCall = { abandoned: false, commitSent: false };
    try {
      return await this.race(call, work);
    } catch (error) {
      // An earlier write of this request was saved, or may have been: the client is told so whatever failed later.
      if (this.writeMayBeSaved && databaseUnavailable(error) && !writeMayHaveCommitted(error)) {
        throw new DatabaseUnavailableError('the database went away after a write of this request was sent', true, { cause: error });
      }
      throw error;
    } finally {
      if (call.commitSent) this.writeMayBeSaved = true;
    }
  }

  private async race<T>(call: DatabaseCall, work: (call: DatabaseCall) => Promise<T>): Promise<T> {
    const remainingMs = this.at - Date.now();
    if (remainingMs <= 0) throw new DatabaseUnavailableError('no time left to wait for the database', this.writeMayBeSaved);
    const running = work(call);
    // Once abandoned, the call's own ending is nobody's to answer.
    running.catch(() => {});
    return this.within(running, () => {
      call.abandoned = true;
      return new DatabaseUnavailableError('the database did not answer in time', call.commitSent || this.writeMayBeSaved);
    });
  }

  /** `promise`, or the error `late` makes once the deadline has passed. */
  private async within<T>(promise: Promise<T>, late: () => Error): Promise<T> {
    const remainingMs = this.at - Date.now();
    if (remainingMs <= 0) throw late();
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(late()), remainingMs);
    });
    try {
      return await Promise.race([promise, giveUp]);
    } finally {
      clearTimeout(timer);
    }
  }
}
