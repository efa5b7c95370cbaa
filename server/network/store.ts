import { viewerParameter, type ViewerParameter } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import { currentId } from '../actors/merged-ids.ts';
import type { ActorRecord } from '../actors/records.ts';
import type { InitiativeRecord } from '../initiatives/records.ts';
import type { MunicipalityRecord, ThemeRecord } from '../reference/store.ts';
import { buildOverlapNames, type OverlapFilter } from './overlap-query.ts';
import type { OverlapKeys } from './network-index/find-overlaps.ts';
import { partnerReasons, partnerScore, type ReasonKind } from './partner-scoring.ts';
import type { NetworkIndex } from './network-index/network-index.ts';
import type { ChosenPartner } from './network-index/suggest.ts';
import { buildPartnerActors } from './partner-query.ts';
import { buildPath } from './path-query.ts';
import { buildSearchCandidates, planSearch } from './search-query.ts';
import { rankCandidates, type SearchCandidate } from './search/ranking.ts';

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

/**
 * Questions across the whole network; each is one statement. Partner suggestions and overlaps are chosen
 * in memory first (a suggestion's reasons are spelled out there too), and the statement reads what is shown.
 */
export class NetworkStore {
  private readonly viewer: ViewerParameter;

  constructor(
    private readonly db: Database,
    viewer: Viewer,
    private readonly networkIndex: NetworkIndex,
  ) {
    this.viewer = viewerParameter(viewer);
  }

  /** Candidates from every branch the text calls for, with their records, ranked here (search/ranking.ts). */
  async search(text: string, first: number): Promise<SearchHitRecord[]> {
    const plan = planSearch(text);
    const statement = buildSearchCandidates(plan, first, this.viewer);
    if (!statement) return [];
    const found = await this.db.query(statement);
    type Hit = { initiative?: InitiativeRecord; actor?: ActorRecord };
    const candidates = found.records.map((record) => record.toObject() as SearchCandidate<Hit>);
    return rankCandidates(plan.words, candidates)
      .slice(0, first)
      .map(({ hit }) => (hit.initiative ?? hit.actor)!);
  }

  /** Partners for an actor or an initiative; a merged organisation's id asks for the kept one, whom the network index knows. */
  async partnerSuggestions(forId: string, first: number): Promise<PartnerSuggestionRecord[]> {
    const subjectId = await this.currentId(forId);
    const { chosen, named } = await fresh(
      (revision) => this.db.waitFor(this.networkIndex.suggest(subjectId, first, this.viewer, revision)),
      (choice) => this.readPartners(choice.suggestions),
    );
    const byId = new Map(named.actors.map((actor) => [actor.id, actor]));
    return chosen.suggestions.flatMap(({ actorId, evidence }) => {
      const actor = byId.get(actorId);
      return actor ? [{ actor, score: partnerScore(evidence), reasons: partnerReasons(evidence) }] : [];
    });
  }

  private async currentId(id: string): Promise<string> {
    const result = await this.db.query<{ id: string }>({ text: `RETURN ${currentId('$id')} AS id`, parameters: { id } });
    return result.records[0]!.get('id');
  }

  private async readPartners(chosen: ChosenPartner[]) {
    const statement = buildPartnerActors(chosen.map((partner) => partner.actorId), this.viewer);
    const record = (await this.db.query<{ revision: number; actors: ActorRecord[] }>(statement)).records[0]!;
    return { revision: Number(record.get('revision')), actors: record.get('actors') };
  }

  /** As of a day, that day is the one open periods run to, instead of today. */
  async overlaps(filter: OverlapFilter, first: number, today: string): Promise<OverlapRecord[]> {
    const judgedOn = filter.asOf ?? today;
    const { chosen, named } = await fresh(
      (revision) => this.db.waitFor(this.networkIndex.overlaps(filter, first, judgedOn, revision)),
      (choice) => this.nameOverlaps(choice.overlaps),
    );
    const byPair = new Map(named.overlaps.map((overlap) => [`${overlap.a.id} ${overlap.b.id}`, overlap]));
    return chosen.overlaps.flatMap(({ a, b, score, overlappingDays }) => {
      const found = byPair.get(`${a} ${b}`);
      return found ? [{ ...found, score, overlappingDays }] : [];
    });
  }

  private async nameOverlaps(pairs: OverlapKeys[]) {
    const record = (await this.db.query<{ revision: number; named: Omit<OverlapRecord, 'score' | 'overlappingDays'>[] }>(buildOverlapNames(pairs, this.viewer)))
      .records[0]!;
    return { revision: Number(record.get('revision')), overlaps: record.get('named') };
  }

  async path(fromId: string, toId: string, maxHops: number, asOf: string | null = null): Promise<PathRecord | null> {
    const result = await this.db.query<{ steps: { actor?: ActorRecord; initiative?: InitiativeRecord }[]; roles: string[] }>(
      buildPath(fromId, toId, maxHops, this.viewer, asOf),
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
  }
}

/**
 * The network index chooses; one statement reads the chosen as this viewer may see them, and the
 * network revision. If a write has landed since the index's snapshot, the choice is made again from a
 * snapshot that holds it: so every write committed before the request began counts.
 */
async function fresh<Chosen extends { revision: number }, Named extends { revision: number }>(
  choose: (revision: number) => Promise<Chosen>,
  name: (chosen: Chosen) => Promise<Named>,
): Promise<{ chosen: Chosen; named: Named }> {
  let chosen = await choose(0);
  let named = await name(chosen);
  if (named.revision > chosen.revision) {
    chosen = await choose(named.revision);
    named = await name(chosen);
  }
  return { chosen, named };
}
