import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Kiruna (2584) and Gällivare (2523) are used by no other test file, so the pairs found here are this file's.
const query = `query ($filter: OverlapFilter) { overlaps(filter: $filter, first: 100) {
  a { name } b { name } score overlappingDays sharedThemes { key } sharedMunicipalities { code county { code } } sharedParticipants { name }
} }`;

type Overlap = { a: { name: string }; b: { name: string }; score: number; overlappingDays: number | null; sharedThemes: { key: string }[]; sharedParticipants: { name: string }[] };

describe('overlaps', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Overlapp');
  const ids: string[] = [];

  beforeAll(async () => {
    const [a, b] = await createInitiatives(db, [
      { name: `${token} A`, start: '2030-01', end: '2030-12', themes: ['andt', 'trygghet'], municipalities: ['2584'] },
      { name: `${token} B`, start: '2030-06', end: '2031-06', themes: ['andt'], municipalities: ['2584'] },
    ]);
    const others = await createInitiatives(db, [
      { name: `${token} C, del av A`, start: '2030', end: '2030', themes: ['andt'], municipalities: ['2584'], partOf: a },
      { name: `${token} D, senare`, start: '2035', end: '2035', themes: ['andt'], municipalities: ['2584'] },
      { name: `${token} E, annan kommun`, start: '2030', end: '2030', themes: ['andt'], municipalities: ['2523'] },
      { name: `${token} F, odaterad`, themes: ['andt', 'trygghet'], municipalities: ['2584'] },
      { name: `${token} G, annat tema`, start: '2030', end: '2030', themes: ['bostad'], municipalities: ['2584'] },
    ]);
    const [shared] = await createOrganizations(db, [{ name: `${token} gemensam` }]);
    await createParticipations(db, [
      { actor: shared!, initiative: a!, role: 'LEAD' },
      { actor: shared!, initiative: b!, role: 'PARTNER' },
    ]);
    ids.push(a!, b!, ...others, shared!);
  });
  afterAll(() => removeNodes(db, ids));

  const pairs = async (filter: Record<string, unknown>) => {
    const data = await client().data<{ overlaps: Overlap[] }>(query, { filter });
    const mine = data.overlaps.filter((o) => o.a.name.startsWith(token) && o.b.name.startsWith(token));
    return { all: mine, names: mine.map((o) => [o.a.name, o.b.name].map((n) => n.replace(`${token} `, '').charAt(0)).sort().join('')).sort() };
  };

  it('pairs initiatives of different families that share a theme and a kommun at the same time', async () => {
    const { names, all } = await pairs({ municipalities: ['2584'] });
    expect(names).toEqual(['AB', 'AF', 'BC', 'BF', 'CF', 'DF']);
    const scores = all.map((o) => o.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('says what a pair shares and for how many days', async () => {
    const { all } = await pairs({ municipalities: ['2584'] });
    const ab = all.find((o) => [o.a.name, o.b.name].sort().join() === [`${token} A`, `${token} B`].join())!;
    expect(ab.overlappingDays).toBe(214); // 2030-06-01 to 2030-12-31
    expect(ab.sharedThemes.map((t) => t.key)).toEqual(['andt']);
    expect(ab.sharedParticipants.map((p) => p.name)).toEqual([`${token} gemensam`]);
    expect(ab.score).toBeCloseTo(0.5 + 1 + 214 / 365, 5);
    const af = all.find((o) => [o.a.name, o.b.name].includes(`${token} F, odaterad`) && [o.a.name, o.b.name].includes(`${token} A`))!;
    expect(af.overlappingDays).toBeNull();
    expect(af.score).toBeCloseTo(1 + 1 + 0.5, 5);
  });

  it('filters by date, theme and län', async () => {
    expect((await pairs({ municipalities: ['2584'], activeOn: '2030-07' })).names).toEqual(['AB', 'BC']);
    expect((await pairs({ municipalities: ['2584'], activeOn: '2030-03' })).names).toEqual([]);
    expect((await pairs({ municipalities: ['2584'], themes: ['trygghet'] })).names).toEqual(['AF']);
    expect((await pairs({ counties: ['25'], themes: ['andt'] })).names).toEqual(['AB', 'AF', 'BC', 'BF', 'CF', 'DF']);
    expect((await pairs({ municipalities: ['2523'] })).names).toEqual([]);
  });

  it('refuses an unknown theme, kommun or date, naming the field', async () => {
    for (const [filter, field] of [
      [{ themes: ['okänt'] }, 'filter.themes[0]'],
      [{ municipalities: ['25'] }, 'filter.municipalities[0]'],
      [{ counties: ['2584'] }, 'filter.counties[0]'],
    ] as const) {
      const response = await client().graphql(query, { filter });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
