import { newId } from '../shared/ids.ts';

/** The kinds of thing a change is about. */
export type ChangeTarget = 'Organization' | 'Person' | 'Initiative' | 'Participation' | 'Grant' | 'Event';

/** One field's value before and after, each as JSON text; null where there was none. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
  /** Contact data, or a person's own data: shown only to those who may see the person's or organisation's contact. */
  personal: boolean;
}

/** One change to one node or relationship, as a command reports it; the executor adds who, when and the revision. */
export interface ChangeDraft {
  id: string;
  targetId: string;
  targetKind: ChangeTarget;
  /** The actors and initiatives the change concerns: the change is visible to those who see all of them. */
  subjectIds: string[];
  /** For a participation: its id, whose own visibility the change follows. */
  participationId: string | null;
  /** Whether what the change leaves behind is public (a verified organisation, a confirmed participation). */
  public: boolean;
  fields: FieldChange[];
  sourceId: string | null;
  /** Why, where the mutation asks for a reason (a removal, a merge, a rejection). */
  reason: string | null;
}

/** Fields that are personal data wherever they appear. */
const contactFields = new Set(['email', 'phone', 'address']);
/** A person's own fields: personal data as a whole. */
const personFields = new Set(['name', 'title', 'description', 'email', 'phone']);

export function isPersonal(targetKind: ChangeTarget, field: string): boolean {
  return contactFields.has(field) || (targetKind === 'Person' && personFields.has(field));
}

const asJson = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** Values compare as their JSON; lists compare as sets, in a stable order. */
function normalized(value: unknown): unknown {
  return Array.isArray(value) ? [...value].sort() : value;
}

/**
 * The fields whose values differ between two states of a thing (before is null for a new one, after for
 * a removed one), in the order the fields are listed.
 */
export function diffFields(
  targetKind: ChangeTarget,
  fields: readonly string[],
  before: object | null,
  after: object | null,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const valueOf = (state: object | null, field: string) => (state as Record<string, unknown> | null)?.[field];
  for (const field of fields) {
    const was = asJson(normalized(valueOf(before, field)));
    const is = asJson(normalized(valueOf(after, field)));
    if (was !== is) changes.push({ field, before: was, after: is, personal: isPersonal(targetKind, field) });
  }
  return changes;
}

export interface ChangeOf {
  targetId: string;
  targetKind: ChangeTarget;
  subjectIds?: string[];
  participationId?: string | null;
  public: boolean;
  fields: FieldChange[];
  sourceId: string | null;
  reason?: string | null;
}

/** A change draft with its own id; the subjects default to the target itself. */
export function change(of: ChangeOf): ChangeDraft {
  return {
    id: newId(),
    targetId: of.targetId,
    targetKind: of.targetKind,
    subjectIds: of.subjectIds ?? [of.targetId],
    participationId: of.participationId ?? null,
    public: of.public,
    fields: of.fields,
    sourceId: of.sourceId,
    reason: of.reason ?? null,
  };
}
