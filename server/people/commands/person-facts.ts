import type { Transaction } from '../../db/database.ts';
import { readPersonForUpdate, type PersonState } from '../../repositories/people.ts';
import { notFound } from '../../shared/errors.ts';

/** The person an edit names, locked for the edit; NOT_FOUND at `field` when the id names no person. */
export async function personToEdit(tx: Transaction, id: string, field: string): Promise<PersonState> {
  const state = await readPersonForUpdate(tx, id);
  if (!state) throw notFound(field, 'names no person', 'anger ingen person');
  return state;
}
