import type { ActorRecord } from '../actors/records.ts';
import type { InitiativeRecord, ParticipationRecord } from '../initiatives/records.ts';

/** Something awaiting review: a registration or an organisation an association entered, an association's initiative, or a claim. */
export type ReviewItemRecord = ActorRecord | InitiativeRecord | ParticipationRecord;

export function reviewItemType(item: ReviewItemRecord): 'Organization' | 'Initiative' | 'Participation' {
  if ('actorId' in item) return 'Participation';
  if ('isPerson' in item) return 'Organization';
  return 'Initiative';
}
