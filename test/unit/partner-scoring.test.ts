import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fewestSharedThemesToReach, partnerReasons, partnerScore, partnerWeights } from '../../server/network/partner-scoring.ts';

const none = { sharedThemes: [], sharedMunicipalities: [], sharedCounties: [], commonPartners: [], commonPartnerCount: 0, families: [] };

describe('partner scoring', () => {
  it('adds the documented weight for each reason', () => {
    expect(partnerScore(none)).toBe(0);
    expect(partnerScore({ ...none, sharedThemes: ['ANDT', 'Trygghet'] })).toBe(2 * partnerWeights.sharedTheme);
    expect(partnerScore({ ...none, sharedMunicipalities: ['Fagersta'], sharedCounties: ['Västmanlands län'] })).toBe(partnerWeights.sameMunicipality);
    expect(partnerScore({ ...none, sharedCounties: ['Västmanlands län'] })).toBe(partnerWeights.sameCounty);
    expect(partnerScore({ ...none, commonPartners: ['A', 'B'], commonPartnerCount: 2 })).toBe(2 * partnerWeights.commonPartner);
    expect(partnerScore({ ...none, commonPartners: ['A', 'B', 'C'], commonPartnerCount: 5 })).toBe(partnerWeights.commonPartnerCap * partnerWeights.commonPartner);
    expect(partnerScore({ ...none, families: ['Medborgarlöfte'] })).toBe(partnerWeights.sameFamily);
  });

  it('says each reason in Swedish, and the county only when no kommun is shared', () => {
    expect(partnerReasons({ ...none, sharedThemes: ['ANDT'], sharedMunicipalities: ['Fagersta'], sharedCounties: ['Västmanlands län'] })).toEqual([
      { kind: 'SHARED_THEME', detail: 'Arbetar också med ANDT' },
      { kind: 'SAME_MUNICIPALITY', detail: 'Verkar i samma kommun: Fagersta' },
    ]);
    expect(partnerReasons({ ...none, sharedCounties: ['Dalarnas län'], commonPartners: ['Polisen'], commonPartnerCount: 1, families: ['Vägen in'] }).map((r) => r.kind)).toEqual([
      'SAME_COUNTY',
      'COMMON_PARTNER',
      'SAME_INITIATIVE_FAMILY',
    ]);
  });

  it('names three common partners and counts the rest', () => {
    expect(partnerReasons({ ...none, commonPartners: ['Polisen'], commonPartnerCount: 1 })).toEqual([
      { kind: 'COMMON_PARTNER', detail: 'Gemensamma samarbetspartner: Polisen' },
    ]);
    expect(partnerReasons({ ...none, commonPartners: ['Avesta kommun', 'Orsa kommun', 'Polisen'], commonPartnerCount: 12 })).toEqual([
      { kind: 'COMMON_PARTNER', detail: 'Gemensamma samarbetspartner: Avesta kommun, Orsa kommun, Polisen och 9 till' },
    ]);
  });

  it('knows the fewest shared themes with which a candidate reaches a score, given its common partners and family', () => {
    const partners = ['Polisen', 'Orsa kommun', 'Avesta kommun', 'Röda Korset'];
    const evidence = fc.record({ commonPartners: fc.integer({ min: 0, max: 4 }), families: fc.integer({ min: 0, max: 1 }) });
    const withThemes = (count: number, rest: { commonPartners: number; families: number }) =>
      partnerScore({
        ...none,
        sharedThemes: Array.from({ length: count }, (_, i) => `tema ${i}`),
        sharedMunicipalities: ['Fagersta'],
        commonPartners: partners.slice(0, rest.commonPartners),
        commonPartnerCount: rest.commonPartners,
        families: rest.families ? ['Satsningen'] : [],
      });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }).map((halves) => halves / 2), evidence, (score, rest) => {
        const fewest = fewestSharedThemesToReach(score, rest);
        expect(withThemes(fewest, rest)).toBeGreaterThanOrEqual(score);
        if (fewest > 0) expect(withThemes(fewest - 1, rest)).toBeLessThan(score);
      }),
    );
    expect(fewestSharedThemesToReach(-Infinity)).toBe(0);
    expect(fewestSharedThemesToReach(10)).toBe(fewestSharedThemesToReach(10, { commonPartners: 0, families: 0 }));
  });
});
