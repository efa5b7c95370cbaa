import type { Transaction } from '../db/database.ts';
import { readInitiativeForUpdate, type InitiativeState } from '../repositories/initiatives.ts';
import { badUserInput, notFound } from '../shared/errors.ts';

/** The initiative an edit names, locked for the edit; NOT_FOUND at `field` when there is none. */
export async function initiativeToEdit(tx: Transaction, id: string, field: string): Promise<InitiativeState> {
  const state = await readInitiativeForUpdate(tx, id);
  if (!state) throw notFound(field, 'names no initiative', 'anger inget initiativ');
  return state;
}

/**
 * Checks the whole an initiative is to be a part of: it must exist, and must not be the initiative itself
 * or one of its parts, which would make a cycle of parts.
 */
export async function checkWhole(tx: Transaction, partId: string | null, wholeId: string, field: string): Promise<void> {
  if (partId === wholeId) throw badUserInput(field, 'an initiative cannot be a part of itself', 'ett initiativ kan inte vara en del av sig självt');
  const result = await tx.run<{ exists: boolean; cycle: boolean }>({
    text: `OPTIONAL MATCH (whole:Initiative {id: $whole})
           RETURN whole IS NOT NULL AS exists,
                  $part IS NOT NULL AND EXISTS { MATCH (whole)-[:PART_OF*1..]->(:Initiative {id: $part}) } AS cycle`,
    parameters: { whole: wholeId, part: partId },
  });
  const { exists, cycle } = result.records[0]!.toObject();
  if (!exists) throw notFound(field, 'names no initiative', 'anger inget initiativ');
  if (cycle) throw badUserInput(field, 'is one of this initiative’s own parts, which would make a cycle of parts', 'är en av initiativets egna delar, vilket skulle göra en cirkel av delar');
}
