import type { InitiativeStatus, ParticipationStatus } from '../auth/visibility.ts';
import type { InitiativeKind } from './vocabulary.ts';

/** An initiative as the stores read it. */
export interface InitiativeRecord {
  id: string;
  kind: InitiativeKind;
  name: string;
  /** Absent when the statement that read the initiative left it out, because the response did not ask for it. */
  description?: string | null;
  start: string | null;
  end: string | null;
  status: InitiativeStatus;
  version: number;
}

export const initiativeProjection = (variable: string) =>
  `${variable} { .id, .kind, .name, .description, .start, .end, .status, .version }`;

/** A participation: an actor's role in an initiative, with its claim status and sources. */
export interface ParticipationRecord {
  id: string;
  actorId: string;
  initiativeId: string;
  role: string;
  since: string | null;
  until: string | null;
  status: ParticipationStatus;
  sourceIds: string[];
  /** The initiative itself, when the statement that read the participation read it too. */
  initiative?: InitiativeRecord;
}

export const participationProjection = (relationship: string, actor: string, initiative: string) =>
  `{ id: ${relationship}.id, actorId: ${actor}.id, initiativeId: ${initiative}.id, role: ${relationship}.role, since: ${relationship}.since,
     until: ${relationship}.until, status: ${relationship}.status, sourceIds: coalesce(${relationship}.sources, []) }`;

export interface GrantRecord {
  id: string;
  funderId: string;
  initiativeId: string;
  amount: number;
  currency: string;
  programme: string | null;
  awarded: string | null;
}

export const grantProjection = (grant: string, funder: string, initiative: string) =>
  `${grant} { .id, funderId: ${funder}.id, initiativeId: ${initiative}.id, .amount, .currency, .programme, .awarded }`;

export interface EventRecord {
  id: string;
  name: string;
  date: string | null;
  description: string | null;
}

export const eventProjection = (event: string) => `${event} { .id, .name, .date, .description }`;
