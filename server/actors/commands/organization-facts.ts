import type { Transaction } from '../../db/database.ts';
import { readOrganizationForUpdate, type OrganizationState } from '../../repositories/organizations.ts';
import { notFound } from '../../shared/errors.ts';

/** The organisation an edit names, locked for the edit; NOT_FOUND at `field` when the id names none. */
export async function organizationToEdit(tx: Transaction, id: string, field: string): Promise<OrganizationState> {
  const state = await readOrganizationForUpdate(tx, id);
  if (!state || state.isPerson) throw notFound(field, 'names no organisation', 'anger ingen organisation');
  return state;
}
