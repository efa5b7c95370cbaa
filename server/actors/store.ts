import DataLoader from 'dataloader';
import { namesAlike } from './similar-names.ts';
import { viewerParameter, actorVisible, initiativeVisible, participationVisible } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import { readPage } from '../shared/connection.ts';
import type { Cursor } from '../shared/cursor.ts';
import type { ParticipationRecord } from '../initiatives/records.ts';
import { linksProjection, type LinkStore, type Links } from '../shared/links-store.ts';
import { buildActorPage, type ActorFilter } from './actor-query.ts';
import { participationFromRow, participationRow, type InitiativeColumns, type ParticipationRow } from './participation-rows.ts';
import { currentId } from './merged-ids.ts';
import { actorProjection, type ActorRecord } from './records.ts';

/** The fixed relationship patterns from an actor to related organisations; nothing else is accepted. */
const relatedPatterns = {
  parent: '(a)-[:PART_OF]->(other:Organization)',
  units: '(a)<-[:PART_OF]-(other:Organization)',
  organization: '(a)-[:AFFILIATED_WITH]->(other:Organization)',
} as const;
type Related = keyof typeof relatedPatterns;

/**
 * What a response will read of the actors it asks for, besides the actors themselves: their themes,
 * kommuner and sources, their participations, and those participations' initiatives. Read together with
 * the actors, in the same statement, they cost one round trip instead of one per level of nesting.
 */
export interface ActorReads {
  links: boolean;
  participations: boolean;
  initiatives: InitiativeColumns;
}

export const actorsOnly: ActorReads = { links: false, participations: false, initiatives: 'none' };

type ActorRow = {
  actor: ActorRecord;
  links?: Links;
  participations?: ParticipationRow[];
};

/** Reads actors as one viewer may see them, batching lookups per request. */
export class ActorStore {
  private readonly viewer: ReturnType<typeof viewerParameter>;
  readonly byId: DataLoader<string, ActorRecord | null>;
  private readonly participations: DataLoader<string, ParticipationRecord[]>;
  private readonly lookAlikes: DataLoader<string, ActorRecord[]>;
  private readonly related: Record<Related, DataLoader<string, ActorRecord[]>>;

  constructor(
    private readonly db: Database,
    viewer: Viewer,
    /** Holds the links an actor's statement reads with it, so that no other statement asks for them. */
    private readonly links: LinkStore,
  ) {
    this.viewer = viewerParameter(viewer);
    this.byId = new DataLoader((ids) => this.loadByIds(ids));
    this.participations = new DataLoader((ids) => this.loadParticipations(ids));
    this.lookAlikes = new DataLoader((ids) => this.loadLookAlikes(ids));
    this.related = {
      parent: new DataLoader((ids) => this.loadRelated('parent', ids)),
      units: new DataLoader((ids) => this.loadRelated('units', ids)),
      organization: new DataLoader((ids) => this.loadRelated('organization', ids)),
    };
  }

  async page(filter: ActorFilter, first: number, after: Cursor | null, reads: ActorReads = actorsOnly) {
    const page = await readPage<ActorRecord, ActorRow>(this.db, buildActorPage(filter, { first, after }, this.viewer, this.extraColumns(reads)), 'actor', first);
    for (const row of page.rows) this.prime(row);
    return page;
  }

  /** One actor, and what the response will read of it, in one statement; a merged organisation's id reads the kept one. */
  async byIdReading(id: string, reads: ActorReads): Promise<ActorRecord | null> {
    if (!reads.links && !reads.participations) return this.byId.load(id);
    const result = await this.db.query({
      text: `WITH ${currentId('$id')} AS id
             MATCH (a:Actor {id: id}) WHERE ${actorVisible('a')}
             RETURN ${actorProjection('a')} AS actor${this.extraColumns(reads)}`,
      parameters: { id, viewer: this.viewer },
    });
    const row = result.records[0]?.toObject() as ActorRow | undefined;
    if (!row) return null;
    this.prime(row);
    return row.actor;
  }

  private extraColumns(reads: ActorReads): string {
    let columns = '';
    if (reads.links) columns += `, ${linksProjection('a')} AS links`;
    if (reads.participations) {
      columns += `, COLLECT {
        MATCH (a)-[r:PARTICIPATES_IN]->(i:Initiative)
        WHERE ${participationVisible('r', 'a', 'i')} AND ${initiativeVisible('i')}
        RETURN ${participationRow('r', 'i', reads.initiatives)} AS item ORDER BY i.name, r.role
      } AS participations`;
    }
    return columns;
  }

  /** Hands what a statement read besides the actor to the loaders that would otherwise ask for it. */
  private prime(row: ActorRow): void {
    this.byId.prime(row.actor.id, row.actor);
    if (row.links) this.links.prime('Actor', row.actor.id, row.links);
    if (row.participations) {
      this.participations.prime(
        row.actor.id,
        row.participations.map((values) => participationFromRow(row.actor.id, values)),
      );
    }
  }

  /** The actors of these ids that the viewer may see, in the given order. */
  async visibleOf(ids: string[]): Promise<ActorRecord[]> {
    const found = await this.byId.loadMany(ids);
    return found.filter((actor): actor is ActorRecord => actor !== null && !(actor instanceof Error));
  }

  /** Organisations awaiting review, in these kommuner (all when null), oldest first. */
  async pending(municipalities: string[] | null): Promise<ActorRecord[]> {
    const result = await this.db.query<{ actor: ActorRecord }>({
      text: `MATCH (o:Organization {status: 'PENDING'})
             WHERE $municipalities IS NULL OR EXISTS { MATCH (o)-[:IN_MUNICIPALITY]->(m:Municipality) WHERE m.code IN $municipalities }
             RETURN ${actorProjection('o')} AS actor ORDER BY o.createdAt, o.id`,
      parameters: { municipalities },
    });
    return result.records.map((record) => record.get('actor'));
  }

  /**
   * Other organisations in the same kommuner whose names are alike: the same after dropping case,
   * punctuation and common words such as "förening", or within a fifth of their length in edits.
   */
  similarlyNamed(organizationId: string): Promise<ActorRecord[]> {
    return this.lookAlikes.load(organizationId);
  }

  participationsOf(actorId: string): Promise<ParticipationRecord[]> {
    return this.participations.load(actorId);
  }

  async parentOf(actorId: string): Promise<ActorRecord | null> {
    return (await this.related.parent.load(actorId))[0] ?? null;
  }

  unitsOf(actorId: string): Promise<ActorRecord[]> {
    return this.related.units.load(actorId);
  }

  async organizationOf(personId: string): Promise<ActorRecord | null> {
    return (await this.related.organization.load(personId))[0] ?? null;
  }

  /** The actors of these ids, each under the id it was asked by: a merged organisation's id answers with the kept one. */
  private async loadByIds(ids: readonly string[]): Promise<(ActorRecord | null)[]> {
    const result = await this.db.query<{ id: string; actor: ActorRecord }>({
      text: `UNWIND $ids AS id
             WITH id, ${currentId('id')} AS current
             MATCH (a:Actor {id: current})
             WHERE ${actorVisible('a')}
             RETURN id, ${actorProjection('a')} AS actor`,
      parameters: { ids, viewer: this.viewer },
    });
    const found = new Map(result.records.map((record) => [record.get('id'), record.get('actor')]));
    return ids.map((id) => found.get(id) ?? null);
  }

  private async loadParticipations(ids: readonly string[]): Promise<ParticipationRecord[][]> {
    const result = await this.db.query<Required<Pick<ActorRow, 'participations'>> & { id: string }>({
      text: `UNWIND $ids AS id
             MATCH (a:Actor {id: id})
             RETURN id${this.extraColumns({ links: false, participations: true, initiatives: 'none' })}`,
      parameters: { ids, viewer: this.viewer },
    });
    const found = new Map(result.records.map((record) => [record.get('id'), record.get('participations')]));
    return ids.map((id) => (found.get(id) ?? []).map((values) => participationFromRow(id, values)));
  }

  private async loadLookAlikes(ids: readonly string[]): Promise<ActorRecord[][]> {
    const result = await this.db.query<{ id: string; name: string; neighbours: ActorRecord[] }>({
      text: `UNWIND $ids AS id
             MATCH (o:Actor:Organization {id: id})
             RETURN id, o.name AS name, COLLECT {
               MATCH (o)-[:IN_MUNICIPALITY]->(:Municipality)<-[:IN_MUNICIPALITY]-(other:Organization)
               WHERE other <> o AND other.status <> 'REJECTED'
               RETURN DISTINCT ${actorProjection('other')} AS actor
             } AS neighbours`,
      parameters: { ids },
    });
    const found = new Map(
      result.records.map((record) => [
        record.get('id'),
        record
          .get('neighbours')
          .filter((neighbour) => namesAlike(neighbour.name, record.get('name')))
          .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      ]),
    );
    return ids.map((id) => found.get(id) ?? []);
  }

  private async loadRelated(related: Related, ids: readonly string[]): Promise<ActorRecord[][]> {
    const result = await this.db.query<{ id: string; actors: ActorRecord[] }>({
      text: `UNWIND $ids AS id
             MATCH (a:Actor {id: id})
             RETURN id, COLLECT {
               MATCH ${relatedPatterns[related]}
               WHERE ${actorVisible('other')}
               RETURN ${actorProjection('other')} AS actor ORDER BY actor.name
             } AS actors`,
      parameters: { ids, viewer: this.viewer },
    });
    const found = new Map(result.records.map((record) => [record.get('id'), record.get('actors')]));
    return ids.map((id) => found.get(id) ?? []);
  }
}
