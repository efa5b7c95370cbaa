import { parsePartialDate } from '../shared/partial-date.ts';

/** The first and last day a partial date covers, as Cypher's date() reads them; both null for no date. */
export function dateBounds(text: string | null | undefined): { first: string | null; last: string | null } {
  const parsed = text ? parsePartialDate(text) : null;
  return { first: parsed?.first ?? null, last: parsed?.last ?? null };
}
