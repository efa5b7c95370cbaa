import type { Statement } from '../db/database.ts';
import { networkRevisionLookup } from '../db/revision.ts';
import { initiativeProjection } from '../initiatives/records.ts';
import type { PartialDate } from '../shared/partial-date.ts';
import { actorVisible, participationVisible } from '../auth/visibility.ts';
import type { OverlapKeys } from './network-index/find-overlaps.ts';

export interface OverlapFilter {
  themes?: string[] | null;
  municipalities?: string[] | null;
  counties?: string[] | null;
  activeOn?: PartialDate | null;
  /** A day ("YYYY-MM-DD"): only initiatives that existed then, and that day stands for today. */
  asOf?: string | null;
  /** Only the pairs this initiative is one of. */
  initiative?: string | null;
}

/**
 * Overlaps are pairs of initiatives from different families (no common root through PART_OF) that share
 * a theme and a kommun and whose periods meet. The score (0 to 3) adds the Jaccard similarity of their
 * themes, that of their kommuner, and how much of the shorter period they share (0.5 when either is
 * undated). A period runs from its start to its end; an unknown end means still running (today), an
 * unknown start means it is known only by its end.
 *
 * The index finds and scores the pairs (network-index/find-overlaps.ts); this statement spells out the
 * chosen ones: the two initiatives, what they share, and the participants of both that this viewer may
 * see. It reads the network revision on the way, so the caller knows whether a write has landed since
 * the index's snapshot.
 */
export function buildOverlapNames(pairs: OverlapKeys[], viewer: Record<string, unknown>): Statement {
  return {
    text: `
${networkRevisionLookup}
RETURN revision, COLLECT {
UNWIND $pairs AS pair
MATCH (a:Initiative {id: pair.a}), (b:Initiative {id: pair.b})
RETURN { a: ${initiativeProjection('a')}, b: ${initiativeProjection('b')},
  sharedThemes: COLLECT { MATCH (a)-[:HAS_THEME]->(t:Theme)<-[:HAS_THEME]-(b) RETURN t { .id, .key, .label } ORDER BY t.key },
  sharedMunicipalities: COLLECT { MATCH (a)-[:IN_MUNICIPALITY]->(m:Municipality)<-[:IN_MUNICIPALITY]-(b)
            RETURN m { .code, .name, county: COLLECT { MATCH (m)-[:IN_COUNTY]->(c:County) RETURN c { .code, .name } }[0] } ORDER BY m.code },
  sharedParticipantIds: COLLECT {
    MATCH (a)<-[ra:PARTICIPATES_IN]-(p:Actor)-[rb:PARTICIPATES_IN]->(b)
    WHERE ${actorVisible('p')} AND ${participationVisible('ra', 'p', 'a')} AND ${participationVisible('rb', 'p', 'b')}
    RETURN DISTINCT p.id ORDER BY p.id
  } }
} AS named`,
    parameters: { pairs: pairs.map(({ a, b }) => ({ a, b })), viewer },
  };
}
