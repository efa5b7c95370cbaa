import type { ActorRecord } from '../actors/records.ts';
import { actorProjection } from '../actors/records.ts';
import type { Transaction } from '../db/database.ts';
import {
  eventProjection,
  grantProjection,
  initiativeProjection,
  participationProjection,
  type EventRecord,
  type GrantRecord,
  type InitiativeRecord,
  type ParticipationRecord,
} from '../initiatives/records.ts';

/** What a mutation answers with, read in its own transaction after the write, as the read side's records. */

export async function initiativeRecord(tx: Transaction, id: string): Promise<InitiativeRecord> {
  const result = await tx.run<{ initiative: InitiativeRecord }>({
    text: `MATCH (i:Initiative {id: $id}) RETURN ${initiativeProjection('i')} AS initiative`,
    parameters: { id },
  });
  return result.records[0]!.get('initiative');
}

export async function actorRecord(tx: Transaction, id: string): Promise<ActorRecord> {
  const result = await tx.run<{ actor: ActorRecord }>({
    text: `MATCH (a:Actor {id: $id}) RETURN ${actorProjection('a')} AS actor`,
    parameters: { id },
  });
  return result.records[0]!.get('actor');
}

export async function participationRecord(tx: Transaction, id: string): Promise<ParticipationRecord> {
  const result = await tx.run<{ participation: ParticipationRecord }>({
    text: `MATCH (a:Actor)-[r:PARTICIPATES_IN {id: $id}]->(i:Initiative) RETURN ${participationProjection('r', 'a', 'i')} AS participation`,
    parameters: { id },
  });
  return result.records[0]!.get('participation');
}

export async function grantRecord(tx: Transaction, id: string): Promise<GrantRecord> {
  const result = await tx.run<{ grant: GrantRecord }>({
    text: `MATCH (f:Actor)<-[:FUNDED_BY]-(g:Grant {id: $id})-[:FOR]->(i:Initiative) RETURN ${grantProjection('g', 'f', 'i')} AS grant`,
    parameters: { id },
  });
  return result.records[0]!.get('grant');
}

export async function eventRecord(tx: Transaction, id: string): Promise<EventRecord> {
  const result = await tx.run<{ event: EventRecord }>({
    text: `MATCH (e:Event {id: $id}) RETURN ${eventProjection('e')} AS event`,
    parameters: { id },
  });
  return result.records[0]!.get('event');
}
