import type { FieldChange } from '../writes/changes.ts';

/** A change as the history reads it; who may see its personal fields is decided by its resolvers. */
export interface ChangeRecord {
  id: string;
  at: string;
  action: string;
  targetId: string;
  targetKind: string;
  byRole: 'ADMIN' | 'STRATEGIST' | 'ASSOCIATION' | 'RESEARCHER' | null;
  byOrganizationId: string | null;
  fields: FieldChange[];
  sourceId: string | null;
  reason: string | null;
  /** For the contact-data decision: the organisation whose contact the target's personal fields are, and the kommuner it acts in. */
  contactOrganizationId: string | null;
  targetMunicipalities: string[];
}

/** Read with the change: its fields are JSON text in the database. */
export type StoredChange = Omit<ChangeRecord, 'fields'> & { fields: string };

export function changeFromStored(stored: StoredChange): ChangeRecord {
  return { ...stored, fields: JSON.parse(stored.fields) as FieldChange[] };
}
