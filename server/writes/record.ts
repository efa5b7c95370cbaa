import { writeAudit } from '../audit/audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Transaction } from '../db/database.ts';
import { moveNetworkRevision } from '../db/revision.ts';
import type { ChangeDraft } from './changes.ts';

/**
 * Moves the network revision and writes one Change per draft, numbered by that revision and their order
 * in the write. The revision node's lock serialises writes at their end, so revisions follow commit
 * order: the feed (`changes`) and the network index read changes in the order they happened. The lock
 * is taken last, after everything the write changed, so no two writes wait on each other through it.
 */
const recordChanges = `
${moveNetworkRevision}
WITH revision.value AS revision
UNWIND $changes AS change
CREATE (:Change {
  id: change.id, revision: revision, ordinal: change.ordinal, at: datetime(), action: $action,
  targetId: change.targetId, targetKind: change.targetKind, subjectIds: change.subjectIds,
  participationId: change.participationId, public: change.public,
  byRole: $byRole, byOrganizationId: $byOrganizationId,
  fields: change.fields, sourceId: change.sourceId, reason: change.reason
})
RETURN DISTINCT revision`;

/**
 * The change records and the audit entry of one command, in its transaction, sent together: neither
 * needs the other's answer, so they cost one round trip. Answers the network revision the write moved
 * to, null when it changed nothing of the network.
 */
export async function recordWrite(
  tx: Transaction,
  viewer: Viewer,
  action: string,
  changes: ChangeDraft[],
  audit: { targetIds: string[]; fields: string[] } | undefined,
): Promise<number | null> {
  const targetIds = audit?.targetIds ?? [...new Set(changes.flatMap((c) => [c.targetId, ...c.subjectIds]))];
  const fields = audit?.fields ?? [...new Set(changes.flatMap((c) => c.fields.map((f) => f.field)))];
  const audited = writeAudit(tx, viewer, { action, targetIds, fields });
  if (changes.length === 0) return audited.then(() => null);
  const recorded = tx.run<{ revision: number }>({
    text: recordChanges,
    parameters: {
      action,
      byRole: viewer.role,
      byOrganizationId: viewer.organizationId,
      changes: changes.map((c, ordinal) => ({
        ...c,
        ordinal,
        // Kept as JSON text: a list of maps is no property type of Neo4j's.
        fields: JSON.stringify(c.fields),
      })),
    },
  });
  const [, result] = await Promise.all([audited, recorded]);
  return result.records[0]!.get('revision');
}
