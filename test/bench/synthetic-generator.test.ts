import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { countiesFile, municipalitiesFile, themesFile } from '../../server/reference/data-files.ts';
import { organizationNumber } from '../../server/accounts/inputs.ts';
import { parsePartialDate } from '../../server/shared/partial-date.ts';
import { networkBatches, type Batch } from '../../bench/synthetic/network.ts';
import { backboneSize, countsAtScaleOne, DEFAULT_SEED, planNetwork } from '../../bench/synthetic/plan.ts';
import { sampleSubjects } from '../../bench/synthetic/samples.ts';
import { countBatch, Tally } from '../../bench/synthetic/tally.ts';

/** A digest of everything the generator makes, so that two networks compare in one value. */
function digest(scale: number, seed: number): string {
  const hash = createHash('sha256');
  for (const batch of networkBatches(planNetwork(scale, seed), 5_000)) hash.update(JSON.stringify(batch));
  return hash.digest('hex');
}

function tally(scale: number): Tally {
  const result = new Tally();
  for (const batch of networkBatches(planNetwork(scale, DEFAULT_SEED), 5_000)) result.add(countBatch(batch));
  return result;
}

const municipalityCodes = new Set(municipalitiesFile().municipalities.map((m) => m.code));
const countyOfKommun = new Map(municipalitiesFile().municipalities.map((m) => [m.code, m.county]));
const countyCodes = new Set(countiesFile().counties.map((c) => c.code));
const themeKeys = new Set(themesFile().themes.map((t) => t.key));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Generating scale 0.25 (about 30 000 nodes and 150 000 relationships) takes a few seconds.
describe('the synthetic network generator', { timeout: 120_000 }, () => {
  /** Scale 0.25, gathered once; the tests below look at it from different sides. */
  const batches: Batch[] = [];
  beforeAll(() => {
    for (const batch of networkBatches(planNetwork(0.25, DEFAULT_SEED), 5_000)) batches.push(batch);
  });
  type RowOf<T extends Batch['type']> = Extract<Batch, { type: T }>['rows'][number];
  const rowsOf = <T extends Batch['type']>(type: T): RowOf<T>[] => batches.filter((b) => b.type === type).flatMap((b) => b.rows as RowOf<T>[]);
  const organizations = () => rowsOf('organizations');
  const associations = () => organizations().filter((o) => o.kind === 'ASSOCIATION');

  it('makes the same network from the same seed, and another from another seed', () => {
    const first = digest(0.01, DEFAULT_SEED);
    expect(digest(0.01, DEFAULT_SEED)).toBe(first);
    expect(digest(0.01, 7)).not.toBe(first);
  });

  it('multiplies every entity count by the scale, and keeps the fixed backbone', () => {
    for (const scale of [0.01, 0.25, 1, 4]) {
      const plan = planNetwork(scale, DEFAULT_SEED);
      expect(plan.associations.total).toBe(Math.round(countsAtScaleOne.associations * scale));
      expect(plan.roleModels.total).toBe(Math.round(countsAtScaleOne.roleModels * scale));
      expect(plan.businesses.total).toBe(Math.round(countsAtScaleOne.businesses * scale));
      expect(plan.initiatives.total).toBe(Math.round(countsAtScaleOne.initiatives * scale));
      expect(plan.units.total + plan.offices.total).toBe(Math.round((countsAtScaleOne.publicSector - backboneSize) * scale));
      // A fifth of the initiatives are parts of a whole.
      const parts = plan.initiatives.families.total - plan.initiatives.families.groups;
      expect(parts / plan.initiatives.total).toBeCloseTo(0.2, 1);
    }
    expect(backboneSize + planNetwork(1, DEFAULT_SEED).units.total + planNetwork(1, DEFAULT_SEED).offices.total).toBe(countsAtScaleOne.publicSector);

    const small = tally(0.05);
    const larger = new Tally();
    for (const batch of batches) larger.add(countBatch(batch));
    expect(larger.labels.Association).toBe(5 * small.labels.Association!);
    expect(larger.labels.Initiative).toBe(5 * small.labels.Initiative!);
    for (const type of ['HAS_THEME', 'IN_MUNICIPALITY']) {
      expect(larger.types[type]! / small.types[type]!, type).toBeGreaterThan(4.5);
      expect(larger.types[type]! / small.types[type]!, type).toBeLessThan(5.5);
    }
    // Participations grow a little faster: at small scales a small kommun has too few associations to fill a large network.
    expect(larger.types.PARTICIPATES_IN! / small.types.PARTICIPATES_IN!).toBeGreaterThan(4.5);
    expect(larger.types.PARTICIPATES_IN! / small.types.PARTICIPATES_IN!).toBeLessThan(6);
  });

  it('is skewed: a few hubs in very many initiatives, most associations in few or none', () => {
    const perActor = new Map<string, number>();
    for (const p of rowsOf('participations')) perActor.set(p.actor, (perActor.get(p.actor) ?? 0) + 1);
    const actors = organizations().length + rowsOf('roleModels').length;
    const counts = [...perActor.values()].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    const topShare = counts.slice(0, Math.ceil(actors / 100)).reduce((a, b) => a + b, 0) / total;
    // Were participations spread evenly, the busiest 1% of actors would hold about 1% of them.
    expect(topShare).toBeGreaterThan(0.15);
    expect(counts[0]).toBeGreaterThan(100);

    const busyAssociations = associations().filter((a) => (perActor.get(a.id) ?? 0) > 2).length;
    expect(busyAssociations / associations().length).toBeLessThan(0.25);
    expect(associations().filter((a) => !perActor.has(a.id)).length / associations().length).toBeGreaterThan(0.25);
    // The hubs are kommuner and authorities; the busiest association stays well below them.
    const busiestAssociation = Math.max(...associations().map((a) => perActor.get(a.id) ?? 0));
    expect(busiestAssociation).toBeLessThan(counts[9]!);
  });

  it('puts the big cities first and leaves a long tail of small kommuner', () => {
    const perKommun = new Map<string, number>([...municipalityCodes].map((code) => [code, 0]));
    for (const a of associations()) perKommun.set(a.municipalities[0]!, perKommun.get(a.municipalities[0]!)! + 1);
    const ranked = [...perKommun.entries()].sort((a, b) => b[1] - a[1]);
    expect(ranked.slice(0, 4).map(([code]) => code)).toEqual(['0180', '1480', '1280', '0380']);
    expect(ranked[0]![1]).toBeGreaterThan(20 * median([...perKommun.values()]));
  });

  it('uses themes unevenly', () => {
    const perTheme = new Map<string, number>([...themeKeys].map((key) => [key, 0]));
    for (const row of [...organizations(), ...rowsOf('initiatives')]) for (const key of row.themes) perTheme.set(key, perTheme.get(key)! + 1);
    const uses = [...perTheme.values()];
    expect(Math.min(...uses)).toBeGreaterThan(0);
    expect(Math.max(...uses)).toBeGreaterThan(10 * Math.min(...uses));
  });

  it('has participants act mostly in the initiative’s kommun or län', () => {
    const placeOf = new Map(associations().map((a) => [a.id, a.municipalities[0]!]));
    const countiesOf = new Map(rowsOf('initiatives').map((i) => [i.id, new Set(i.municipalities.map((code) => countyOfKommun.get(code)))]));
    const near = rowsOf('participations').filter((p) => placeOf.has(p.actor));
    const inCounty = near.filter((p) => countiesOf.get(p.initiative)!.has(countyOfKommun.get(placeOf.get(p.actor)!)));
    expect(inCounty.length / near.length).toBeGreaterThan(0.9);
  });

  it('gives every organisation with a number a valid and unique organisationsnummer, associations all of them', () => {
    const numbers = organizations().flatMap((o) => (o.organizationNumber ? [o.organizationNumber] : []));
    for (const number of numbers) expect(organizationNumber.safeParse(number), number).toMatchObject({ success: true, data: number });
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const association of associations()) expect(association.organizationNumber).toMatch(/^8\d{5}-\d{4}$/);
    expect(associations().filter((a) => a.status === 'PENDING').length / associations().length).toBeCloseTo(0.03, 1);
  });

  it('refers only to the reference data’s kommuner and themes, and only to entities it made', () => {
    const places = [...organizations(), ...rowsOf('roleModels'), ...rowsOf('initiatives')];
    for (const row of places) {
      for (const code of row.municipalities) expect(municipalityCodes.has(code), code).toBe(true);
      for (const key of row.themes) expect(themeKeys.has(key), key).toBe(true);
      expect(new Set(row.themes).size).toBe(row.themes.length);
    }
    const actorIds = new Set([...organizations(), ...rowsOf('roleModels')].map((row) => row.id));
    const initiativeIds = new Set(rowsOf('initiatives').map((row) => row.id));
    expect(actorIds.size).toBe(organizations().length + rowsOf('roleModels').length);
    const seen = new Set<string>();
    for (const p of rowsOf('participations')) {
      expect(actorIds.has(p.actor)).toBe(true);
      expect(initiativeIds.has(p.initiative)).toBe(true);
      const pair = `${p.actor}|${p.initiative}`;
      expect(seen.has(pair), pair).toBe(false);
      seen.add(pair);
    }
    for (const { partOf } of rowsOf('initiatives')) if (partOf) expect(initiativeIds.has(partOf)).toBe(true);
    for (const { parent } of organizations()) if (parent) expect(actorIds.has(parent)).toBe(true);
    for (const { organization } of rowsOf('roleModels')) if (organization) expect(actorIds.has(organization)).toBe(true);
  });

  it('makes whatever a row links to in an earlier batch, since the writer links a node as it creates it', () => {
    const linksOf = (batch: Batch): (string | null | undefined)[] => {
      switch (batch.type) {
        case 'organizations':
          return batch.rows.map((row) => row.parent);
        case 'roleModels':
          return batch.rows.map((row) => row.organization);
        case 'initiatives':
          return batch.rows.map((row) => row.partOf);
        case 'participations':
          return batch.rows.flatMap((row) => [row.actor, row.initiative]);
      }
    };
    const written = new Set<string>();
    const notYetWritten: string[] = [];
    for (const batch of batches) {
      for (const target of linksOf(batch)) if (target && !written.has(target)) notYetWritten.push(target);
      if (batch.type !== 'participations') for (const row of batch.rows) written.add(row.id);
    }
    expect(notYetWritten).toEqual([]);
  });

  it('dates initiatives and participations as the service stores partial dates', () => {
    const initiatives = rowsOf('initiatives');
    for (const i of initiatives) {
      expect(i.startFirst).toBe(i.start ? parsePartialDate(i.start)!.first : null);
      expect(i.endLast).toBe(i.end ? parsePartialDate(i.end)!.last : null);
      if (i.startFirst && i.endLast) expect(i.startFirst <= i.endLast, `${i.start}–${i.end}`).toBe(true);
      if (i.start) expect(i.start.slice(0, 4) >= '2015' && i.start.slice(0, 4) <= '2026').toBe(true);
    }
    expect(initiatives.filter((i) => !i.start && !i.end).length / initiatives.length).toBeGreaterThan(0.04);
    expect(initiatives.filter((i) => i.start && !i.end).length / initiatives.length).toBeGreaterThan(0.05);
    expect(new Set(initiatives.map((i) => i.kind))).toEqual(new Set(['PROJECT', 'PROGRAMME', 'AGREEMENT', 'DECLARATION', 'NETWORK', 'ACTIVITY']));

    const participations = rowsOf('participations');
    for (const p of participations) {
      expect(p.sinceFirst).toBe(p.since ? parsePartialDate(p.since)!.first : null);
      expect(p.untilLast).toBe(p.until ? parsePartialDate(p.until)!.last : null);
      if (p.sinceFirst && p.untilLast) expect(p.sinceFirst <= p.untilLast).toBe(true);
    }
    const claimed = participations.filter((p) => p.status === 'CLAIMED').length / participations.length;
    expect(claimed).toBeGreaterThan(0.01);
    expect(claimed).toBeLessThan(0.1);
  });

  it('samples benchmark subjects deterministically, from things that exist', () => {
    const subjects = sampleSubjects(0.25, DEFAULT_SEED, 200);
    expect(sampleSubjects(0.25, DEFAULT_SEED, 200)).toEqual(subjects);
    const verified = new Set(organizations().filter((o) => o.status === 'VERIFIED').map((o) => o.id));
    for (const id of subjects.organizationIds) expect(verified.has(id), id).toBe(true);
    // Hubs come up again and again, as they do in real traffic.
    expect(new Set(subjects.organizationIds).size).toBeLessThan(subjects.organizationIds.length);
    const initiativeIds = new Set(rowsOf('initiatives').map((i) => i.id));
    for (const id of subjects.initiativeIds) expect(initiativeIds.has(id)).toBe(true);
    const initiatives = rowsOf('initiatives');
    for (const { county, theme } of subjects.countyThemes) {
      const hit = initiatives.some((i) => i.themes.includes(theme) && i.municipalities.some((code) => countyOfKommun.get(code) === county));
      expect(hit, `${county} ${theme}`).toBe(true);
    }
    for (const code of subjects.counties) expect(countyCodes.has(code)).toBe(true);
    for (const code of subjects.municipalities) expect(municipalityCodes.has(code)).toBe(true);
    const text = initiatives.map((i) => `${i.name} ${i.description}`.toLowerCase()).join(' ');
    for (const word of subjects.searchWords) expect(text.includes(word), word).toBe(true);
    expect(new Set(subjects.searchWords).size).toBeGreaterThan(10);
  });
});
