import type { InitiativeRecord, ParticipationRecord } from '../initiatives/records.ts';

/**
 * An actor's participations as a profile reads them: each one a list of values rather than a map. A busy
 * kommun has over a thousand, and decoding every map's keys from Bolt cost more than the values did
 * (a hub's profile statement: p99 82 ms as maps, 36 ms as lists). The actor's id is the row's own and
 * the initiative's id is read once, so neither is repeated per participation.
 */
export function participationRow(relationship: string, initiative: string, withInitiative: boolean): string {
  const participation = `${relationship}.role, ${relationship}.since, ${relationship}.until, ${relationship}.status, coalesce(${relationship}.sources, []), ${initiative}.id`;
  const initiativeFields = withInitiative ? `, ${initiative}.kind, ${initiative}.name, ${initiative}.description, ${initiative}.start, ${initiative}.end` : '';
  return `[${participation}${initiativeFields}]`;
}

type Role = ParticipationRecord['role'];
type Status = ParticipationRecord['status'];
type Kind = InitiativeRecord['kind'];

/** One row of `participationRow`, in its order: the initiative's fields come only when it was read. */
export type ParticipationRow =
  | [Role, string | null, string | null, Status, string[], string]
  | [Role, string | null, string | null, Status, string[], string, Kind, string, string | null, string | null, string | null];

export function participationFromRow(actorId: string, row: ParticipationRow): ParticipationRecord {
  const [role, since, until, status, sourceIds, initiativeId] = row;
  const participation: ParticipationRecord = { actorId, initiativeId, role, since, until, status, sourceIds };
  if (row.length === 11) {
    const [, , , , , , kind, name, description, start, end] = row;
    participation.initiative = { id: initiativeId, kind, name, description, start, end };
  }
  return participation;
}
