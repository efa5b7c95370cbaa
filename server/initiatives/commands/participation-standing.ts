import { writesTrusted } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { forbidden } from '../../shared/errors.ts';

/** How a participation stands once a viewer has written it. */
export type Standing = { status: 'CONFIRMED'; claimedBy: null } | { status: 'CLAIMED'; claimedBy: string };

/**
 * What a strategist or an admin writes is CONFIRMED, and so is what an association says of itself in an
 * initiative it leads. Anything else an association writes is its claim: CLAIMED until the organisation
 * it is about, a strategist in scope or an admin confirms it (or, for a claim about itself, the lead).
 */
export function standingOf(viewer: Viewer, actorId: string, leadOrganizationIds: string[]): Standing {
  if (writesTrusted(viewer)) return { status: 'CONFIRMED', claimedBy: null };
  const own = viewer.organizationId;
  if (own === null) throw forbidden('Only an organisation’s account, a strategist or an admin writes participations', 'Bara en organisations konto, en strateg eller en administratör skriver deltaganden');
  if (actorId === own && leadOrganizationIds.includes(own)) return { status: 'CONFIRMED', claimedBy: null };
  return { status: 'CLAIMED', claimedBy: own };
}
