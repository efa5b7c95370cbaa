import type { OrganizationKind } from '../../server/actors/kinds.ts';
import type { Period } from './dates.ts';

/**
 * The rows the generator makes: what it decides about each entity. The writer turns them into the write
 * repositories' shapes, adding what is the same for every synthetic entity.
 */

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
  /** The kommun a unit is part of; only units have one. */
  parent?: string;
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
  /** The association the role model is active in, if any. */
  organization: string | null;
}

export type InitiativeKind = 'PROJECT' | 'PROGRAMME' | 'AGREEMENT' | 'DECLARATION' | 'NETWORK' | 'ACTIVITY';

export interface InitiativeRow extends Period {
  id: string;
  kind: InitiativeKind;
  name: string;
  description: string;
  themes: string[];
  municipalities: string[];
  /** The whole this initiative is a part of: a programme's project, an agreement's next term. */
  partOf: string | null;
}

export type Role = 'LEAD' | 'CO_APPLICANT' | 'PARTNER' | 'FUNDER' | 'SIGNATORY' | 'MEMBER' | 'CONTACT' | 'IMPLEMENTING';

export interface ParticipationRow {
  id: string;
  actor: string;
  initiative: string;
  role: Role;
  status: 'CONFIRMED' | 'CLAIMED';
  since: string | null;
  until: string | null;
  sinceFirst: string | null;
  untilLast: string | null;
}
