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
const inside: Resource = { organizationId: own, municipalities: ['1982'], leadOrganizationIds: [own] };
const outside: Resource = { organizationId: 'org-other', municipalities: ['0180'], leadOrganizationIds: ['org-other'] };

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
});
