import { writeAudit } from '../audit/audit.ts';
import { authorize } from '../auth/policy.ts';
import { unauthenticated, conflict, notFound, parseArgument } from '../shared/errors.ts';
import type { Context } from '../graphql/context.ts';
import { actorProjection, type ActorRecord } from '../actors/records.ts';
import { idInput } from '../shared/inputs.ts';
import { reviewReason } from './inputs.ts';

/** A strategist of the organisation's kommun, or an admin, approves or rejects a pending registration. */
export async function reviewRegistration(ctx: Context, rawId: string, approve: boolean, rawReason: unknown): Promise<ActorRecord> {
  if (!ctx.viewer.role) throw unauthenticated();
  const id = parseArgument(idInput, rawId, 'id');
  const reason = parseArgument(reviewReason, rawReason, 'reason') ?? null;
  const facts = await ctx.stores.actors.accessFacts(id);
  if (!facts || facts.isPerson) throw notFound('id', 'names no organisation');
  authorize(ctx.viewer, 'reviewRegistration', { organizationId: id, municipalities: facts.municipalities });

  return ctx.db.write(async (tx) => {
    const result = await tx.run<{ organization: ActorRecord }>({
      text: `MATCH (o:Actor:Organization {id: $id}) WHERE o.status = 'PENDING'
             SET o.status = $status, o.reviewApproved = $approve, o.reviewReason = $reason,
                 o.reviewedAt = datetime(), o.reviewedBy = $accountId, o.updatedAt = datetime()
             RETURN ${actorProjection('o')} AS organization`,
      parameters: { id, approve, reason, status: approve ? 'VERIFIED' : 'REJECTED', accountId: ctx.viewer.accountId },
    });
    const organization = result.records[0]?.get('organization');
    if (!organization) throw conflict('id', 'this registration has been reviewed already');
    await writeAudit(tx, ctx.viewer, { action: 'reviewRegistration', targetIds: [id], fields: ['status', 'reviewReason'] });
    return organization;
  });
}
