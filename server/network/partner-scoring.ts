/**
 * How a partner suggestion is scored. A candidate is any visible actor that does not already work
 * with the subject (share a confirmed initiative with it, or take part in it). Each reason adds:
 */
export const partnerWeights = {
  /** per theme the candidate works on that the subject works on too */
  sharedTheme: 1.0,
  /** once, when they act in a common kommun */
  sameMunicipality: 2.0,
  /** once, when they share no kommun but a län */
  sameCounty: 1.0,
  /** per actor both have worked with, counting at most three */
  commonPartner: 1.5,
  commonPartnerCap: 3,
  /** once, when the candidate works in another part of the same family of initiatives */
  sameFamily: 2.0,
} as const;

/**
 * Common partners named in a reason; the rest are counted. A kommun shares partners with hundreds of
 * actors, a list nobody reads, and the score counts no more than three anyway.
 */
export const commonPartnersNamed = 3;

export interface PartnerEvidence {
  sharedThemes: string[];
  sharedMunicipalities: string[];
  sharedCounties: string[];
  /** At most `commonPartnersNamed`, the first by name. */
  commonPartners: string[];
  /** All of them, named or not. */
  commonPartnerCount: number;
  families: string[];
}

export type ReasonKind = 'SHARED_THEME' | 'SAME_MUNICIPALITY' | 'SAME_COUNTY' | 'COMMON_PARTNER' | 'SAME_INITIATIVE_FAMILY';

const list = (names: string[]) => names.join(', ');

/** The reasons behind a suggestion, each with a sentence in Swedish. */
export function partnerReasons(evidence: PartnerEvidence): { kind: ReasonKind; detail: string }[] {
  const reasons: { kind: ReasonKind; detail: string }[] = [];
  if (evidence.sharedThemes.length) reasons.push({ kind: 'SHARED_THEME', detail: `Arbetar också med ${list(evidence.sharedThemes)}` });
  if (evidence.sharedMunicipalities.length) {
    reasons.push({ kind: 'SAME_MUNICIPALITY', detail: `Verkar i samma kommun: ${list(evidence.sharedMunicipalities)}` });
  } else if (evidence.sharedCounties.length) {
    reasons.push({ kind: 'SAME_COUNTY', detail: `Verkar i samma län: ${list(evidence.sharedCounties)}` });
  }
  if (evidence.commonPartnerCount) {
    const unnamed = evidence.commonPartnerCount - evidence.commonPartners.length;
    reasons.push({ kind: 'COMMON_PARTNER', detail: `Gemensamma samarbetspartner: ${list(evidence.commonPartners)}${unnamed > 0 ? ` och ${unnamed} till` : ''}` });
  }
  if (evidence.families.length) reasons.push({ kind: 'SAME_INITIATIVE_FAMILY', detail: `Deltar i samma satsning: ${list(evidence.families)}` });
  return reasons;
}

/** How much of each kind of evidence there is. */
export interface EvidenceCounts {
  sharedThemes: number;
  sharedMunicipalities: number;
  sharedCounties: number;
  commonPartners: number;
  families: number;
}

/** The score of evidence of these sizes, by the weights above. */
export function scoreOfCounts(counts: EvidenceCounts): number {
  const w = partnerWeights;
  return (
    w.sharedTheme * counts.sharedThemes +
    (counts.sharedMunicipalities ? w.sameMunicipality : counts.sharedCounties ? w.sameCounty : 0) +
    w.commonPartner * Math.min(counts.commonPartners, w.commonPartnerCap) +
    (counts.families ? w.sameFamily : 0)
  );
}

/**
 * The fewest themes a candidate must share to reach `score`, with the most a common place adds besides
 * and the rest of its evidence as given (by default, neither a common partner nor a family); 0 when the
 * rest alone could reach it.
 */
export function fewestSharedThemesToReach(score: number, rest: { commonPartners: number; families: number } = { commonPartners: 0, families: 0 }): number {
  const inAKommun = scoreOfCounts({ sharedThemes: 0, sharedMunicipalities: 1, sharedCounties: 1, ...rest });
  const inACounty = scoreOfCounts({ sharedThemes: 0, sharedMunicipalities: 0, sharedCounties: 1, ...rest });
  return Math.max(0, Math.ceil((score - Math.max(inAKommun, inACounty)) / partnerWeights.sharedTheme));
}

/** The score of the evidence, by the weights above. */
export function partnerScore(evidence: PartnerEvidence): number {
  return scoreOfCounts({
    sharedThemes: evidence.sharedThemes.length,
    sharedMunicipalities: evidence.sharedMunicipalities.length,
    sharedCounties: evidence.sharedCounties.length,
    commonPartners: evidence.commonPartnerCount,
    families: evidence.families.length,
  });
}
