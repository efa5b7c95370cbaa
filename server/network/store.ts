import { viewerParameter } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import type { ActorRecord } from '../actors/records.ts';
import type { InitiativeRecord } from '../initiatives/records.ts';
import type { MunicipalityRecord, ThemeRecord } from '../reference/store.ts';
import { buildOverlaps, type OverlapFilter } from './overlap-query.ts';
import { partnerReasons, partnerScore, type PartnerEvidence, type ReasonKind } from './partner-scoring.ts';
import { buildPartnerSuggestions } from './partner-query.ts';
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

/** Questions across the whole network; each is one statement. */
export class NetworkStore {
  private readonly viewer: ReturnType<typeof viewerParameter>;

  constructor(
    private readonly db: Database,
    viewer: Viewer,
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

  partnerSuggestions(subjectId: string, first: number): Promise<PartnerSuggestionRecord[]> {
    return this.db.read(async (tx) => {
      const result = await tx.run<{ actor: ActorRecord; evidence: PartnerEvidence }>(buildPartnerSuggestions(subjectId, first, this.viewer));
      return result.records.map((record) => {
        const evidence = record.get('evidence');
        return { actor: record.get('actor'), score: partnerScore(evidence), reasons: partnerReasons(evidence) };
      });
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
