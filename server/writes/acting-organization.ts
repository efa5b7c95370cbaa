import type { Viewer } from '../auth/viewer.ts';
import type { Transaction } from '../db/database.ts';

/** The organisation an association account speaks for, as a write needs it: whether it is verified, and its name. */
export interface ActingOrganization {
  id: string;
  name: string;
  verified: boolean;
}

export async function actingOrganization(tx: Transaction, viewer: Viewer): Promise<ActingOrganization | null> {
  if (!viewer.organizationId) return null;
  const result = await tx.run<{ organization: ActingOrganization }>({
    text: `MATCH (o:Actor:Organization {id: $id}) RETURN { id: o.id, name: o.name, verified: o.status = 'VERIFIED' } AS organization`,
    parameters: { id: viewer.organizationId },
  });
  return result.records[0]?.get('organization') ?? null;
}
