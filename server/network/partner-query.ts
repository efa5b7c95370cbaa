import { actorVisible } from '../auth/visibility.ts';
import type { Statement } from '../db/database.ts';
import { networkRevisionLookup } from '../db/revision.ts';
import { actorProjection } from '../actors/records.ts';

/**
 * Reads the chosen partners, as this viewer may see them, in one statement, and the network revision on
 * the way, so that the caller knows whether a write has landed since the index's snapshot. Visibility
 * is applied here again with the same predicate as everywhere else, so a candidate the viewer may not
 * see is never shown, whatever the index chose.
 */
export function buildPartnerActors(actorIds: string[], viewer: Record<string, unknown>): Statement {
  return {
    text: `
${networkRevisionLookup}
RETURN revision, COLLECT {
UNWIND $actorIds AS actorId
MATCH (c:Actor {id: actorId}) WHERE ${actorVisible('c')}
RETURN ${actorProjection('c')}
} AS actors`,
    parameters: { actorIds, viewer },
  };
}
