import { describe, expect, it } from 'vitest';
import { participationFromRow, participationRow, type ParticipationRow } from '../../server/actors/participation-rows.ts';

describe('participation rows', () => {
  it('names the initiative columns only when the initiative is read', () => {
    expect(participationRow('r', 'i', false)).toBe('[r.role, r.since, r.until, r.status, coalesce(r.sources, []), i.id]');
    expect(participationRow('r', 'i', true)).toBe(
      '[r.role, r.since, r.until, r.status, coalesce(r.sources, []), i.id, i.kind, i.name, i.description, i.start, i.end]',
    );
  });

  it('turns a row without its initiative into a participation that names it by id', () => {
    const row: ParticipationRow = ['PARTNER', '2021', null, 'CLAIMED', ['s1'], 'initiative-1'];
    expect(participationFromRow('actor-1', row)).toEqual({
      actorId: 'actor-1',
      initiativeId: 'initiative-1',
      role: 'PARTNER',
      since: '2021',
      until: null,
      status: 'CLAIMED',
      sourceIds: ['s1'],
    });
  });

  it('carries the initiative when the row holds it, each value in its own field', () => {
    const row: ParticipationRow = ['LEAD', null, '2024-06', 'CONFIRMED', [], 'initiative-2', 'PROJECT', 'Läxhjälp', 'Om läxor', '2020', null];
    expect(participationFromRow('actor-2', row)).toEqual({
      actorId: 'actor-2',
      initiativeId: 'initiative-2',
      role: 'LEAD',
      since: null,
      until: '2024-06',
      status: 'CONFIRMED',
      sourceIds: [],
      initiative: { id: 'initiative-2', kind: 'PROJECT', name: 'Läxhjälp', description: 'Om läxor', start: '2020', end: null },
    });
  });
});
