import type { Adjacency } from './adjacency.ts';

/** What an actor is, as bits: the kinds a candidate may be, and what visibility depends on. */
export const ActorFlag = {
  ORGANIZATION: 1,
  PERSON: 2,
  ROLE_MODEL: 4,
  /** A status that everyone sees (auth/visibility.ts's table). */
  PUBLIC: 8,
  CONSENTED: 16,
} as const;

/**
 * The network as partner suggestions and overlaps read it, held in typed arrays and numbered from 0: every actor,
 * initiative, theme, kommun and län. Built in one read transaction at one revision of the network.
 *
 * Catching up with writes (catch-up/) changes it in place, synchronously, so a request never sees half
 * of a change; numbers are never reused while the snapshot lives.
 *
 * An actor's profile is what it works on and where: its own themes and kommuner plus those of the
 * initiatives it takes part in (confirmed only), the län of those kommuner, and the families (root
 * initiatives) of its initiatives.
 */
export interface NetworkSnapshot {
  revision: number;
  /** Labels and names as well as keys and codes, so that a suggestion's reasons are spelled out without a statement. */
  themes: { keys: string[]; labels: string[]; words: number };
  municipalities: { codes: string[]; names: string[]; index: Map<string, number>; county: Int32Array };
  counties: { codes: string[]; names: string[]; words: number };
  actors: ActorTable;
  initiatives: InitiativeTable;
}

export interface ActorTable {
  count: number;
  ids: string[];
  /** For naming common partners, and choosing which to name. */
  names: (string | null)[];
  /** For ordering equal scores the way Cypher's ORDER BY name, id does (best-candidates.ts). */
  nameRanks: Int32Array;
  /** The actors in that order: where a catch-up puts a new or renamed actor (order.ts's reordered). */
  byName: Int32Array;
  /** Only the actors that are in the network: one merged away keeps its number, with no links, until the next full read. */
  index: Map<string, number>;
  flags: Uint8Array;
  /** Its own themes, without those of its initiatives: what a catch-up builds its profile again from. */
  ownThemes: Uint32Array;
  ownMunicipalities: Adjacency;
  /** Confirmed participations. */
  initiatives: Adjacency;
  /** PART_OF between actors, either way (a unit and its kommun). */
  related: Adjacency;
  /** AFFILIATED_WITH, either way (a person and an organisation). */
  affiliated: Adjacency;
  profileThemes: Uint32Array;
  /** For each theme, the actors whose profile holds it: who may share enough themes, without a pass over all. */
  byProfileTheme: Adjacency;
  /** How many themes each profile holds. */
  themeCounts: Uint16Array;
  /** Organisations and role models, those with the most profile themes first: where a subject's strongest candidates usually are. */
  candidatesByThemeCount: Int32Array;
  profileMunicipalities: Adjacency;
  profileCounties: Uint32Array;
  families: Adjacency;
}

export interface InitiativeTable {
  count: number;
  ids: string[];
  /** Each one's place among the ids in order, so that a pair is formed once, as Cypher's a.id < b.id forms it. */
  idRanks: Int32Array;
  /** The initiatives in that order. */
  byId: Int32Array;
  names: string[];
  /** Only the initiatives everyone sees: one hidden since the full read keeps its number, with no links. */
  index: Map<string, number>;
  /** Epoch days of the first day of its start and the last day of its end (startFirst, endLast); NaN when unknown. */
  firstDays: Float64Array;
  lastDays: Float64Array;
  themes: Uint32Array;
  municipalities: Adjacency;
  /** The roots of its family: itself when it is part of nothing. */
  roots: Adjacency;
  /** Confirmed participants. */
  participants: Adjacency;
  /**
   * The participants that may be candidates (organisations and role models), those with the most profile
   * themes first: a scan for candidates with enough themes stops at the first with too few.
   */
  candidatesRichestFirst: Adjacency;
  /** For a root: every initiative of its family, itself included. */
  familyMembers: Adjacency;
  /** For each kommun, the initiatives in it. */
  byMunicipality: Adjacency;
}
