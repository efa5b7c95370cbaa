import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fewestSharedThemesToReach, partnerReasons, partnerScore } from '../../server/network/partner-scoring.ts';

const none = { sharedThemes: [], sharedMunicipalities: [], sharedCounties: [], commonPartners: [], commonPartnerCount: 0, families: [] };

describe('partner scoring', () => {
  // The weights are written out as README.md states them, so that a changed weight in the code fails here.
  it('adds the weight README.md documents for each reason', () => {
    expect(partnerScore(none)).toBe(0);
    expect(partnerScore({ ...none, sharedThemes: ['ANDT'] })).toBe(1);
    expect(partnerScore({ ...none, sharedThemes: ['ANDT', 'Trygghet'] })).toBe(2);
    expect(partnerScore({ ...none, sharedMunicipalities: ['Fagersta'], sharedCounties: ['Västmanlands län'] })).toBe(2);
    expect(partnerScore({ ...none, sharedMunicipalities: ['Fagersta', 'Norberg'], sharedCounties: ['Västmanlands län'] })).toBe(2);
    expect(partnerScore({ ...none, sharedCounties: ['Västmanlands län'] })).toBe(1);
    expect(partnerScore({ ...none, commonPartners: ['A'], commonPartnerCount: 1 })).toBe(1.5);
    expect(partnerScore({ ...none, commonPartners: ['A', 'B'], commonPartnerCount: 2 })).toBe(3);
    expect(partnerScore({ ...none, commonPartners: ['A', 'B', 'C'], commonPartnerCount: 3 })).toBe(4.5);
    expect(partnerScore({ ...none, commonPartners: ['A', 'B', 'C'], commonPartnerCount: 5 })).toBe(4.5);
    expect(partnerScore({ ...none, families: ['Medborgarlöfte'] })).toBe(2);
    expect(partnerScore({ ...none, families: ['Medborgarlöfte', 'Vägen in'] })).toBe(2);
    expect(
      partnerScore({
        sharedThemes: ['ANDT', 'Trygghet', 'Integration'],
        sharedMunicipalities: ['Fagersta'],
        sharedCounties: ['Västmanlands län'],
        commonPartners: ['A', 'B', 'C'],
        commonPartnerCount: 4,
        families: ['Medborgarlöfte'],
      }),
    ).toBe(3 + 2 + 4.5 + 2);
  });

  it('is documented in README.md with the weights asserted above', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('\n');
    const section = readme.findIndex((line) => line.includes('`partnerSuggestions(forId)`'));
    expect(section, 'README.md describes partnerSuggestions').toBeGreaterThanOrEqual(0);
    const tableStart = readme.findIndex((line, index) => index > section && line.trim().startsWith('|'));
    const tableEnd = readme.findIndex((line, index) => index > tableStart && !line.trim().startsWith('|'));
    const rows = readme
      .slice(tableStart, tableEnd)
      .map((line) => line.trim().split('|').slice(1, -1).map((cell) => cell.trim()))
      .filter(([reason]) => /^`[A-Z_]+`$/.test(reason!));
    const adds = Object.fromEntries(rows.map(([reason, text]) => [reason!.replaceAll('`', ''), text!]));
    expect(Object.fromEntries(Object.entries(adds).map(([reason, text]) => [reason, Number.parseFloat(text)]))).toEqual({
      SHARED_THEME: 1.0,
      SAME_MUNICIPALITY: 2.0,
      SAME_COUNTY: 1.0,
      COMMON_PARTNER: 1.5,
      SAME_INITIATIVE_FAMILY: 2.0,
    });
    expect(adds.SHARED_THEME).toMatch(/per shared theme/);
    expect(adds.COMMON_PARTNER).toMatch(/at most three/);
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
    // By the documented weights: a common kommun adds 2, so 10 needs 8 themes; three common partners
    // (4.5) and a family (2) besides leave 1.5, so 2 themes; with those, 8.5 needs none.
    expect(fewestSharedThemesToReach(10)).toBe(8);
    expect(fewestSharedThemesToReach(10, { commonPartners: 3, families: 1 })).toBe(2);
    expect(fewestSharedThemesToReach(10, { commonPartners: 4, families: 1 })).toBe(2);
    expect(fewestSharedThemesToReach(8.5, { commonPartners: 3, families: 1 })).toBe(0);
    expect(fewestSharedThemesToReach(3.5, { commonPartners: 1, families: 0 })).toBe(0);
    expect(fewestSharedThemesToReach(4, { commonPartners: 1, families: 0 })).toBe(1);
  });
});
