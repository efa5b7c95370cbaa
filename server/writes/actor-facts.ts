import type { Transaction } from '../db/database.ts';
import { notFound } from '../shared/errors.ts';

/** Checks that an actor a write links to (a participant, a funder) exists; NOT_FOUND at `field` when there is none. */
export async function checkActor(tx: Transaction, id: string, field: string): Promise<void> {
  const found = await tx.run({ text: 'MATCH (a:Actor {id: $id}) RETURN a.id', parameters: { id } });
  if (found.records.length === 0) throw notFound(field, 'names no actor');
}
