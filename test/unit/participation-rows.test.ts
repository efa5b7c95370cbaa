import { describe, expect, it } from 'vitest';
import { participationFromRow, participationRow, type ParticipationRow } from '../../server/actors/participation-rows.ts';

describe('participation rows', () => {
  it('names the initiative columns only when the initiative is read, and its description only when asked for', () => {
    const own = 'r.id, r.role, r.since, r.until, r.status, coalesce(r.sources, []), i.id';
    const summary = 'i.kind, i.name, i.start, i.end, i.status, i.version';
    expect(participationRow('r', 'i', 'none')).toBe(`[${own}]`);
    expect(participationRow('r', 'i', 'summary')).toBe(`[${own}, ${summary}]`);
    expect(participationRow('r', 'i', 'full')).toBe(`[${own}, ${summary}, i.description]`);
  });

  it('turns a row without its initiative into a participation that names it by id', () => {
    const row: ParticipationRow = ['p-1', 'PARTNER', '2021', null, 'CLAIMED', ['s1'], 'initiative-1'];
    expect(participationFromRow('actor-1', row)).toEqual({
      id: 'p-1',
      actorId: 'actor-1',
      initiativeId: 'initiative-1',
      role: 'PARTNER',
      since: '2021',
      until: null,
      status: 'CLAIMED',
      sourceIds: ['s1'],
    });
  });

  it('carries the initiative without a description when the row holds its summary', () => {
    const row: ParticipationRow = ['p-3', 'LEAD', null, null, 'CONFIRMED', [], 'initiative-3', 'NETWORK', 'Referensgruppen', '2019', '2021', 'VERIFIED', 2];
    const participation = participationFromRow('actor-3', row);
    expect(participation.initiative).toEqual({
      id: 'initiative-3',
      kind: 'NETWORK',
      name: 'Referensgruppen',
      start: '2019',
      end: '2021',
      status: 'VERIFIED',
      version: 2,
    });
    expect(participation.initiative).not.toHaveProperty('description');
  });

  it('carries the initiative when the row holds it, each value in its own field', () => {
    const row: ParticipationRow = ['p-2', 'LEAD', null, '2024-06', 'CONFIRMED', [], 'initiative-2', 'PROJECT', 'Läxhjälp', '2020', null, 'PENDING', 1, 'Om läxor'];
    expect(participationFromRow('actor-2', row)).toEqual({
      id: 'p-2',
      actorId: 'actor-2',
      initiativeId: 'initiative-2',
      role: 'LEAD',
      since: null,
      until: '2024-06',
      status: 'CONFIRMED',
      sourceIds: [],
      initiative: { id: 'initiative-2', kind: 'PROJECT', name: 'Läxhjälp', description: 'Om läxor', start: '2020', end: null, status: 'PENDING', version: 1 },
    });
  });
});
