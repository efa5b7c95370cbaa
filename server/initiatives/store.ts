import DataLoader from 'dataloader';
import { actorVisible, grantVisible, initiativeVisible, participationVisible, viewerParameter } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import { readPage } from '../shared/connection.ts';
import type { Cursor } from '../shared/cursor.ts';
import { buildInitiativePage, type InitiativeFilter } from './initiative-query.ts';
import {
  eventProjection,
  grantProjection,
  initiativeProjection,
  participationProjection,
  type EventRecord,
  type GrantRecord,
  type InitiativeRecord,
  type ParticipationRecord,
} from './records.ts';

/** Reads initiatives and what hangs off them, batching lookups per request. */
export class InitiativeStore {
  private readonly viewer: ReturnType<typeof viewerParameter>;
  readonly byId: DataLoader<string, InitiativeRecord | null>;
  private readonly participants: DataLoader<string, ParticipationRecord[]>;
  private readonly grants: DataLoader<string, GrantRecord[]>;
  private readonly parents: DataLoader<string, InitiativeRecord[]>;
  private readonly parts: DataLoader<string, InitiativeRecord[]>;
  private readonly events: DataLoader<string, EventRecord[]>;

  constructor(
    private readonly db: Database,
    viewer: Viewer,
  ) {
    this.viewer = viewerParameter(viewer);
    this.byId = new DataLoader((ids) => this.loadByIds(ids));
    this.participants = new DataLoader((ids) =>
      this.collectFor(ids, `MATCH (a:Actor)-[r:PARTICIPATES_IN]->(i)
        WHERE ${actorVisible('a')} AND ${participationVisible('r', 'a', 'i')}
        RETURN ${participationProjection('r', 'a', 'i')} AS item ORDER BY r.role, a.name`),
    );
    this.grants = new DataLoader((ids) =>
      this.collectFor(ids, `MATCH (g:Grant)-[:FOR]->(i), (g)-[:FUNDED_BY]->(f:Actor)
        WHERE ${grantVisible('g', 'f')}
        RETURN ${grantProjection('g', 'f', 'i')} AS item ORDER BY g.amount DESC`),
    );
    this.parents = new DataLoader((ids) =>
      this.collectFor(ids, `MATCH (i)-[:PART_OF]->(whole:Initiative) WHERE ${initiativeVisible('whole')} RETURN ${initiativeProjection('whole')} AS item`),
    );
    this.parts = new DataLoader((ids) =>
      this.collectFor(ids, `MATCH (i)<-[:PART_OF]-(part:Initiative) WHERE ${initiativeVisible('part')} RETURN ${initiativeProjection('part')} AS item ORDER BY item.name`),
    );
    this.events = new DataLoader((ids) =>
      this.collectFor(ids, `MATCH (e:Event)-[:OF]->(i) RETURN ${eventProjection('e')} AS item ORDER BY e.date, e.name`),
    );
  }

  async page(filter: InitiativeFilter, first: number, after: Cursor | null) {
    const page = await readPage<InitiativeRecord>(this.db, buildInitiativePage(filter, { first, after }, this.viewer), 'initiative', first);
    for (const initiative of page.items) this.byId.prime(initiative.id, initiative);
    return page;
  }

  participantsOf(initiativeId: string): Promise<ParticipationRecord[]> {
    return this.participants.load(initiativeId);
  }

  grantsOf(initiativeId: string): Promise<GrantRecord[]> {
    return this.grants.load(initiativeId);
  }

  async partOf(initiativeId: string): Promise<InitiativeRecord | null> {
    return (await this.parents.load(initiativeId))[0] ?? null;
  }

  partsOf(initiativeId: string): Promise<InitiativeRecord[]> {
    return this.parts.load(initiativeId);
  }

  eventsOf(initiativeId: string): Promise<EventRecord[]> {
    return this.events.load(initiativeId);
  }

  private async loadByIds(ids: readonly string[]): Promise<(InitiativeRecord | null)[]> {
    const result = await this.db.query<{ initiative: InitiativeRecord }>({
      text: `UNWIND $ids AS id MATCH (i:Initiative {id: id}) WHERE ${initiativeVisible('i')} RETURN ${initiativeProjection('i')} AS initiative`,
      parameters: { ids, viewer: this.viewer },
    });
    const found = new Map(result.records.map((record) => [record.get('initiative').id, record.get('initiative')]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /** Runs one fixed subquery (which binds `i` and returns `item`) for a batch of initiative ids. */
  private async collectFor<T>(ids: readonly string[], subquery: string): Promise<T[][]> {
    const result = await this.db.query<{ id: string; items: T[] }>({
      text: `UNWIND $ids AS id
             MATCH (i:Initiative {id: id})
             RETURN id, COLLECT { ${subquery} } AS items`,
      parameters: { ids, viewer: this.viewer },
    });
    const found = new Map(result.records.map((record) => [record.get('id'), record.get('items')]));
    return ids.map((id) => found.get(id) ?? []);
  }
}
