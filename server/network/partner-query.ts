import { actorVisible } from '../auth/visibility.ts';
import type { Statement } from '../db/database.ts';
import { networkRevisionLookup } from '../db/revision.ts';
import { actorProjection } from '../actors/records.ts';
import type { SuggestionKeys } from './network-index/suggest.ts';

/**
 * Names the chosen partners and their evidence, in one statement, and reads the network revision on the
 * way, so that the caller knows whether a write has landed since the index's snapshot. Visibility is
 * applied here again with the same predicate as everywhere else, so a partner or a candidate the viewer
 * may not see is never named, whatever the index chose.
 */
export function buildPartnerNames(suggestions: SuggestionKeys[], viewer: Record<string, unknown>): Statement {
  return {
    text: `
${networkRevisionLookup}
RETURN revision, COLLECT {
UNWIND $suggestions AS suggestion
MATCH (c:Actor {id: suggestion.actorId}) WHERE ${actorVisible('c')}
RETURN { id: suggestion.actorId, actor: ${actorProjection('c')}, evidence: {
  sharedThemes: COLLECT { MATCH (t:Theme) WHERE t.key IN suggestion.themes RETURN t.label },
  sharedMunicipalities: COLLECT { MATCH (m:Municipality) WHERE m.code IN suggestion.municipalities RETURN m.name },
  sharedCounties: COLLECT { MATCH (county:County) WHERE county.code IN suggestion.counties RETURN county.name },
  commonPartners: COLLECT { UNWIND suggestion.partners AS partnerId MATCH (p:Actor {id: partnerId})
                            WHERE p:Organization AND ${actorVisible('p')} RETURN p.name },
  families: COLLECT { MATCH (f:Initiative) WHERE f.id IN suggestion.families RETURN f.name }
} }
} AS named`,
    parameters: { suggestions, viewer },
  };
}
