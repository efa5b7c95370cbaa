import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeParticipations } from '../../server/repositories/participations.ts';
import { newId } from '../../server/shared/ids.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Heby (0331) is used by no other test file, so the network asked about here is this file's.
const kommun = '0331';

describe('the network as of a day', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Tidpunkt');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const [p, q, r, u] = await createInitiatives(db, [
      { name: `${token} P`, start: '2018', end: '2019', themes: ['andt'], municipalities: [kommun] },
      { name: `${token} Q`, start: '2020-03', themes: ['andt'], municipalities: [kommun] },
      { name: `${token} R`, start: '2020-06', end: '2020-08', themes: ['andt'], municipalities: [kommun] },
      { name: `${token} U, odaterad`, themes: ['andt'], municipalities: [kommun] },
    ]);
    const [a, b, c, d] = await createOrganizations(db, ['A', 'B', 'C', 'D'].map((letter) => ({ name: `${token} ${letter}` })));
    Object.assign(ids, { p, q, r, u, a, b, c, d });
    const participation = (actor: string, initiative: string, since: string | null, until: string | null) => ({
      id: newId(), actor, initiative, role: 'PARTNER' as const, since, until, status: 'CONFIRMED' as const, sources: [],
    });
    await db.write((tx) =>
      writeParticipations(
        tx,
        [
          participation(a!, p!, null, null), // the initiative's period: 2018 to 2019
          participation(b!, p!, '2019-06', null), // from June 2019 to the initiative's end
          participation(b!, q!, null, null), // from March 2020, still running
          participation(c!, q!, null, '2020-12'), // from the initiative's start to December 2020
          participation(d!, u!, null, null), // no period at all: on no day
        ],
        { mode: 'create', author: 'test' },
      ),
    );
  });
  afterAll(() => removeNodes(db, Object.values(ids)));

  const letters = (names: string[]) => names.filter((name) => name.startsWith(token)).map((name) => name.slice(token.length + 1, token.length + 2)).sort();

  const actorsOn = async (filter: Record<string, unknown>) => {
    const data = await client().data<{ actors: { edges: { node: { name: string } }[] } }>(
      'query ($filter: ActorFilter) { actors(filter: $filter, first: 100) { edges { node { name } } } }',
      { filter },
    );
    return letters(data.actors.edges.map((edge) => edge.node.name));
  };

  it('counts an actor on a day when one of its participations ran then, by its own period or else its initiative’s', async () => {
    expect(await actorsOn({ municipalities: [kommun] })).toEqual(['A', 'B', 'C', 'D']);
    expect(await actorsOn({ municipalities: [kommun], asOf: '2018-06-01' })).toEqual(['A']);
    expect(await actorsOn({ municipalities: [kommun], asOf: '2019-07-01' })).toEqual(['A', 'B']);
    expect(await actorsOn({ municipalities: [kommun], asOf: '2020-06-01' })).toEqual(['B', 'C']);
    expect(await actorsOn({ municipalities: [kommun], asOf: '2021-06-01' })).toEqual(['B']);
  });

  it('reads themes and places through the participations of that day, whichever filter the page starts from', async () => {
    expect(await actorsOn({ themes: ['andt'], municipalities: [kommun], asOf: '2019-07-01' })).toEqual(['A', 'B']);
    expect(await actorsOn({ counties: ['03'], themes: ['andt'], asOf: '2021-06-01' })).toEqual(['B']);
    expect(await actorsOn({ themes: ['andt'], asOf: '2018-06-01' })).toContain('A');
    expect(await actorsOn({ themes: ['andt'], asOf: '2018-06-01' })).not.toContain('B');
  });

  it('lists the initiatives whose period covers the day', async () => {
    const initiativesOn = async (asOf: string) => {
      const data = await client().data<{ initiatives: { edges: { node: { name: string } }[] } }>(
        'query ($filter: InitiativeFilter) { initiatives(filter: $filter, first: 100) { edges { node { name } } } }',
        { filter: { municipalities: [kommun], asOf } },
      );
      return letters(data.initiatives.edges.map((edge) => edge.node.name));
    };
    expect(await initiativesOn('2019-12-31')).toEqual(['P']);
    expect(await initiativesOn('2020-07-15')).toEqual(['Q', 'R']);
    expect(await initiativesOn('2030-01-01')).toEqual(['Q']);
    expect(await initiativesOn('2017-12-31')).toEqual([]);
  });

  it('pairs overlaps that existed on the day, and measures a running period up to that day rather than today', async () => {
    const overlapsOn = async (filter: Record<string, unknown>) => {
      const data = await client().data<{ overlaps: { a: { name: string }; b: { name: string }; overlappingDays: number | null }[] }>(
        'query ($filter: OverlapFilter) { overlaps(filter: $filter, first: 100) { a { name } b { name } overlappingDays } }',
        { filter: { municipalities: [kommun], ...filter } },
      );
      return data.overlaps
        .filter((o) => o.a.name.startsWith(token) && o.b.name.startsWith(token))
        .map((o) => ({ pair: letters([o.a.name, o.b.name]).join(''), days: o.overlappingDays }));
    };
    const today = await overlapsOn({});
    expect(today.find((o) => o.pair === 'QR')?.days).toBe(92); // all of R: June to August 2020
    expect(await overlapsOn({ asOf: '2020-07-01' })).toEqual([{ pair: 'QR', days: 31 }]); // 1 June to 1 July
    expect(await overlapsOn({ asOf: '2021-01-01' })).toEqual([]);
    expect(await overlapsOn({ asOf: '2020-07-01', activeOn: '2019' })).toEqual([]);
  });

  it('finds a path only through participations that ran on the day', async () => {
    const pathOn = async (from: string, to: string, asOf?: string) => {
      const data = await client().data<{ path: { length: number } | null }>(
        'query ($from: ID!, $to: ID!, $asOf: Date) { path(fromId: $from, toId: $to, asOf: $asOf) { length } }',
        { from, to, asOf },
      );
      return data.path?.length ?? null;
    };
    expect(await pathOn(ids.a!, ids.c!)).toBe(4);
    expect(await pathOn(ids.a!, ids.c!, '2020-06-01')).toBeNull();
    expect(await pathOn(ids.b!, ids.c!, '2020-06-01')).toBe(2);
    expect(await pathOn(ids.b!, ids.c!, '2021-06-01')).toBeNull();
    expect(await pathOn(ids.a!, ids.b!, '2019-07-01')).toBe(2);
    expect(await pathOn(ids.a!, ids.b!, '2018-06-01')).toBeNull();
  });

  it('refuses a year or a month, naming the field', async () => {
    for (const [query, variables, field] of [
      ['query ($f: ActorFilter) { actors(filter: $f) { edges { cursor } } }', { f: { asOf: '2020' } }, 'filter.asOf'],
      ['query ($f: InitiativeFilter) { initiatives(filter: $f) { edges { cursor } } }', { f: { asOf: '2020-09' } }, 'filter.asOf'],
      ['query ($f: OverlapFilter) { overlaps(filter: $f) { score } }', { f: { asOf: '2020-02' } }, 'filter.asOf'],
      [`query { path(fromId: "${ids.a}", toId: "${ids.b}", asOf: "2020") { length } }`, {}, 'asOf'],
    ] as const) {
      const response = await client().graphql(query, variables);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
