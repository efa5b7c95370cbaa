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
  'seeContact',
  'seePossibleDuplicates',
] as const;
export type Action = (typeof actions)[number];

/** What the decision needs to know about the thing acted on. */
export interface Resource {
  /** The organisation acted on or for. */
  organizationId?: string | null;
  /** The kommuner the organisation or initiative acts in. */
  municipalities?: string[];
  /** An initiative's confirmed lead organisations. */
  leadOrganizationIds?: string[];
}

export type Decision = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

const inScope = (viewer: Viewer, resource: Resource) => (resource.municipalities ?? []).some((code) => viewer.municipalities.includes(code));
const ownOrganization = (viewer: Viewer, resource: Resource) =>
  viewer.organizationId !== null && resource.organizationId === viewer.organizationId;

/** Per role, the actions it may take and on what. Anything not listed is forbidden. */
const rules: Record<NonNullable<Viewer['role']>, Partial<Record<Action, (viewer: Viewer, resource: Resource) => boolean>>> = {
  // An admin may do everything, but claims only for an organisation of its own, which it does not have.
  ADMIN: { ...Object.fromEntries(actions.map((action) => [action, () => true])), claimParticipation: ownOrganization },
  STRATEGIST: {
    reviewRegistration: inScope,
    updateOrganization: inScope,
    reviewParticipation: inScope,
    manageConsent: inScope,
    listPendingRegistrations: () => true,
    seeContact: inScope,
    seePossibleDuplicates: inScope,
  },
  ASSOCIATION: {
    updateOrganization: ownOrganization,
    claimParticipation: ownOrganization,
    reviewParticipation: (viewer, resource) => viewer.organizationId !== null && (resource.leadOrganizationIds ?? []).includes(viewer.organizationId),
    seeContact: ownOrganization,
  },
  RESEARCHER: {},
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
  if (decision === 'FORBIDDEN') throw forbidden(`Not allowed to ${action}`);
}
