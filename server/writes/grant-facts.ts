import type { Resource } from '../auth/policy.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Transaction } from '../db/database.ts';
import type { InitiativeState } from '../repositories/initiatives.ts';
import { readGrantForUpdate, type GrantState } from '../repositories/grants.ts';
import { notFound } from '../shared/errors.ts';
import { actingOrganization, type ActingOrganization } from './acting-organization.ts';
import { initiativeToEdit } from './initiative-facts.ts';

/** What an edit of a grant reads: the grant, its initiative, and the organisation the caller speaks for. */
export interface GrantFacts {
  grant: GrantState;
  initiative: InitiativeState;
  acting: ActingOrganization | null;
}

/** The grant an edit names and its initiative, both locked for the edit; NOT_FOUND at `field` when there is none, or it was removed. */
export async function grantToEdit(tx: Transaction, id: string, field: string, viewer: Viewer): Promise<GrantFacts> {
  const grant = await readGrantForUpdate(tx, id);
  if (!grant) throw notFound(field, 'names no grant', 'anger inget bidrag');
  return { grant, initiative: await initiativeToEdit(tx, grant.initiative, field), acting: await actingOrganization(tx, viewer) };
}

/** An edited grant as the policy sees it: its initiative's kommuner and leads. */
export function grantResource({ initiative, acting }: GrantFacts): Resource {
  return {
    municipalities: initiative.municipalities,
    leadOrganizationIds: initiative.leadOrganizationIds,
    actingOrganizationVerified: acting?.verified ?? false,
  };
}
