import type { OrganizationKind } from '../../server/actors/kinds.ts';
import type { Period } from './dates.ts';

/** The rows the loader writes, shaped as the service's stores read them (see seeds/loader/network.ts). */

export interface OrganizationRow {
  id: string;
  kind: OrganizationKind;
  name: string;
  description: string | null;
  organizationNumber: string | null;
  email: string | null;
  phone: string | null;
  status: 'VERIFIED' | 'PENDING';
  themes: string[];
  municipalities: string[];
}

export interface ConsentRow {
  id: string;
  purpose: string;
  givenBy: string;
  /** An ISO date-time. */
  givenAt: string;
}

export interface RoleModelRow {
  id: string;
  name: string;
  title: string;
  description: string;
  email: string | null;
  phone: string | null;
  /** Set only where a consent was recorded, as recordConsent does. */
  consent: ConsentRow | null;
  themes: string[];
  municipalities: string[];
}

export type InitiativeKind = 'PROJECT' | 'PROGRAMME' | 'AGREEMENT' | 'DECLARATION' | 'NETWORK' | 'ACTIVITY';

export interface InitiativeRow extends Period {
  id: string;
  kind: InitiativeKind;
  name: string;
  description: string;
  themes: string[];
  municipalities: string[];
}

export type Role = 'LEAD' | 'CO_APPLICANT' | 'PARTNER' | 'FUNDER' | 'SIGNATORY' | 'MEMBER' | 'CONTACT' | 'IMPLEMENTING';

export interface ParticipationRow {
  actor: string;
  initiative: string;
  role: Role;
  status: 'CONFIRMED' | 'CLAIMED';
  since: string | null;
  until: string | null;
  sinceFirst: string | null;
  untilLast: string | null;
}

/** A (:Organization)-[:PART_OF]->(:Organization) or (:Initiative)-[:PART_OF]->(:Initiative). */
export interface PartRow {
  part: string;
  whole: string;
}

export interface AffiliationRow {
  person: string;
  organization: string;
}
