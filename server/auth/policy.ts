import { forbidden, unauthenticated } from '../shared/errors.ts';
import type { Viewer } from './viewer.ts';

/** Every protected thing a caller may ask to do or see. */
export const actions = [
  'reviewRegistration',
  'updateOrganization',
  'claimParticipation',
  'reviewParticipation',
  'erasePerson',
  'exportPerson',
  'manageConsent',
  'readAuditLog',
  'listPendingRegistrations',
  'listReviewQueue',
  'seeContact',
  'seePossibleDuplicates',
  'createInitiative',
  'updateInitiative',
  'reviewInitiative',
  'createOrganization',
  'createPerson',
  'addParticipation',
  'updateParticipation',
  'removeParticipation',
  'addGrant',
  'updateGrant',
  'removeGrant',
  'addEvent',
  'mergeOrganizations',
  'createAccount',
  'changePassword',
  'importRegistry',
  'computeMeasures',
  'readMeasures',
] as const;
export type Action = (typeof actions)[number];

/** What the decision needs to know about the thing acted on. */
export interface Resource {
  /** The organisation acted on or for (a participation's actor, a person's organisation). */
  organizationId?: string | null;
  /** The kommuner the thing acts in. */
  municipalities?: string[];
  /** Kommuner the write reaches besides (an edit's new ones, the merged organisation's): a strategist needs these in scope too. */
  alsoMunicipalities?: string[];
  /** An initiative's confirmed lead organisations. */
  leadOrganizationIds?: string[];
  /** The organisation that made a claim for another, which may not confirm it itself. */
  claimedBy?: string | null;
  /** Whether the acting association's own organisation has been verified: only then does it write about others. */
  actingOrganizationVerified?: boolean;
}

export type Decision = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

type Rule = (viewer: Viewer, resource: Resource) => boolean;

const inScope: Rule = (viewer, resource) =>
  (resource.municipalities ?? []).some((code) => viewer.municipalities.includes(code)) &&
  (resource.alsoMunicipalities ?? []).every((code) => viewer.municipalities.includes(code));
const ownOrganization: Rule = (viewer, resource) => viewer.organizationId !== null && resource.organizationId === viewer.organizationId;
const leadsInitiative: Rule = (viewer, resource) =>
  viewer.organizationId !== null && (resource.leadOrganizationIds ?? []).includes(viewer.organizationId);
const verified: Rule = (_viewer, resource) => resource.actingOrganizationVerified === true;
const always: Rule = () => true;
const both =
  (...rules: Rule[]): Rule =>
  (viewer, resource) =>
    rules.every((rule) => rule(viewer, resource));
const either =
  (...rules: Rule[]): Rule =>
  (viewer, resource) =>
    rules.some((rule) => rule(viewer, resource));

/** A claim about an organisation that someone else made: that organisation may confirm it. */
const claimAboutOwn: Rule = (viewer, resource) => ownOrganization(viewer, resource) && resource.claimedBy !== viewer.organizationId;

/**
 * Per role, the actions it may take and on what. Anything not listed is forbidden. A strategist writes
 * within its kommuner; a verified association writes its own profile, the initiatives it leads, and
 * claims about others that wait for review; researchers and the public write nothing.
 */
const rules: Record<NonNullable<Viewer['role']>, Partial<Record<Action, Rule>>> = {
  // An admin may do everything, but claims only for an organisation of its own, which it does not have.
  ADMIN: { ...Object.fromEntries(actions.map((action) => [action, always])), claimParticipation: ownOrganization },
  STRATEGIST: {
    reviewRegistration: inScope,
    updateOrganization: inScope,
    reviewParticipation: inScope,
    manageConsent: inScope,
    listPendingRegistrations: always,
    listReviewQueue: always,
    seeContact: inScope,
    seePossibleDuplicates: inScope,
    createInitiative: inScope,
    updateInitiative: inScope,
    reviewInitiative: inScope,
    createOrganization: inScope,
    createPerson: inScope,
    addParticipation: inScope,
    updateParticipation: inScope,
    removeParticipation: inScope,
    addGrant: inScope,
    updateGrant: inScope,
    removeGrant: inScope,
    addEvent: inScope,
    mergeOrganizations: inScope,
    importRegistry: inScope,
    changePassword: always,
    computeMeasures: always,
    readMeasures: always,
  },
  ASSOCIATION: {
    updateOrganization: ownOrganization,
    claimParticipation: ownOrganization,
    reviewParticipation: either(leadsInitiative, claimAboutOwn),
    seeContact: ownOrganization,
    createInitiative: verified,
    updateInitiative: both(verified, leadsInitiative),
    createOrganization: verified,
    createPerson: both(verified, ownOrganization),
    addParticipation: both(verified, either(ownOrganization, leadsInitiative)),
    updateParticipation: both(verified, either(ownOrganization, leadsInitiative)),
    removeParticipation: both(verified, either(ownOrganization, leadsInitiative)),
    addGrant: both(verified, leadsInitiative),
    updateGrant: both(verified, leadsInitiative),
    removeGrant: both(verified, leadsInitiative),
    addEvent: both(verified, leadsInitiative),
    changePassword: always,
  },
  RESEARCHER: { changePassword: always, computeMeasures: always, readMeasures: always },
};

/** The one place where access is decided. */
export function decide(viewer: Viewer, action: Action, resource: Resource = {}): Decision {
  if (viewer.role === null) return 'UNAUTHENTICATED';
  return rules[viewer.role][action]?.(viewer, resource) ? 'ALLOW' : 'FORBIDDEN';
}

export function allows(viewer: Viewer, action: Action, resource: Resource = {}): boolean {
  return decide(viewer, action, resource) === 'ALLOW';
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless the viewer may take the action. */
export function authorize(viewer: Viewer, action: Action, resource: Resource = {}): void {
  const decision = decide(viewer, action, resource);
  if (decision === 'UNAUTHENTICATED') throw unauthenticated();
  if (decision === 'FORBIDDEN') throw forbidden(`Not allowed to ${action}`, `Inte tillåtet att ${action}`);
}

/**
 * What a strategist or an admin enters is VERIFIED or CONFIRMED at once; what an association enters
 * about others or as a new initiative waits for review.
 */
export function writesTrusted(viewer: Viewer): boolean {
  return viewer.role === 'STRATEGIST' || viewer.role === 'ADMIN';
}
