import DataLoader from 'dataloader';
import { namesAlike } from './similar-names.ts';
import { viewerParameter, actorVisible, participationVisible } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import { readPage } from '../shared/connection.ts';
import type { Cursor } from '../shared/cursor.ts';
import type { ParticipationRecord } from '../initiatives/records.ts';
import { participationProjection } from '../initiatives/records.ts';
import { buildActorPage, type ActorFilter } from './actor-query.ts';
import { actorProjection, type ActorRecord } from './records.ts';

export interface ActorAccessFacts {
  id: string;
  isPerson: boolean;
  status: string | null;
  municipalities: string[];
}

/** The fixed relationship patterns from an actor to related organisations; nothing else is accepted. */
const relatedPatterns = {
  parent: '(a)-[:PART_OF]->(other:Organization)',
  units: '(a)<-[:PART_OF]-(other:Organization)',
  organization: '(a)-[:AFFILIATED_WITH]->(other:Organization)',
} as const;
type Related = keyof typeof relatedPatterns;

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

  async page(filter: ActorFilter, first: number, after: Cursor | null) {
    const page = await readPage<ActorRecord>(this.db, buildActorPage(filter, { first, after }, this.viewer), 'actor', first);
    for (const actor of page.items) this.byId.prime(actor.id, actor);
    return page;
  }

  /** The actors of these ids that the viewer may see, in the given order. */
  async visibleOf(ids: string[]): Promise<ActorRecord[]> {
    const found = await this.byId.loadMany(ids);
    return found.filter((actor): actor is ActorRecord => actor !== null && !(actor instanceof Error));
  }

  /** What access decisions need to know of an actor, whoever may see it. Null when there is none. */
  async accessFacts(actorId: string): Promise<ActorAccessFacts | null> {
    return this.db.read(async (tx) => {
      const result = await tx.run<{ facts: ActorAccessFacts }>({
        text: `MATCH (a:Actor {id: $id})
               RETURN { id: a.id, isPerson: a:Person, status: a.status,
                 municipalities: COLLECT { MATCH (a)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code } } AS facts`,
        parameters: { id: actorId },
      });
      return result.records[0]?.get('facts') ?? null;
    });
  }

  /** Organisations awaiting review, in these kommuner (all when null), oldest first. */
  async pending(municipalities: string[] | null): Promise<ActorRecord[]> {
    return this.db.read(async (tx) => {
      const result = await tx.run<{ actor: ActorRecord }>({
        text: `MATCH (o:Organization {status: 'PENDING'})
               WHERE $municipalities IS NULL OR EXISTS { MATCH (o)-[:IN_MUNICIPALITY]->(m:Municipality) WHERE m.code IN $municipalities }
               RETURN ${actorProjection('o')} AS actor ORDER BY o.createdAt, o.id`,
        parameters: { municipalities },
      });
      return result.records.map((record) => record.get('actor'));
    });
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

  private async loadByIds(ids: readonly string[]): Promise<(ActorRecord | null)[]> {
    const found = await this.db.read(async (tx) => {
      const result = await tx.run<{ actor: ActorRecord }>({
        text: `UNWIND $ids AS id
               MATCH (a:Actor {id: id})
               WHERE ${actorVisible('a')}
               RETURN ${actorProjection('a')} AS actor`,
        parameters: { ids, viewer: this.viewer },
      });
      return new Map(result.records.map((record) => [record.get('actor').id, record.get('actor')]));
    });
    return ids.map((id) => found.get(id) ?? null);
  }

  private async loadParticipations(ids: readonly string[]): Promise<ParticipationRecord[][]> {
    const found = await this.db.read(async (tx) => {
      const result = await tx.run<{ id: string; participations: ParticipationRecord[] }>({
        text: `UNWIND $ids AS id
               MATCH (a:Actor {id: id})
               RETURN id, COLLECT {
                 MATCH (a)-[r:PARTICIPATES_IN]->(i:Initiative)
                 WHERE ${participationVisible('r', 'a', 'i')}
                 RETURN ${participationProjection('r', 'a', 'i')} AS participation ORDER BY i.name, r.role
               } AS participations`,
        parameters: { ids, viewer: this.viewer },
      });
      return new Map(result.records.map((record) => [record.get('id'), record.get('participations')]));
    });
    return ids.map((id) => found.get(id) ?? []);
  }

  private async loadLookAlikes(ids: readonly string[]): Promise<ActorRecord[][]> {
    const found = await this.db.read(async (tx) => {
      const result = await tx.run<{ id: string; name: string; neighbours: ActorRecord[] }>({
        text: `UNWIND $ids AS id
               MATCH (o:Organization {id: id})
               RETURN id, o.name AS name, COLLECT {
                 MATCH (o)-[:IN_MUNICIPALITY]->(:Municipality)<-[:IN_MUNICIPALITY]-(other:Organization)
                 WHERE other <> o AND other.status <> 'REJECTED'
                 RETURN DISTINCT ${actorProjection('other')} AS actor
               } AS neighbours`,
        parameters: { ids },
      });
      return new Map(
        result.records.map((record) => [
          record.get('id'),
          record
            .get('neighbours')
            .filter((neighbour) => namesAlike(neighbour.name, record.get('name')))
            .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
        ]),
      );
    });
    return ids.map((id) => found.get(id) ?? []);
  }

  private async loadRelated(related: Related, ids: readonly string[]): Promise<ActorRecord[][]> {
    const found = await this.db.read(async (tx) => {
      const result = await tx.run<{ id: string; actors: ActorRecord[] }>({
        text: `UNWIND $ids AS id
               MATCH (a:Actor {id: id})
               RETURN id, COLLECT {
                 MATCH ${relatedPatterns[related]}
                 WHERE ${actorVisible('other')}
                 RETURN ${actorProjection('other')} AS actor ORDER BY actor.name
               } AS actors`,
        parameters: { ids, viewer: this.viewer },
      });
      return new Map(result.records.map((record) => [record.get('id'), record.get('actors')]));
    });
    return ids.map((id) => found.get(id) ?? []);
  }
}
