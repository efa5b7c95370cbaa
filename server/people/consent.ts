import { z } from 'zod';
import { writeAudit } from '../audit/audit.ts';
import { authorize } from '../auth/policy.ts';
import type { Context } from '../graphql/context.ts';
import { notFound, parseArgument, unauthenticated } from '../shared/errors.ts';
import { actorProjection, type ActorRecord } from '../actors/records.ts';
import { newId } from '../shared/ids.ts';
import { dateTime, idInput } from '../shared/inputs.ts';

const consentInput = z.object({
  purpose: z.string().trim().min(3, 'must say what the consent is for').max(500),
  givenBy: z.string().trim().min(2, 'must say who gave it').max(200),
  givenAt: dateTime.nullish(),
});

async function personInScope(ctx: Context, rawId: string): Promise<string> {
  if (!ctx.viewer.role) throw unauthenticated();
  const id = parseArgument(idInput, rawId, 'personId');
  const facts = await ctx.stores.actors.accessFacts(id);
  if (!facts || !facts.isPerson) throw notFound('personId', 'names no person');
  authorize(ctx.viewer, 'manageConsent', { municipalities: facts.municipalities });
  return id;
}

/** Records a role model's consent (when, for what purpose, from whom); the person becomes public. */
export async function recordConsent(ctx: Context, rawId: string, rawInput: unknown): Promise<ActorRecord> {
  const id = await personInScope(ctx, rawId);
  const input = parseArgument(consentInput, rawInput, 'input');
  return ctx.db.write(async (tx) => {
    const result = await tx.run<{ person: ActorRecord }>({
      text: `MATCH (p:Actor:Person {id: $id})
             CREATE (p)-[:GAVE]->(:Consent {id: $consentId, purpose: $purpose, givenBy: $givenBy,
               givenAt: coalesce(datetime($givenAt), datetime()), recordedBy: $accountId})
             SET p.consentGiven = true
             RETURN ${actorProjection('p')} AS person`,
      parameters: { id, consentId: newId(), purpose: input.purpose, givenBy: input.givenBy, givenAt: input.givenAt ?? null, accountId: ctx.viewer.accountId },
    });
    await writeAudit(tx, ctx.viewer, { action: 'recordConsent', targetIds: [id], fields: ['purpose', 'givenBy', 'givenAt'] });
    return result.records[0]!.get('person');
  });
}

/** Withdraws every consent of the person: from then on the public no longer sees them. */
export async function withdrawConsent(ctx: Context, rawId: string): Promise<ActorRecord> {
  const id = await personInScope(ctx, rawId);
  return ctx.db.write(async (tx) => {
    const result = await tx.run<{ person: ActorRecord }>({
      text: `MATCH (p:Actor:Person {id: $id})
             CALL (p) { MATCH (p)-[:GAVE]->(c:Consent) WHERE c.withdrawnAt IS NULL SET c.withdrawnAt = datetime() }
             SET p.consentGiven = false
             RETURN ${actorProjection('p')} AS person`,
      parameters: { id },
    });
    await writeAudit(tx, ctx.viewer, { action: 'withdrawConsent', targetIds: [id], fields: ['withdrawnAt'] });
    return result.records[0]!.get('person');
  });
}
