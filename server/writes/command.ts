import type { z } from 'zod';
import type { Action, Resource } from '../auth/policy.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Transaction } from '../db/database.ts';
import type { ChangeDraft } from './changes.ts';

/** What a command's write did: its answer, the changes to record, and (for writes outside the network) the audit entry. */
export interface Outcome<Result> {
  /**
   * The answer, or its read-back still on its way: statements sent in one transaction without waiting
   * run in the order sent, so a read-back left pending is answered in the same round trip as the change
   * records the executor sends after it.
   */
  result: Result | Promise<Result>;
  /**
   * Other statements sent without waiting (a cited source, the write itself); the executor waits for them
   * with the records. Only a call that sends all its statements at once belongs here (one statement, or
   * none before its first await), so that what follows it runs after it.
   */
  sent?: Promise<unknown>[];
  /** One per node or relationship changed; the executor records them with the network revision. */
  changes: ChangeDraft[];
  /**
   * The audit entry's ids and field names (never values), where the changes do not say them all: an
   * account's password, a registration's account. Taken from the changes otherwise.
   */
  audit?: { targetIds: string[]; fields: string[] };
}

/**
 * One mutation: its input model, the policy action it takes, how it reads the facts the policy needs,
 * and what it changes. The executor runs every command in the same order (executor.ts).
 */
export interface Command<Args, Facts, Result> {
  /** The mutation's name, as the audit log and the history call it. */
  name: string;
  /** The policy's action; null for what anyone may do, signed in or not (a registration). */
  action: Action | null;
  /** The mutation's arguments as a whole, so that errors name `input.end` or `expectedVersion`. */
  arguments: z.ZodType<Args>;
  /**
   * The input field each uniqueness constraint's property stands for (`organizationNumber` →
   * `input.organizationNumber`): a write that a constraint refuses is CONFLICT naming it.
   */
  uniqueFields?: Record<string, string>;
  /** Work that needs no transaction and should not hold one open (hashing a password). */
  prepare?(args: Args): Promise<Args>;
  /**
   * What the decision and the write need to know, read inside the write transaction. Throws NOT_FOUND
   * for an id that names nothing, and takes the write lock on what it will change, so that two edits of
   * one node run one after the other and the second sees the first's version.
   */
  facts(tx: Transaction, args: Args, viewer: Viewer): Promise<Facts>;
  /** The thing acted on, as the policy sees it. */
  resource(facts: Facts, args: Args, viewer: Viewer): Resource;
  /** The write itself, once the policy has allowed it. */
  apply(tx: Transaction, args: Args, facts: Facts, viewer: Viewer): Promise<Outcome<Result>>;
}

/** Declares a command, checking its parts against each other. */
export function command<Args, Facts, Result>(definition: Command<Args, Facts, Result>): Command<Args, Facts, Result> {
  return definition;
}
