import { actorVisible, viewerParameter } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Transaction } from '../db/database.ts';
import { notFound } from '../shared/errors.ts';

/** An actor a write links to (a participant, a funder), as the write needs it: whether the caller may see it. */
export interface LinkedActor {
  field: string;
  visible: boolean;
}

/** The actor a write links to; NOT_FOUND at `field` when there is none. */
export async function actorToLink(tx: Transaction, id: string, field: string, viewer: Viewer): Promise<LinkedActor> {
  const found = await tx.run<{ visible: boolean }>({
    text: `MATCH (a:Actor {id: $id}) RETURN ${actorVisible('a')} AS visible`,
    parameters: { id, viewer: viewerParameter(viewer) },
  });
  if (found.records.length === 0) throw notFound(field, 'names no actor', 'anger ingen aktör');
  return { field, visible: found.records[0]!.get('visible') };
}

/**
 * Once the policy has allowed the write: an actor hidden from the caller (a role model without consent,
 * another organisation awaiting review) is one it cannot name, NOT_FOUND as if there were none. The
 * write's answer shows the actor, which could not be given to the caller.
 */
export function requireVisible(actor: LinkedActor): void {
  if (!actor.visible) throw notFound(actor.field, 'names no actor', 'anger ingen aktör');
}
