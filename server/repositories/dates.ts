import { Date as Neo4jDate } from 'neo4j-driver';
import { parsePartialDate } from '../shared/partial-date.ts';

/** The first and last day a partial date covers, as Cypher's date() reads them; both null for no date. */
export function dateBounds(text: string | null | undefined): { first: string | null; last: string | null } {
  const parsed = text ? parsePartialDate(text) : null;
  return { first: parsed?.first ?? null, last: parsed?.last ?? null };
}

/** A day ("YYYY-MM-DD") as a Neo4j date, for properties set from a map, where Cypher's date() is not applied. */
export function neo4jDate(day: string | null): Neo4jDate<number> | null {
  if (!day) return null;
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  return new Neo4jDate(year, month, dayOfMonth);
}
