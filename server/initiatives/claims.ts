import { z } from 'zod';
import { writeAudit } from '../audit/audit.ts';
import { authorize } from '../auth/policy.ts';
import { conflict, notFound, parseArgument, unauthenticated } from '../shared/errors.ts';
import type { Context } from '../graphql/context.ts';
import { idInput, partialDate } from '../shared/inputs.ts';
import { parsePartialDate } from '../shared/partial-date.ts';
import { participationProjection, type ParticipationRecord } from './records.ts';

const roles = ['LEAD', 'CO_APPLICANT', 'PARTNER', 'FUNDER', 'SIGNATORY', 'MEMBER', 'CONTACT', 'IMPLEMENTING'] as const;

const claimInput = z
  .object({
    initiativeId: idInput,
    role: z.enum(roles),
    since: partialDate.nullish(),
    until: partialDate.nullish(),
  })
  .refine((claim) => !claim.since || !claim.until || parsePartialDate(claim.since)!.first <= parsePartialDate(claim.until)!.last, {
    path: ['until'],
    message: 'must not be before since',
  });

/** An association says that its own organisation works in an initiative; the claim stays CLAIMED until reviewed. */
export async function claimParticipation(ctx: Context, rawInput: unknown): Promise<ParticipationRecord> {
  authorize(ctx.viewer, 'claimParticipation', { organizationId: ctx.viewer.organizationId });
  const input = parseArgument(claimInput, rawInput, 'input');
  const since = input.since ? parsePartialDate(input.since) : null;
  const until = input.until ? parsePartialDate(input.until) : null;

  return ctx.db.write(async (tx) => {
    const found = await tx.run<{ initiative: boolean; claimed: boolean }>({
      text: `OPTIONAL MATCH (i:Initiative {id: $initiativeId})
             RETURN i IS NOT NULL AS initiative,
                    EXISTS { MATCH (:Actor:Organization {id: $organizationId})-[:PARTICIPATES_IN {role: $role}]->(i) } AS claimed`,
      parameters: { initiativeId: input.initiativeId, organizationId: ctx.viewer.organizationId, role: input.role },
    });
    if (!found.records[0]!.get('initiative')) throw notFound('input.initiativeId', 'names no initiative');
    if (found.records[0]!.get('claimed')) throw conflict('input.role', 'your organisation already takes part in this initiative in this role');

    const result = await tx.run<{ participation: ParticipationRecord }>({
      text: `MATCH (a:Actor:Organization {id: $organizationId}), (i:Initiative {id: $initiativeId})
             CREATE (a)-[r:PARTICIPATES_IN {role: $role, since: $since, until: $until,
               sinceFirst: date($sinceFirst), untilLast: date($untilLast), status: 'CLAIMED', sources: [],
               createdAt: datetime(), createdBy: $accountId}]->(i)
             RETURN ${participationProjection('r', 'a', 'i')} AS participation`,
      parameters: {
        organizationId: ctx.viewer.organizationId,
        initiativeId: input.initiativeId,
        role: input.role,
        since: input.since ?? null,
        until: input.until ?? null,
        sinceFirst: since?.first ?? null,
        untilLast: until?.last ?? null,
        accountId: ctx.viewer.accountId,
      },
    });
    await writeAudit(tx, ctx.viewer, { action: 'claimParticipation', targetIds: [ctx.viewer.organizationId!, input.initiativeId], fields: ['role', 'since', 'until'] });
    return result.records[0]!.get('participation');
  });
}

/** The initiative's lead organisation, a strategist of its kommun, or an admin confirms or rejects the claims of an actor. */
export async function reviewParticipation(ctx: Context, rawActorId: string, rawInitiativeId: string, confirm: boolean): Promise<ParticipationRecord> {
  if (!ctx.viewer.role) throw unauthenticated();
  const actorId = parseArgument(idInput, rawActorId, 'actorId');
  const initiativeId = parseArgument(idInput, rawInitiativeId, 'initiativeId');
  const facts = await ctx.stores.initiatives.accessFacts(initiativeId);
  if (!facts) throw notFound('initiativeId', 'names no initiative');
  authorize(ctx.viewer, 'reviewParticipation', facts);

  return ctx.db.write(async (tx) => {
    const result = await tx.run<{ participation: ParticipationRecord }>({
      text: `MATCH (a:Actor {id: $actorId})-[r:PARTICIPATES_IN {status: 'CLAIMED'}]->(i:Initiative {id: $initiativeId})
             SET r.status = $status, r.reviewedAt = datetime(), r.reviewedBy = $accountId
             RETURN ${participationProjection('r', 'a', 'i')} AS participation
             ORDER BY r.role`,
      parameters: { actorId, initiativeId, status: confirm ? 'CONFIRMED' : 'REJECTED', accountId: ctx.viewer.accountId },
    });
    const participation = result.records[0]?.get('participation');
    if (!participation) throw notFound('actorId', 'has no open claim on this initiative');
    await writeAudit(tx, ctx.viewer, { action: 'reviewParticipation', targetIds: [actorId, initiativeId], fields: ['status'] });
    return participation;
  });
}
