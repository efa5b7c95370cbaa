import { actorKindLabel } from '../lib/labels';

/** One colour per kind of actor and one for initiatives, distinct enough for common colour blindness. */
export const kindColors: Record<string, string> = {
  ASSOCIATION: '#2e7d32',
  AUTHORITY: '#1b5e8c',
  MUNICIPAL_UNIT: '#6a1b9a',
  ROLE_MODEL: '#e65100',
  BUSINESS: '#8d6e00',
  PERSON: '#616161',
  INITIATIVE: '#c2185b',
};

export const legend: { key: string; label: string }[] = [
  ...Object.entries(actorKindLabel).map(([key, label]) => ({ key, label })),
  { key: 'INITIATIVE', label: 'Initiativ' },
];

export function colorOf(kind: string, isInitiative: boolean): string {
  return kindColors[isInitiative ? 'INITIATIVE' : kind] ?? '#616161';
}
