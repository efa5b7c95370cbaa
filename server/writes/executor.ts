import { authorize } from '../auth/policy.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import { constraintViolation } from '../db/errors.ts';
import { conflict, parseArguments, unauthenticated } from '../shared/errors.ts';
import type { Command } from './command.ts';
import { recordWrite } from './record.ts';

export interface ExecutionContext {
  db: Database;
  viewer: Viewer;
  /** The process's network index, told of each write this process makes (absent for the command line and tests of writes alone). */
  services?: { networkIndex: { follow(revision: number): void } };
}

/**
 * Runs every mutation the same way, in this order: the caller must be signed in (unless anyone may),
 * the arguments are parsed (BAD_USER_INPUT names the field), work that needs no transaction is done,
 * and then, in one write transaction: the facts are read, the policy decides, the change is made, and
 * its change records, audit entry and network revision are written. A command may leave its statements
 * unanswered (Outcome.sent, a pending result): they run in the order sent, and the records go out behind
 * them in the same round trip, so a small write costs a round trip for its facts, one for the rest, and
 * the commit. Any refusal inside the transaction rolls it back, so a denied or failed write leaves
 * nothing behind. Once committed, the process's network index is told the new revision.
 */
export async function execute<Args, Facts, Result>(
  command: Command<Args, Facts, Result>,
  rawArguments: unknown,
  { db, viewer, services }: ExecutionContext,
): Promise<Result> {
  if (command.action !== null && viewer.role === null) throw unauthenticated();
  let args = parseArguments(command.arguments, rawArguments);
  if (command.prepare) args = await command.prepare(args);
  try {
    // recordWrite moves the revision itself, with the change records that say what moved it.
    const { result, revision } = await db.write(async (tx) => {
      const facts = await command.facts(tx, args, viewer);
      if (command.action !== null) authorize(viewer, command.action, command.resource(facts, args, viewer));
      const outcome = await command.apply(tx, args, facts, viewer);
      const recorded = recordWrite(tx, viewer, command.name, outcome.changes, outcome.audit);
      const [result, revision] = await Promise.all([outcome.result, recorded, ...(outcome.sent ?? [])]);
      return { result, revision };
    }, { changesNetwork: false });
    if (revision !== null) services?.networkIndex.follow(revision);
    return result;
  } catch (error) {
    throw asConflict(command, args, error);
  }
}

/**
 * A uniqueness constraint that refused the write, as CONFLICT naming the input field it stands for and
 * the value the caller sent; any other error as it is.
 */
function asConflict(command: { uniqueFields?: Record<string, string> }, args: unknown, error: unknown): unknown {
  const property = constraintViolation(error)?.property;
  const field = property ? command.uniqueFields?.[property] : undefined;
  if (!field) return error;
  const value = field.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], args);
  return conflict(field, `${String(value)} is registered already`, `${String(value)} är redan registrerat`);
}
