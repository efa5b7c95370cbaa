import type { ActorKind, InitiativeKind } from '../gql/graphql';

export const actorKindLabel: Record<ActorKind, string> = {
  ASSOCIATION: 'Förening',
  AUTHORITY: 'Myndighet',
  MUNICIPAL_UNIT: 'Kommunal verksamhet',
  ROLE_MODEL: 'Förebild',
  BUSINESS: 'Företag',
  PERSON: 'Person',
};

export const initiativeKindLabel: Record<InitiativeKind, string> = {
  PROJECT: 'Projekt',
  PROGRAMME: 'Program',
  AGREEMENT: 'Överenskommelse',
  DECLARATION: 'Avsiktsförklaring',
  NETWORK: 'Nätverk',
  ACTIVITY: 'Aktivitet',
};

export const roleLabel: Record<string, string> = {
  LEAD: 'Projektägare',
  CO_APPLICANT: 'Medsökande',
  PARTNER: 'Partner',
  FUNDER: 'Finansiär',
  SIGNATORY: 'Undertecknare',
  MEMBER: 'Medlem',
  CONTACT: 'Kontaktperson',
  IMPLEMENTING: 'Genomförande',
};

export const reasonLabel: Record<string, string> = {
  SHARED_THEME: 'Gemensamt tema',
  SAME_MUNICIPALITY: 'Samma kommun',
  SAME_COUNTY: 'Samma län',
  COMMON_PARTNER: 'Gemensam partner',
  SAME_INITIATIVE_FAMILY: 'Samma initiativfamilj',
};

export const actorKinds = Object.keys(actorKindLabel) as ActorKind[];
export const initiativeKinds = Object.keys(initiativeKindLabel) as InitiativeKind[];

export function kindLabel(kind: string): string {
  return actorKindLabel[kind as ActorKind] ?? initiativeKindLabel[kind as InitiativeKind] ?? kind;
}

/** A partial ISO date ("2020", "2020-09", "2020-09-08") as a Swede reads it. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const [year, month, day] = date.split('-');
  if (!month) return year ?? '';
  const monthName = new Date(Date.UTC(2000, Number(month) - 1, 1)).toLocaleString('sv-SE', { month: 'long', timeZone: 'UTC' });
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

export function formatPeriod(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return 'Period okänd';
  if (!end) return `Från ${formatDate(start)}, pågår`;
  if (!start) return `Till ${formatDate(end)}`;
  return `${formatDate(start)} – ${formatDate(end)}`;
}
