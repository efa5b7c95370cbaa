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
  /** A person's organisation. */
  organizationId: string | null;
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
  private readonly related: Record<Related, DataLoader<string, ActorRecord[]>>;

  constructor(
    private readonly db: Database,
    viewer: Viewer,
  ) {
    this.viewer = viewerParameter(viewer);
    this.byId = new DataLoader((ids) => this.loadByIds(ids));
    this.participations = new DataLoader((ids) => this.loadParticipations(ids));
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
                 municipalities: COLLECT { MATCH (a)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code },
                 organizationId: COLLECT { MATCH (a)-[:AFFILIATED_WITH]->(o:Organization) RETURN o.id }[0] } AS facts`,
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
  async similarlyNamed(organization: ActorRecord, municipalities: string[]): Promise<ActorRecord[]> {
    const candidates = await this.db.read(async (tx) => {
      const result = await tx.run<{ actor: ActorRecord }>({
        text: `MATCH (o:Organization)-[:IN_MUNICIPALITY]->(m:Municipality)
               WHERE m.code IN $municipalities AND o.id <> $id AND o.status <> 'REJECTED'
               RETURN DISTINCT ${actorProjection('o')} AS actor`,
        parameters: { municipalities, id: organization.id },
      });
      return result.records.map((record) => record.get('actor'));
    });
    return candidates.filter((candidate) => namesAlike(candidate.name, organization.name)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  async reviewOf(organizationId: string): Promise<{ approved: boolean; reason: string | null; reviewedAt: string } | null> {
    return this.db.read(async (tx) => {
      const result = await tx.run<{ review: { approved: boolean; reason: string | null; reviewedAt: string } | null }>({
        text: `MATCH (o:Organization {id: $id})
               RETURN CASE WHEN o.reviewedAt IS NULL THEN null
                      ELSE { approved: o.reviewApproved, reason: o.reviewReason, reviewedAt: toString(o.reviewedAt) } END AS review`,
        parameters: { id: organizationId },
      });
      return result.records[0]?.get('review') ?? null;
    });
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
