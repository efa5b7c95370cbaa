import { actorVisible, participationPublic } from '../auth/visibility.ts';
import type { Statement } from '../db/database.ts';
import { currentId } from '../actors/merged-ids.ts';
import { actorProjection } from '../actors/records.ts';
import { initiativeProjection } from '../initiatives/records.ts';
import { participationOn } from '../research/as-of.ts';

/** The longest path ever searched, in links; maxHops (actor to actor through one initiative) is capped below it. */
export const MAX_PATH_HOPS = 6;

/**
 * The shortest chain actor – initiative – actor … between two visible actors, through confirmed
 * participations in public initiatives and visible actors only. One hop is two links: actor to initiative to actor.
 * Of several equally short chains the closest ties win: those whose initiatives have the fewest
 * participants (a shared three-party project says more than a declaration fifteen kommuner signed).
 * A merged organisation's id stands for the organisation it was merged into. As of a day, only
 * participations that ran on it link.
 */
export function buildPath(fromId: string, toId: string, maxHops: number, viewer: Record<string, unknown>, asOf: string | null = null): Statement {
  const onTheDay = asOf ? ` AND ${participationOn('r', 'endNode(r)')}` : '';
  return {
    text: `
WITH ${currentId('$from')} AS fromId, ${currentId('$to')} AS toId
MATCH (from:Actor {id: fromId}), (to:Actor {id: toId})
WHERE ${actorVisible('from')} AND ${actorVisible('to')}
MATCH p = allShortestPaths((from)-[:PARTICIPATES_IN*..${2 * MAX_PATH_HOPS}]-(to))
WHERE all(r IN relationships(p) WHERE ${participationPublic('r', 'endNode(r)')}${onTheDay})
  AND all(n IN nodes(p) WHERE n:Initiative OR ${actorVisible('n')})
  AND length(p) <= $maxLength
WITH p, reduce(size = 0, n IN nodes(p) | size + CASE WHEN n:Initiative THEN COUNT { (n)<-[:PARTICIPATES_IN]-() } ELSE 0 END) AS tieSize
ORDER BY tieSize, [n IN nodes(p) | n.name]
LIMIT 1
RETURN [n IN nodes(p) | CASE WHEN n:Initiative
          THEN { initiative: ${initiativeProjection('n')} }
          ELSE { actor: ${actorProjection('n')} } END] AS steps,
       [r IN relationships(p) | r.role] AS roles`,
    parameters: { from: fromId, to: toId, maxLength: 2 * maxHops, viewer, asOf },
  };
}
