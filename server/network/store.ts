import { viewerParameter, type ViewerParameter } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import type { ActorRecord } from '../actors/records.ts';
import type { InitiativeRecord } from '../initiatives/records.ts';
import type { MunicipalityRecord, ThemeRecord } from '../reference/store.ts';
import { buildOverlaps, type OverlapFilter } from './overlap-query.ts';
import { partnerReasons, partnerScore, type PartnerEvidence, type ReasonKind } from './partner-scoring.ts';
import type { PartnerIndex } from './partner-index/partner-index.ts';
import { buildPartnerNames } from './partner-query.ts';
import { buildPath } from './path-query.ts';
import { buildSearch } from './search-query.ts';

export type SearchHitRecord = ActorRecord | InitiativeRecord;

export interface PartnerSuggestionRecord {
  actor: ActorRecord;
  score: number;
  reasons: { kind: ReasonKind; detail: string }[];
}

export interface OverlapRecord {
  a: InitiativeRecord;
  b: InitiativeRecord;
  score: number;
  overlappingDays: number | null;
  sharedThemes: ThemeRecord[];
  sharedMunicipalities: MunicipalityRecord[];
  sharedParticipantIds: string[];
}

export interface PathRecord {
  steps: { actor: ActorRecord | null; initiative: InitiativeRecord | null; via: string | null }[];
  length: number;
}

const swedish = new Intl.Collator('sv');
const inSwedishOrder = (names: string[]) => [...names].sort(swedish.compare);

/** Questions across the whole network; each is one statement, and partner suggestions are chosen in memory first. */
export class NetworkStore {
  private readonly viewer: ViewerParameter;

  constructor(
    private readonly db: Database,
    viewer: Viewer,
    private readonly partnerIndex: PartnerIndex,
  ) {
    this.viewer = viewerParameter(viewer);
  }

  search(text: string, first: number): Promise<SearchHitRecord[]> {
    return this.db.read(async (tx) => {
      const result = await tx.run<{ hit: { initiative?: InitiativeRecord; actor?: ActorRecord } }>(buildSearch(text, first, this.viewer));
      return result.records.map((record) => {
        const hit = record.get('hit');
        return (hit.initiative ?? hit.actor)!;
      });
    });
  }

  /** The partner index chooses; one statement names the chosen and their evidence as this viewer may see them. */
  async partnerSuggestions(subjectId: string, first: number): Promise<PartnerSuggestionRecord[]> {
    const chosen = await this.partnerIndex.suggest(subjectId, first, this.viewer);
    if (chosen.length === 0) return [];
    const named = await this.db.read(async (tx) => {
      const result = await tx.run<{ id: string; actor: ActorRecord; evidence: PartnerEvidence }>(buildPartnerNames(chosen, this.viewer));
      return new Map(result.records.map((record) => [record.get('id'), record.toObject()]));
    });
    return chosen.flatMap(({ actorId }) => {
      const found = named.get(actorId);
      if (!found) return [];
      const evidence = Object.fromEntries(Object.entries(found.evidence).map(([kind, names]) => [kind, inSwedishOrder(names)])) as unknown as PartnerEvidence;
      return [{ actor: found.actor, score: partnerScore(evidence), reasons: partnerReasons(evidence) }];
    });
  }

  overlaps(filter: OverlapFilter, first: number, today: string): Promise<OverlapRecord[]> {
    return this.db.read(async (tx) => {
      const result = await tx.run<OverlapRecord>(buildOverlaps(filter, first, today, this.viewer));
      return result.records.map((record) => record.toObject());
    });
  }

  path(fromId: string, toId: string, maxHops: number): Promise<PathRecord | null> {
    return this.db.read(async (tx) => {
      const result = await tx.run<{ steps: { actor?: ActorRecord; initiative?: InitiativeRecord }[]; roles: string[] }>(
        buildPath(fromId, toId, maxHops, this.viewer),
      );
      const record = result.records[0];
      if (!record) return null;
      const roles = record.get('roles');
      return {
        steps: record.get('steps').map((step, index) => ({
          actor: step.actor ?? null,
          initiative: step.initiative ?? null,
          via: index === 0 ? null : roles[index - 1]!,
        })),
        length: roles.length,
      };
    });
  }
}
