import type { InitiativeRecord, ParticipationRecord } from '../initiatives/records.ts';

/** Which of the initiative's fields a participation row carries. */
export type InitiativeColumns = 'none' | 'summary' | 'full';

/**
 * An actor's participations as a profile reads them: each one a list of values rather than a map. A busy
 * kommun has over a thousand, and decoding every map's keys from Bolt cost more than the values did
 * (a hub's profile statement: p99 82 ms as maps, 36 ms as lists). The actor's id is the row's own and
 * the initiative's id is read once, so neither is repeated per participation.
 *
 * The initiative's description is read only when the response asks for it (`full`): descriptions are
 * much of a profile's text, and the 400 profiles the benchmark samples come from Neo4j 39 % smaller
 * without them.
 */
export function participationRow(relationship: string, initiative: string, columns: InitiativeColumns): string {
  const participation = `${relationship}.id, ${relationship}.role, ${relationship}.since, ${relationship}.until, ${relationship}.status, coalesce(${relationship}.sources, []), ${initiative}.id`;
  const description = columns === 'full' ? `, ${initiative}.description` : '';
  const initiativeFields = columns === 'none' ? '' : `, ${initiative}.kind, ${initiative}.name, ${initiative}.start, ${initiative}.end, ${initiative}.status, ${initiative}.version${description}`;
  return `[${participation}${initiativeFields}]`;
}

type Role = ParticipationRecord['role'];
type Status = ParticipationRecord['status'];
type Kind = InitiativeRecord['kind'];
type InitiativeStatus = InitiativeRecord['status'];
type ParticipationValues = [string, Role, string | null, string | null, Status, string[], string];
type SummaryValues = [Kind, string, string | null, string | null, InitiativeStatus, number];

/** One row of `participationRow`, in its order: the initiative's fields come only when it was read. */
export type ParticipationRow = ParticipationValues | [...ParticipationValues, ...SummaryValues] | [...ParticipationValues, ...SummaryValues, string | null];

export function participationFromRow(actorId: string, row: ParticipationRow): ParticipationRecord {
  const [id, role, since, until, status, sourceIds, initiativeId] = row;
  const participation: ParticipationRecord = { id, actorId, initiativeId, role, since, until, status, sourceIds };
  if (row.length > 7) {
    const [, , , , , , , kind, name, start, end, initiativeStatus, version] = row as [...ParticipationValues, ...SummaryValues];
    participation.initiative = { id: initiativeId, kind, name, start, end, status: initiativeStatus, version };
    if (row.length === 14) participation.initiative.description = row[13];
  }
  return participation;
}
