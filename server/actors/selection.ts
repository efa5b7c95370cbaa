import type { Selection } from '../graphql/lookahead.ts';
import type { ActorReads } from './store.ts';

/** What the selected fields of an actor will read, so that the store can read it with the actor. */
export function actorReads(actor: Selection): ActorReads {
  const initiative = actor.child('participations').child('initiative');
  return {
    links: actor.hasAny(['themes', 'municipalities', 'sources']),
    participations: actor.has('participations'),
    initiatives: initiative.has('description') ? 'full' : initiative.exists() ? 'summary' : 'none',
  };
}
