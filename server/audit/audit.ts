import type { Viewer } from '../auth/viewer.ts';
import type { Transaction } from '../db/database.ts';
import { newId } from '../shared/ids.ts';

export interface AuditRecord {
  id: string;
  at: string;
  accountId: string | null;
  role: string | null;
  action: string;
  targetIds: string[];
  fields: string[];
}

/**
 * Writes the audit entry of a mutation inside the mutation's own transaction, so that an entry exists
 * exactly when the change does. Entries name fields, never values: they hold no personal data.
 */
export async function writeAudit(
  tx: Transaction,
  viewer: Viewer,
  entry: { action: string; targetIds: string[]; fields?: string[] },
): Promise<void> {
  await tx.run({
    text: `CREATE (:AuditEntry {id: $id, at: datetime(), accountId: $accountId, role: $role,
             action: $action, targetIds: $targetIds, fields: $fields})`,
    parameters: {
      id: newId(),
      accountId: viewer.accountId,
      role: viewer.role,
      action: entry.action,
      targetIds: entry.targetIds,
      fields: entry.fields ?? [],
    },
  });
}
