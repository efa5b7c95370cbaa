import { describe, expect, it } from 'vitest';
import { actions, decide, type Action, type Decision, type Resource } from '../../server/auth/policy.ts';
import { anonymousViewer, type Viewer } from '../../server/auth/viewer.ts';

const own = 'org-own';
const viewers: Record<string, Viewer> = {
  anonymous: anonymousViewer,
  admin: { accountId: 'a', role: 'ADMIN', organizationId: null, municipalities: [] },
  strategist: { accountId: 's', role: 'STRATEGIST', organizationId: null, municipalities: ['1982'] },
  association: { accountId: 'o', role: 'ASSOCIATION', organizationId: own, municipalities: [] },
  researcher: { accountId: 'r', role: 'RESEARCHER', organizationId: null, municipalities: [] },
};

// The thing acted on: inside the strategist's kommun and the association's own, or neither.
// The association is verified in both; a claim about it was made by another organisation.
const inside: Resource = { organizationId: own, municipalities: ['1982'], leadOrganizationIds: [own], claimedBy: 'org-other', actingOrganizationVerified: true };
const outside: Resource = { organizationId: 'org-other', municipalities: ['0180'], leadOrganizationIds: ['org-other'], actingOrganizationVerified: true };

const A: Decision = 'ALLOW';
const F: Decision = 'FORBIDDEN';
const U: Decision = 'UNAUTHENTICATED';

// action: [anonymous, admin, strategist, association, researcher] on `inside`, then on `outside`.
const table: Record<Action, [Decision[], Decision[]]> = {
  reviewRegistration: [[U, A, A, F, F], [U, A, F, F, F]],
  updateOrganization: [[U, A, A, A, F], [U, A, F, F, F]],
  claimParticipation: [[U, F, F, A, F], [U, F, F, F, F]],
  reviewParticipation: [[U, A, A, A, F], [U, A, F, F, F]],
  erasePerson: [[U, A, F, F, F], [U, A, F, F, F]],
  exportPerson: [[U, A, F, F, F], [U, A, F, F, F]],
  manageConsent: [[U, A, A, F, F], [U, A, F, F, F]],
  readAuditLog: [[U, A, F, F, F], [U, A, F, F, F]],
  listPendingRegistrations: [[U, A, A, F, F], [U, A, A, F, F]],
  seeContact: [[U, A, A, A, F], [U, A, F, F, F]],
  seePossibleDuplicates: [[U, A, A, F, F], [U, A, F, F, F]],
  listReviewQueue: [[U, A, A, F, F], [U, A, A, F, F]],
  // A verified association may start an initiative (it leads it, and it waits for review) or enter an organisation anywhere.
  createInitiative: [[U, A, A, A, F], [U, A, F, A, F]],
  updateInitiative: [[U, A, A, A, F], [U, A, F, F, F]],
  reviewInitiative: [[U, A, A, F, F], [U, A, F, F, F]],
  createOrganization: [[U, A, A, A, F], [U, A, F, A, F]],
  createPerson: [[U, A, A, A, F], [U, A, F, F, F]],
  addParticipation: [[U, A, A, A, F], [U, A, F, F, F]],
  updateParticipation: [[U, A, A, A, F], [U, A, F, F, F]],
  removeParticipation: [[U, A, A, A, F], [U, A, F, F, F]],
  addGrant: [[U, A, A, A, F], [U, A, F, F, F]],
  updateGrant: [[U, A, A, A, F], [U, A, F, F, F]],
  removeGrant: [[U, A, A, A, F], [U, A, F, F, F]],
  addEvent: [[U, A, A, A, F], [U, A, F, F, F]],
  mergeOrganizations: [[U, A, A, F, F], [U, A, F, F, F]],
  createAccount: [[U, A, F, F, F], [U, A, F, F, F]],
  changePassword: [[U, A, A, A, A], [U, A, A, A, A]],
  importRegistry: [[U, A, A, F, F], [U, A, F, F, F]],
  // The measures are of the public network: researchers, strategists and admins, wherever it lies.
  computeMeasures: [[U, A, A, F, A], [U, A, A, F, A]],
  readMeasures: [[U, A, A, F, A], [U, A, A, F, A]],
};

describe('the access policy', () => {
  it('has a row for every action', () => {
    expect(Object.keys(table).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    it(`decides ${action} for every role, inside and outside its reach`, () => {
      const names = Object.keys(viewers);
      const decided = [inside, outside].map((resource) => names.map((name) => decide(viewers[name]!, action, resource)));
      expect(decided).toEqual(table[action]);
    });
  }

  it('lets an association that is not verified write nothing about others, not even within its own initiatives', () => {
    const unverified = { ...inside, actingOrganizationVerified: false };
    for (const action of ['createInitiative', 'updateInitiative', 'createOrganization', 'createPerson', 'addParticipation', 'addGrant', 'updateGrant', 'removeGrant', 'addEvent'] as const) {
      expect(decide(viewers.association!, action, unverified)).toBe(F);
    }
    expect(decide(viewers.association!, 'updateOrganization', unverified)).toBe(A);
  });

  it('keeps a strategist to writes all of whose kommuner are in its scope', () => {
    expect(decide(viewers.strategist!, 'updateInitiative', { municipalities: ['1982'], alsoMunicipalities: ['1982'] })).toBe(A);
    expect(decide(viewers.strategist!, 'updateInitiative', { municipalities: ['1982'], alsoMunicipalities: ['0180'] })).toBe(F);
    expect(decide(viewers.strategist!, 'mergeOrganizations', { municipalities: ['0180'], alsoMunicipalities: ['1982'] })).toBe(F);
  });

  it('lets an organisation confirm a claim about itself only when another organisation made it', () => {
    expect(decide(viewers.association!, 'reviewParticipation', { organizationId: own, claimedBy: 'org-other' })).toBe(A);
    expect(decide(viewers.association!, 'reviewParticipation', { organizationId: own, claimedBy: own })).toBe(F);
  });
});
