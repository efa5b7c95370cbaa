import type { ViewerParameter } from '../../auth/visibility.ts';
import { rowOf } from './adjacency.ts';
import { ActorFlag, type NetworkSnapshot } from './snapshot.ts';

/**
 * actorVisible (auth/visibility.ts) over a snapshot, for choosing among candidates without asking
 * Neo4j about each, and for naming common partners. The statement that reads the chosen ones applies the
 * Cypher predicate again, and test/network/network-index.test.ts holds the two to the same answers for
 * every kind of viewer.
 */
export function visibilityFor(snapshot: NetworkSnapshot, viewer: ViewerParameter): (actor: number) => boolean {
  const { flags, ids, ownMunicipalities } = snapshot.actors;
  const scope = new Uint8Array(snapshot.municipalities.codes.length);
  for (const code of viewer.scope) {
    const m = snapshot.municipalities.index.get(code);
    if (m !== undefined) scope[m] = 1;
  }
  const inScope = (actor: number) => viewer.scope.length > 0 && rowOf(ownMunicipalities, actor).some((m) => scope[m] === 1);
  return (actor) => {
    const f = flags[actor]!;
    if (f & ActorFlag.ORGANIZATION) return (f & ActorFlag.PUBLIC) !== 0 || viewer.all || ids[actor] === viewer.organizationId || inScope(actor);
    if (f & ActorFlag.PERSON) return (f & ActorFlag.ROLE_MODEL) === 0 || (f & ActorFlag.CONSENTED) !== 0 || viewer.all || inScope(actor);
    return false;
  };
}
