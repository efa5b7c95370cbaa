import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database.ts';
import { readNetworkRevision } from '../../db/revision.ts';
import type { ActorRecord } from '../../actors/records.ts';
import type { ThemeRecord } from '../../reference/store.ts';
import type { MeasureKind } from './inputs.ts';

export interface MeasuresRunRecord {
  id: string;
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  progress: number;
  county: string | null;
  asOf: string | null;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  revision: number | null;
  /** When the service running it last said it was still at it (QUEUED and RUNNING only). */
  heartbeatAt: string | null;
}

export interface ActorMeasuresRecord {
  actorId: string;
  degree: number;
  betweenness: number;
  community: number;
  bridging: number;
  sectors: string[];
  communitiesLinked: number;
}

/** A row of `top` with its actor, as the resolver answers it. */
export type ActorMeasuresWithActor = ActorMeasuresRecord & { actor: ActorRecord };

export interface CommunityRecord {
  community: number;
  actorCount: number;
  initiativeCount: number;
  /** Most shared first, then by key. */
  themes: { theme: ThemeRecord; count: number }[];
}

const runProjection = (run: string) =>
  `${run} { .id, .state, .progress, .county, .asOf, startedAt: toString(${run}.startedAt), finishedAt: toString(${run}.finishedAt), .error, .revision,
    heartbeatAt: toString(coalesce(${run}.heartbeatAt, ${run}.startedAt)) }`;

// Property names from this allow-list only: a measure's name is never spliced from input.
const orderBy: Record<MeasureKind, string> = {
  DEGREE: 'm.degree DESC, m.bridging DESC',
  BETWEENNESS: 'm.betweenness DESC, m.bridging DESC',
  BRIDGING: 'm.bridging DESC, m.betweenness DESC',
};

/** Reads measures runs and their results; the jobs write them (run-writes.ts). */
export class MeasuresStore {
  private revision: Promise<number> | null = null;

  constructor(private readonly db: Database) {}

  async run(id: string): Promise<MeasuresRunRecord | null> {
    const result = await this.db.query<{ run: MeasuresRunRecord }>({
      text: `MATCH (run:MeasuresRun {id: $id}) RETURN ${runProjection('run')} AS run`,
      parameters: { id },
    });
    return result.records[0]?.get('run') ?? null;
  }

  /** The newest DONE run of the whole network of today (asOf unset), of one län or of all. */
  async latest(county: string | null): Promise<MeasuresRunRecord | null> {
    const result = await this.db.query<{ run: MeasuresRunRecord }>({
      text: `MATCH (run:MeasuresRun {scopeKey: $scopeKey, state: 'DONE'})
             RETURN ${runProjection('run')} AS run ORDER BY run.startedAt DESC LIMIT 1`,
      parameters: { scopeKey: `${county ?? '*'}|*` },
    });
    return result.records[0]?.get('run') ?? null;
  }

  /** The network revision now, read once per request. */
  networkRevision(): Promise<number> {
    this.revision ??= this.db.query<{ revision: number }>(readNetworkRevision).then((result) => result.records[0]?.get('revision') ?? 0);
    return this.revision;
  }

  /** A run's best actors by a measure; with `linking`, only those whose sectors include every one of these kinds. */
  async top(runId: string, by: MeasureKind, first: number, linking: string[]): Promise<ActorMeasuresRecord[]> {
    const result = await this.db.query<{ row: ActorMeasuresRecord }>({
      text: `MATCH (m:ActorMeasure {runId: $runId})
             WHERE all(kind IN $linking WHERE kind IN m.sectors)
             RETURN m { .actorId, .degree, .betweenness, .community, .bridging, .sectors, .communitiesLinked } AS row
             ORDER BY ${orderBy[by]}, m.actorId LIMIT $first`,
      parameters: { runId, linking, first: neo4j.int(first) },
    });
    return result.records.map((record) => record.get('row'));
  }

  /**
   * The communities of a run with actors or initiatives in a kommun, largest there first, each with the
   * themes that most of those actors and initiatives work on.
   */
  async communities(runId: string, municipality: string): Promise<CommunityRecord[]> {
    const result = await this.db.query<{ community: CommunityRecord }>({
      text: `CALL () {
               MATCH (m:ActorMeasure {runId: $runId})
               MATCH (node:Actor {id: m.actorId})-[:IN_MUNICIPALITY]->(:Municipality {code: $municipality})
               RETURN m.community AS community, node, true AS isActor
               UNION
               MATCH (m:InitiativeMeasure {runId: $runId})
               MATCH (node:Initiative {id: m.initiativeId})-[:IN_MUNICIPALITY]->(:Municipality {code: $municipality})
               RETURN m.community AS community, node, false AS isActor
             }
             WITH community, collect(DISTINCT {node: node, isActor: isActor}) AS members
             WITH community, members,
                  size([member IN members WHERE member.isActor]) AS actorCount,
                  size([member IN members WHERE NOT member.isActor]) AS initiativeCount
             CALL (members) {
               UNWIND members AS member
               WITH member.node AS node
               MATCH (node)-[:HAS_THEME]->(theme:Theme)
               WITH theme, count(*) AS count ORDER BY count DESC, theme.key
               RETURN collect({theme: theme { .id, .key, .label }, count: count}) AS themes
             }
             RETURN {community: community, actorCount: actorCount, initiativeCount: initiativeCount, themes: themes} AS community
             ORDER BY actorCount + initiativeCount DESC, community`,
      parameters: { runId, municipality },
    });
    return result.records.map((record) => record.get('community'));
  }
}
