import type { ViewerParameter } from '../../auth/visibility.ts';
import { commonPartnersNamed, fewestSharedThemesToReach, partnerWeights, scoreOfCounts, type PartnerEvidence } from '../partner-scoring.ts';
import { rowLength, rowOf } from './adjacency.ts';
import { addBit, hasBit, memberCount, membersOf, popcount, sharedCount } from './bitset.ts';
import { BestCandidates } from './best-candidates.ts';
import { ActorFlag, type NetworkSnapshot } from './snapshot.ts';
import { visibilityFor } from './visibility.ts';

/** A chosen partner, by id, and its evidence spelled out in Swedish order. */
export interface ChosenPartner {
  actorId: string;
  evidence: PartnerEvidence;
}

const swedish = new Intl.Collator('sv');
const inSwedishOrder = (names: string[]) => names.sort(swedish.compare);

/** What the subject (an actor or an initiative) works on and with, as marks over the snapshot. */
interface Subject {
  actor: number;
  themes: Uint32Array;
  counties: Uint32Array;
  places: Uint8Array;
  families: number[];
  partners: number[];
  /** The initiatives it takes part in (an initiative: itself). */
  initiatives: ArrayLike<number>;
}

/**
 * The best `first` partners for a subject, scored as partner-scoring.ts says: every actor that shares a
 * theme, a län, a partner or a family with the subject is a candidate unless it already works with it.
 * Candidates are ordered by score, then name, then id, as the service has always ordered them.
 *
 * First a bar is set: the score the theme-richest candidates reach before their common partners are
 * counted, which the final `first`-th surely reaches too. Common partners are then counted only for the
 * candidates that could pass the bar with all of them. The actors a common partner or a family lifts are
 * scored next. The rest can score no more than their shared themes and a common kommun, so only those
 * that share enough themes to place are read, from the themes' actor lists; a pass over every actor is
 * left for when a kommun alone could place.
 */
export function suggestPartners(snapshot: NetworkSnapshot, subjectId: string, first: number, viewer: ViewerParameter): ChosenPartner[] {
  const visible = visibilityFor(snapshot, viewer);
  const scratch = scratchOf(snapshot);
  try {
    const subject = subjectOf(snapshot, subjectId, visible, scratch);
    return subject ? scoreCandidates(snapshot, subject, first, visible, scratch) : [];
  } finally {
    scratch.clear();
  }
}

/** Common partners are counted only as far as the score counts them. */
const countedAtMost = partnerWeights.commonPartnerCap;
/** Marks of an initiative while common partners are counted. */
const OWN = 1;
const REACHED = 2;

/**
 * Marks per actor and initiative that one scoring sets and clears again. They are kept with the
 * snapshot, so that a request does not allocate (and fault in) megabytes of fresh arrays; scoring is
 * synchronous, so no two requests ever use them at once.
 */
class Scratch {
  /** The subject's partners, so that each is listed once. */
  readonly isPartner: Uint8Array;
  readonly excluded: Uint8Array;
  readonly namedPartner: Uint8Array;
  readonly inFamily: Uint8Array;
  /** Common partners per actor, counted up to `countedAtMost`. */
  readonly commonPartners: Uint8Array;
  /** The named partners each actor was counted for, `countedAtMost` places per actor. */
  readonly countedPartners: Int32Array;
  /** Per initiative: OWN for the subject's own, REACHED for one a named partner reaches. */
  readonly initiativeMarks: Uint8Array;
  /** The initiatives the named partners reach, and the candidates and named partners in the one being read. */
  readonly reached: Int32Array;
  readonly candidatesHere: Int32Array;
  readonly partnersHere: Int32Array;
  /** The chosen candidate a common partner was last listed for, so that it is listed once. */
  readonly listedFor: Int32Array;
  /** The actors a common partner or a family lifts, each once, in `lifted[0 … liftedCount)`. */
  readonly lifted: Int32Array;
  liftedCount = 0;

  constructor(
    readonly actorCount: number,
    readonly initiativeCount: number,
  ) {
    this.isPartner = new Uint8Array(actorCount);
    this.excluded = new Uint8Array(actorCount);
    this.namedPartner = new Uint8Array(actorCount);
    this.inFamily = new Uint8Array(actorCount);
    this.commonPartners = new Uint8Array(actorCount);
    this.countedPartners = new Int32Array(actorCount * countedAtMost);
    this.initiativeMarks = new Uint8Array(initiativeCount);
    this.reached = new Int32Array(initiativeCount);
    this.candidatesHere = new Int32Array(actorCount);
    this.partnersHere = new Int32Array(actorCount);
    this.listedFor = new Int32Array(actorCount).fill(-1);
    this.lifted = new Int32Array(actorCount);
  }

  clear(): void {
    this.isPartner.fill(0);
    this.excluded.fill(0);
    this.namedPartner.fill(0);
    this.inFamily.fill(0);
    this.commonPartners.fill(0);
    this.initiativeMarks.fill(0);
    this.listedFor.fill(-1);
    this.liftedCount = 0;
  }
}

const scratches = new WeakMap<NetworkSnapshot, Scratch>();

/** Room for this many more actors and initiatives than the snapshot holds, so that not every one a catch-up adds makes the marks again. */
const scratchRoom = 1024;

function scratchOf(snapshot: NetworkSnapshot): Scratch {
  let scratch = scratches.get(snapshot);
  if (!scratch || scratch.actorCount < snapshot.actors.count || scratch.initiativeCount < snapshot.initiatives.count) {
    scratches.set(snapshot, (scratch = new Scratch(snapshot.actors.count + scratchRoom, snapshot.initiatives.count + scratchRoom)));
  }
  return scratch;
}

function scoreCandidates(snapshot: NetworkSnapshot, subject: Subject, first: number, visible: (actor: number) => boolean, scratch: Scratch): ChosenPartner[] {
  const { actors } = snapshot;
  markExcluded(snapshot, subject, scratch.excluded);
  const namedPartners = subject.partners.filter((p) => actors.flags[p]! & ActorFlag.ORGANIZATION && visible(p));
  for (let n = 0; n < namedPartners.length; n++) scratch.namedPartner[namedPartners[n]!] = 1;
  markFamilies(snapshot, subject, scratch);
  const surelyReached = scoreSurelyReached(snapshot, subject, first, visible, scratch);
  countCommonPartners(snapshot, subject, namedPartners, scratch, surelyReached);

  const best = new BestCandidates(first, actors.nameRanks);
  const consider = candidateScorer(snapshot, subject, visible, scratch, best);
  // The lifted first: the best among them set the score the rest must reach.
  for (let n = 0; n < scratch.liftedCount; n++) consider(scratch.lifted[n]!);
  const { commonPartners, inFamily } = scratch;
  const considerUnlifted = (c: number) => {
    if (commonPartners[c] === 0 && inFamily[c] === 0) consider(c);
  };
  const themesNeeded = fewestSharedThemesToReach(Math.max(best.scoreToReach(), surelyReached));
  if (themesNeeded === 0) for (let c = 0; c < actors.count; c++) considerUnlifted(c);
  else forEachSharingThemes(snapshot, subject.themes, themesNeeded, considerUnlifted);
  return best.inOrder().map(({ actor }) => chosenPartner(snapshot, subject, scratch, actor));
}

/** How many of the theme-richest candidates set the bar: enough to find a hub's strongest, few enough to cost little. */
const barSampleSize = 1000;

/**
 * A score the `first`-th best candidate surely reaches: the `first`-th best among the theme-richest
 * candidates, scored before any common partner is counted (common partners only add). A candidate that
 * cannot reach it even with every common partner the score counts need not have them counted.
 * -Infinity while fewer than `first` of those score.
 */
function scoreSurelyReached(snapshot: NetworkSnapshot, subject: Subject, first: number, visible: (actor: number) => boolean, scratch: Scratch): number {
  const bar = new BestCandidates(first, snapshot.actors.nameRanks);
  const scoreWithoutPartners = candidateScorer(snapshot, subject, visible, scratch, bar);
  const { candidatesByThemeCount: richestFirst, themeCounts } = snapshot.actors;
  const subjectThemes = memberCount(subject.themes, 0, snapshot.themes.words);
  let reached = -Infinity;
  let themesToRaise = 0;
  for (let k = 0; k < Math.min(richestFirst.length, barSampleSize); k++) {
    const c = richestFirst[k]!;
    // Those further on hold no more themes than this one: once it could not raise the bar, neither could they.
    if (Math.min(themeCounts[c]!, subjectThemes) < themesToRaise) break;
    scoreWithoutPartners(c);
    if (bar.scoreToReach() !== reached) {
      reached = bar.scoreToReach();
      themesToRaise = fewestSharedThemesToReach(reached, { commonPartners: 0, families: 1 });
    }
  }
  return reached;
}

/**
 * Scores one actor as a candidate and offers it to `best`. The cheap tests (kind, theme and län bits)
 * come first; the kommun, the visibility and the placing among the best are tested only for those that pass.
 */
function candidateScorer(snapshot: NetworkSnapshot, subject: Subject, visible: (actor: number) => boolean, scratch: Scratch, best: BestCandidates) {
  const { actors } = snapshot;
  const { excluded, inFamily, commonPartners } = scratch;
  const { offsets: placesAt, targets: places } = actors.profileMunicipalities;
  const worksInAPlace = (c: number) => {
    for (let k = placesAt[c]!; k < placesAt[c + 1]!; k++) if (subject.places[places[k]!] === 1) return true;
    return false;
  };
  const { flags } = actors;
  const sharedThemesOf = countSharedWith(actors.profileThemes, subject.themes, snapshot.themes.words);
  const sharedCountiesOf = countSharedWith(actors.profileCounties, subject.counties, snapshot.counties.words);
  return (c: number): void => {
    if ((flags[c]! & (ActorFlag.ORGANIZATION | ActorFlag.ROLE_MODEL)) === 0 || excluded[c]) return;
    const sharedThemes = sharedThemesOf(c);
    const sharedCounties = sharedCountiesOf(c);
    if (sharedThemes === 0 && sharedCounties === 0 && commonPartners[c] === 0 && inFamily[c] === 0) return;
    const counts = { sharedThemes, sharedMunicipalities: 0, sharedCounties, commonPartners: commonPartners[c]!, families: inFamily[c]! };
    const scoreElsewhere = scoreOfCounts(counts);
    // A common kommun needs a common län. Whether there is one is looked up only if it could matter.
    if (sharedCounties > 0) {
      counts.sharedMunicipalities = 1;
      const scoreInAPlace = scoreOfCounts(counts);
      if (!best.wouldTake(c, Math.max(scoreElsewhere, scoreInAPlace))) return;
      const score = worksInAPlace(c) ? scoreInAPlace : scoreElsewhere;
      if (best.wouldTake(c, score) && visible(c)) best.add(c, score);
    } else if (best.wouldTake(c, scoreElsewhere) && visible(c)) best.add(c, scoreElsewhere);
  };
}

/** How many of the subject's members (themes, län) an actor's row of `bits` holds. */
function countSharedWith(bits: Uint32Array, subjectBits: Uint32Array, words: number): (actor: number) => number {
  // One word as the vocabularies stand; the general count serves if they grow.
  if (words !== 1) return (c) => sharedCount(bits, c, subjectBits, words);
  const [mask = 0] = subjectBits;
  return (c) => popcount(bits[c]! & mask);
}

/**
 * Calls `visit` once for every actor that shares at least `needed` of the subject's themes, and for
 * some that share fewer: whoever shares that many is in at least one of the subject's
 * (themes − needed + 1) shortest theme lists, so only those are read.
 */
function forEachSharingThemes(snapshot: NetworkSnapshot, themes: Uint32Array, needed: number, visit: (actor: number) => void): void {
  const { byProfileTheme, profileThemes } = snapshot.actors;
  const words = snapshot.themes.words;
  const subjectThemes = membersOf(themes, 0, words);
  if (needed > subjectThemes.length) return;
  const searched = subjectThemes.sort((a, b) => rowLength(byProfileTheme, a) - rowLength(byProfileTheme, b)).slice(0, subjectThemes.length - needed + 1);
  for (let j = 0; j < searched.length; j++) {
    const theme = searched[j]!;
    for (let k = byProfileTheme.offsets[theme]!; k < byProfileTheme.offsets[theme + 1]!; k++) {
      const c = byProfileTheme.targets[k]!;
      let metBefore = false;
      for (let e = 0; e < j && !metBefore; e++) metBefore = hasBit(profileThemes, c, words, searched[e]!);
      if (!metBefore) visit(c);
    }
  }
}

function subjectOf(snapshot: NetworkSnapshot, id: string, visible: (actor: number) => boolean, { isPartner }: Scratch): Subject | null {
  const { actors, initiatives } = snapshot;
  const places = new Uint8Array(snapshot.municipalities.codes.length);
  const initiative = initiatives.index.get(id);
  if (initiative !== undefined) {
    const municipalities = rowOf(initiatives.municipalities, initiative);
    for (const m of municipalities) places[m] = 1;
    return {
      actor: -1,
      themes: initiatives.themes.slice(initiative * snapshot.themes.words, (initiative + 1) * snapshot.themes.words),
      counties: countiesOf(snapshot, municipalities),
      places,
      families: [...rowOf(initiatives.roots, initiative)],
      partners: [...rowOf(initiatives.participants, initiative)],
      initiatives: [initiative],
    };
  }
  const actor = actors.index.get(id);
  if (actor === undefined || !visible(actor)) return null;
  for (const m of rowOf(actors.profileMunicipalities, actor)) places[m] = 1;
  // Read as offsets, not views: a hub's partners are thousands, met in thousands of rows.
  const partners: number[] = [];
  const { offsets: participantsAt, targets: participants } = initiatives.participants;
  const { offsets: initiativesAt, targets: initiativesOf } = actors.initiatives;
  for (let j = initiativesAt[actor]!; j < initiativesAt[actor + 1]!; j++) {
    const i = initiativesOf[j]!;
    for (let k = participantsAt[i]!; k < participantsAt[i + 1]!; k++) {
      const p = participants[k]!;
      if (p === actor || isPartner[p]) continue;
      isPartner[p] = 1;
      partners.push(p);
    }
  }
  return {
    actor,
    themes: actors.profileThemes.slice(actor * snapshot.themes.words, (actor + 1) * snapshot.themes.words),
    counties: actors.profileCounties.slice(actor * snapshot.counties.words, (actor + 1) * snapshot.counties.words),
    places,
    families: [...rowOf(actors.families, actor)],
    partners,
    initiatives: rowOf(actors.initiatives, actor),
  };
}

function countiesOf(snapshot: NetworkSnapshot, municipalities: Int32Array): Uint32Array {
  const counties = new Uint32Array(snapshot.counties.words);
  for (const m of municipalities) {
    const county = snapshot.municipalities.county[m]!;
    if (county >= 0) addBit(counties, 0, snapshot.counties.words, county);
  }
  return counties;
}

/**
 * Those who already work with the subject: its partners, the units and parents of it and of its
 * partners, its own people, and itself.
 */
function markExcluded(snapshot: NetworkSnapshot, subject: Subject, excluded: Uint8Array): void {
  const { actors } = snapshot;
  const { offsets: relatedAt, targets: related } = actors.related;
  const markRelated = (p: number) => {
    for (let k = relatedAt[p]!; k < relatedAt[p + 1]!; k++) excluded[related[k]!] = 1;
  };
  for (const p of subject.partners) {
    excluded[p] = 1;
    markRelated(p);
  }
  if (subject.actor >= 0) {
    markRelated(subject.actor);
    excluded[subject.actor] = 1;
    for (const person of rowOf(actors.affiliated, subject.actor)) excluded[person] = 1;
  }
}

/**
 * For every candidate that could reach `surelyReached` with every common partner the score counts, how
 * many of the named partners it has worked with (in a confirmed initiative of both), up to that most: the
 * chosen candidates' common partners are counted whole when their evidence is spelled out. Each initiative
 * the named partners reach is read once, however many of them it holds. The subject's own initiatives are
 * passed over: everyone in them is a partner of the subject and so no candidate, and a kommun's are many
 * and crowded.
 */
function countCommonPartners(snapshot: NetworkSnapshot, subject: Subject, namedPartners: number[], scratch: Scratch, surelyReached: number): void {
  const { actors, initiatives } = snapshot;
  const { namedPartner, commonPartners: counts, countedPartners, initiativeMarks: marks, reached, lifted, excluded, inFamily } = scratch;
  const sharedThemes = countSharedWith(actors.profileThemes, subject.themes, snapshot.themes.words);
  // Per family mark (0, 1): the themes a candidate needs to reach `surelyReached` with every common partner counted.
  const themesToPlace = [0, 1].map((families) => fewestSharedThemesToReach(surelyReached, { commonPartners: countedAtMost, families }));
  const { offsets: initiativesAt, targets: initiativesOf } = actors.initiatives;
  const { offsets: participantsAt, targets: participants } = initiatives.participants;
  const { offsets: candidatesAt, targets: richestFirst } = initiatives.candidatesRichestFirst;
  const { themeCounts } = actors;
  const fewestToPlace = Math.min(...themesToPlace);
  for (let k = 0; k < subject.initiatives.length; k++) marks[subject.initiatives[k]!] = OWN;
  let reachedCount = 0;
  for (const p of namedPartners) {
    for (let j = initiativesAt[p]!; j < initiativesAt[p + 1]!; j++) {
      const i = initiativesOf[j]!;
      if (marks[i] === 0) {
        marks[i] = REACHED;
        reached[reachedCount++] = i;
      }
    }
  }
  const { candidatesHere, partnersHere } = scratch;
  for (let r = 0; r < reachedCount; r++) {
    const i = reached[r]!;
    // Most participants of a crowded initiative cannot place whatever they share: those that can are found
    // first, among the theme-richest, and the named partners are looked for only where there are some.
    let candidateCount = 0;
    for (let k = candidatesAt[i]!; k < candidatesAt[i + 1]!; k++) {
      const c = richestFirst[k]!;
      if (themeCounts[c]! < fewestToPlace) break;
      if (sharedThemes(c) >= themesToPlace[inFamily[c]!]! && counts[c]! < countedAtMost && !excluded[c]) candidatesHere[candidateCount++] = c;
    }
    if (candidateCount === 0) continue;
    let partnerCount = 0;
    for (let k = participantsAt[i]!; k < participantsAt[i + 1]!; k++) if (namedPartner[participants[k]!]) partnersHere[partnerCount++] = participants[k]!;
    for (let n = 0; n < candidateCount; n++) {
      const c = candidatesHere[n]!;
      for (let h = 0; h < partnerCount && counts[c]! < countedAtMost; h++) {
        const p = partnersHere[h]!;
        if (p === c || countedAlready(countedPartners, counts[c]!, c, p)) continue;
        countedPartners[c * countedAtMost + counts[c]!] = p;
        if (counts[c]!++ === 0 && inFamily[c] === 0) lifted[scratch.liftedCount++] = c;
      }
    }
  }
}

function countedAlready(countedPartners: Int32Array, count: number, c: number, p: number): boolean {
  for (let slot = c * countedAtMost; slot < c * countedAtMost + count; slot++) if (countedPartners[slot] === p) return true;
  return false;
}

/** Marks the participants of the subject's families, and lifts them. */
function markFamilies(snapshot: NetworkSnapshot, subject: Subject, scratch: Scratch): void {
  const { offsets: participantsAt, targets: participants } = snapshot.initiatives.participants;
  const { inFamily, lifted } = scratch;
  for (const root of subject.families) {
    for (const i of rowOf(snapshot.initiatives.familyMembers, root)) {
      for (let k = participantsAt[i]!; k < participantsAt[i + 1]!; k++) {
        const c = participants[k]!;
        if (inFamily[c] === 0) lifted[scratch.liftedCount++] = c;
        inFamily[c] = 1;
      }
    }
  }
}

/**
 * The evidence of one chosen candidate, named from the snapshot. The common partners are those the
 * viewer sees (the named partners were chosen so); initiatives, themes and places are public.
 */
function chosenPartner(snapshot: NetworkSnapshot, subject: Subject, scratch: Scratch, c: number): ChosenPartner {
  const { actors, initiatives } = snapshot;
  const { namedPartner, listedFor, initiativeMarks } = scratch;
  const candidateThemes = actors.profileThemes.subarray(c * snapshot.themes.words, (c + 1) * snapshot.themes.words);
  const sharedThemes = subject.themes.map((word, w) => word & candidateThemes[w]!);
  const candidateCounties = actors.profileCounties.subarray(c * snapshot.counties.words, (c + 1) * snapshot.counties.words);
  const sharedCounties = subject.counties.map((word, w) => word & candidateCounties[w]!);
  const named = new FirstByName(actors.names, commonPartnersNamed);
  let partnerCount = 0;
  const { offsets: participantsAt, targets: participants } = initiatives.participants;
  const { offsets: initiativesAt, targets: initiativesOf } = actors.initiatives;
  for (let j = initiativesAt[c]!; j < initiativesAt[c + 1]!; j++) {
    const i = initiativesOf[j]!;
    // An initiative with a named partner in it was marked as reached (no candidate is in the subject's own).
    if (initiativeMarks[i] !== REACHED) continue;
    for (let k = participantsAt[i]!; k < participantsAt[i + 1]!; k++) {
      const p = participants[k]!;
      if (p === c || !namedPartner[p] || listedFor[p] === c) continue;
      listedFor[p] = c;
      named.offer(p);
      partnerCount++;
    }
  }
  // Packed rows hold each value once (RowsBuilder.build), so what is shared needs no further dedupe. A
  // national candidate's rows hold hundreds, so they are read in place.
  const municipalities: string[] = [];
  const { offsets: placesAt, targets: places } = actors.profileMunicipalities;
  for (let k = placesAt[c]!; k < placesAt[c + 1]!; k++) if (subject.places[places[k]!] === 1) municipalities.push(snapshot.municipalities.names[places[k]!]!);
  const families: string[] = [];
  const { offsets: familiesAt, targets: roots } = actors.families;
  for (let k = familiesAt[c]!; k < familiesAt[c + 1]!; k++) if (subject.families.includes(roots[k]!)) families.push(initiatives.names[roots[k]!]!);
  return {
    actorId: actors.ids[c]!,
    evidence: {
      sharedThemes: inSwedishOrder(membersOf(sharedThemes, 0, snapshot.themes.words).map((t) => snapshot.themes.labels[t]!)),
      sharedMunicipalities: inSwedishOrder(municipalities),
      sharedCounties: inSwedishOrder(membersOf(sharedCounties, 0, snapshot.counties.words).map((county) => snapshot.counties.names[county]!)),
      commonPartners: named.chosen.map((p) => actors.names[p] ?? ''),
      commonPartnerCount: partnerCount,
      families: inSwedishOrder(families),
    },
  };
}

/**
 * The first `count` actors offered, by name in Swedish order, equal names in the order offered: a kommun's
 * partner shares hundreds of partners with it, and only three are named, so they are picked, not sorted
 * (nor gathered first).
 */
export class FirstByName {
  readonly chosen: number[] = [];

  constructor(
    private readonly names: (string | null)[],
    private readonly count: number,
  ) {}

  offer(actor: number): void {
    const { chosen, names } = this;
    let at = chosen.length;
    while (at > 0 && swedish.compare(names[actor] ?? '', names[chosen[at - 1]!] ?? '') < 0) at--;
    if (at >= this.count) return;
    chosen.splice(at, 0, actor);
    if (chosen.length > this.count) chosen.pop();
  }
}

