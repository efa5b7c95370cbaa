import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { newId } from '../../server/shared/ids.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, removeNodes, uniqueToken, type InitiativeFixture } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Färgelanda (1439), Bengtsfors (1460), Dals-Ed (1438) and Essunga (1445) are used by no other test file,
// so the pairs found in them are this file's: a random network in the first two, a crowded kommun in
// Dals-Ed, and an initiative awaiting review in Essunga.
const RANDOM_PLACES = ['1439', '1460'];
const CROWDED = '1438';
const REVIEWED_PLACE = '1445';
const THEMES = ['andt', 'trygghet', 'bostad'];

const query = `query ($filter: OverlapFilter, $first: Int) { overlaps(filter: $filter, first: $first) {
  a { id name } b { id name } score overlappingDays sharedThemes { key } sharedMunicipalities { code } sharedParticipants { id }
} }`;

type Overlap = { a: { id: string; name: string }; b: { id: string; name: string }; score: number; overlappingDays: number | null };

/** An initiative of a random network: its themes, kommuner, period, and which earlier one it is part of. */
const initiativeShape = fc.record({
  themes: fc.subarray(THEMES, { minLength: 1 }),
  municipalities: fc.subarray(RANDOM_PLACES, { minLength: 1 }),
  start: fc.option(fc.constantFrom('2030', '2030-06', '2031', '2032-03'), { nil: null }),
  years: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  partOf: fc.option(fc.nat(), { nil: null }),
  withPartner: fc.boolean(),
});

type InitiativeShape = typeof initiativeShape extends fc.Arbitrary<infer T> ? T : never;

/** The other filters, each absent or set, as a caller may combine them with an initiative. */
const otherFilters = fc.record(
  {
    themes: fc.subarray(THEMES, { minLength: 1 }),
    municipalities: fc.subarray(RANDOM_PLACES, { minLength: 1 }),
    counties: fc.constant(['14']),
    activeOn: fc.constantFrom('2030', '2030-09', '2031-05', '2032'),
    asOf: fc.constantFrom('2030-10-01', '2031-07-01', '2033-01-15'),
  },
  { requiredKeys: [] },
);

/** Initiatives from their shapes, written parts after the wholes they belong to; returns their ids in order. */
async function createNetwork(db: Database, token: string, shapes: InitiativeShape[]): Promise<string[]> {
  const ids = shapes.map(() => newId());
  const fixtures: InitiativeFixture[] = shapes.map((shape, i) => ({
    id: ids[i]!,
    name: `${token} ${i}`,
    themes: shape.themes,
    municipalities: shape.municipalities,
    start: shape.start,
    end: shape.start && shape.years !== null ? String(Number(shape.start.slice(0, 4)) + shape.years) : null,
    partOf: shape.partOf !== null && i > 0 ? ids[shape.partOf % i]! : null,
  }));
  await createInitiatives(db, fixtures.filter((f) => !f.partOf));
  await createInitiatives(db, fixtures.filter((f) => f.partOf));
  return ids;
}

describe('overlaps of one initiative', () => {
  const db = useTestDatabase();
  // The first question waits for the index's full read, which on a busy machine can outlast the default
  // wait; what is asserted here is the answers, not how soon they come.
  const { client } = useTestService({ NEO4J_REQUEST_WAIT_MS: '30000' });
  const token = uniqueToken('Fargelanda');
  const created: string[] = [];
  const overlaps = async (filter: Record<string, unknown>, first = 100, headers = {}) =>
    (await client().data<{ overlaps: Overlap[] }>(query, { filter, first }, headers)).overlaps;

  // Everything is written before the first question, as the network index reads it whole then; the one
  // change made later (an approval) goes through the API, which the index follows.
  let random: string[];
  let alike: string[];
  let lesser: string;
  let visible: string;
  let pending: string;
  let strategist: TestAccount;

  beforeAll(async () => {
    const [shapes] = fc.sample(fc.array(initiativeShape, { minLength: 12, maxLength: 12 }), { seed: 1439, numRuns: 1 });
    random = await createNetwork(db, `${token} slump`, shapes!);
    const [partner] = await createOrganizations(db, [{ name: `${token} partner`, municipalities: [RANDOM_PLACES[0]!] }]);
    await createParticipations(db, shapes!.flatMap((shape, i) => (shape.withPartner ? [{ actor: partner!, initiative: random[i]!, role: 'PARTNER' }] : [])));

    // Twelve alike make 66 pairs of the highest score; the lesser one shares a theme with each, for part of their year.
    alike = await createInitiatives(
      db,
      Array.from({ length: 12 }, (_, i) => ({ name: `${token} lika ${i}`, themes: ['andt'], municipalities: [CROWDED], start: '2030', end: '2030' })),
    );
    [lesser] = (await createInitiatives(db, [
      { name: `${token} mindre`, themes: ['andt', 'trygghet'], municipalities: [CROWDED], start: '2030-07', end: '2031-06' },
    ])) as [string];

    const period = { themes: ['andt'], municipalities: [REVIEWED_PLACE], start: '2030', end: '2030' };
    const reviewed = await createInitiatives(db, [
      { name: `${token} synlig`, ...period },
      { name: `${token} granne`, ...period },
      { name: `${token} väntar`, status: 'PENDING', ...period },
    ]);
    [visible, , pending] = reviewed as [string, string, string];
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [REVIEWED_PLACE] });
    created.push(...random, partner!, ...alike, lesser, ...reviewed);
  });
  afterAll(() => removeNodes(db, created));

  it('are the pairs with that initiative among all pairs, in the same order, whatever the other filters', { timeout: 180_000 }, async () => {
    // Every pair of the random network is within the first 100 (it has 66 at most).
    const everyPair = await overlaps({ municipalities: RANDOM_PLACES });
    expect(everyPair.every((pair) => random.includes(pair.a.id) && random.includes(pair.b.id))).toBe(true);
    expect(everyPair.length).toBeGreaterThan(5);
    let withPairs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...random), otherFilters, async (id, filter) => {
        const all = await overlaps({ ...filter, municipalities: filter.municipalities ?? RANDOM_PLACES });
        const expected = all.filter((pair) => pair.a.id === id || pair.b.id === id);
        expect(await overlaps({ ...filter, initiative: id })).toEqual(expected);
        if (expected.length > 0) withPairs++;
      }),
      { numRuns: 40 },
    );
    // Some of the random questions had pairs to compare, not only empty answers.
    expect(withPairs).toBeGreaterThan(0);
    // With no other filter, each initiative's pairs are exactly its share of all pairs.
    const perInitiative = await Promise.all(random.map(async (id) => (await overlaps({ initiative: id })).length));
    expect(perInitiative.reduce((sum, count) => sum + count, 0)).toBe(2 * everyPair.length);
  });

  it('gives an initiative below the best 60 of its kommun and themes all its overlaps', async () => {
    const bestOfPlace = await overlaps({ municipalities: [CROWDED], themes: ['andt', 'trygghet'] }, 60);
    expect(bestOfPlace).toHaveLength(60);
    expect(bestOfPlace.filter((pair) => pair.a.id === lesser || pair.b.id === lesser)).toEqual([]);

    const own = await overlaps({ initiative: lesser }, 20);
    expect(own).toHaveLength(12);
    expect(own.every((pair) => pair.a.id === lesser || pair.b.id === lesser)).toBe(true);
    expect(new Set(own.map((pair) => (pair.a.id === lesser ? pair.b.id : pair.a.id)))).toEqual(new Set(alike));
    expect(Math.max(...own.map((pair) => pair.score))).toBeLessThan(Math.min(...bestOfPlace.map((pair) => pair.score)));
  });

  it('takes the first `first` of them, best first', async () => {
    const own = await overlaps({ initiative: lesser }, 100);
    expect(await overlaps({ initiative: lesser }, 5)).toEqual(own.slice(0, 5));
    const scores = own.map((pair) => pair.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('gives an initiative awaiting review no overlaps, even to a strategist who sees it, until it is approved', async () => {
    const initiative = `query ($id: ID!) { initiative(id: $id) { id } }`;
    expect((await client().data(initiative, { id: pending })).initiative).toBeNull();
    expect((await client().data(initiative, { id: pending }, strategist.headers)).initiative).toEqual({ id: pending });

    expect(await overlaps({ initiative: visible })).toHaveLength(1);
    expect(await overlaps({ initiative: pending })).toEqual([]);
    expect(await overlaps({ initiative: pending }, 100, strategist.headers)).toEqual([]);
    expect((await overlaps({ initiative: visible }, 100, strategist.headers)).flatMap((pair) => [pair.a.id, pair.b.id])).not.toContain(pending);

    await client().data(`mutation ($id: ID!) { reviewInitiative(id: $id, approve: true) { id } }`, { id: pending }, strategist.headers);
    expect(await overlaps({ initiative: pending })).toHaveLength(2);
    expect(await overlaps({ initiative: visible })).toHaveLength(2);
  });

  it('gives an id that names no initiative an empty list, and refuses one that is no id, naming filter.initiative', async () => {
    expect(await overlaps({ initiative: newId() })).toEqual([]);
    const response = await client().graphql(query, { filter: { initiative: 'inte-ett-id' } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.initiative' });
    expect(response.data).toBeNull();
  });
});
