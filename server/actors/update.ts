import { z } from 'zod';
import { organizationName, description, email, phone } from '../accounts/inputs.ts';
import { writeAudit } from '../audit/audit.ts';
import { authorize } from '../auth/policy.ts';
import { notFound, parseArgument, unauthenticated } from '../shared/errors.ts';
import type { Context } from '../graphql/context.ts';
import { idInput, municipalityCodes, themeKeys } from '../shared/inputs.ts';
import { actorProjection, type ActorRecord } from './records.ts';

// A field left out stays as it is; null clears it where the schema allows no value.
const updateOrganizationInput = z
  .object({
    name: organizationName,
    description: description.nullable(),
    themes: themeKeys.max(20, 'must name at most 20 themes'),
    municipalities: municipalityCodes.min(1, 'must name at least one kommun').max(50, 'must name at most 50 kommuner'),
    email: email.nullable(),
    phone: phone.nullable(),
  })
  .partial()
  .strict();

/** The organisation's own account, a strategist of its kommun, or an admin changes its profile in one transaction. */
export async function updateOrganization(ctx: Context, rawId: string, rawInput: unknown): Promise<ActorRecord> {
  if (!ctx.viewer.role) throw unauthenticated();
  const id = parseArgument(idInput, rawId, 'id');
  const input = parseArgument(updateOrganizationInput, stripUndefined(rawInput), 'input');
  const facts = await ctx.stores.actors.accessFacts(id);
  if (!facts || facts.isPerson) throw notFound('id', 'names no organisation');
  authorize(ctx.viewer, 'updateOrganization', { organizationId: id, municipalities: facts.municipalities });

  const { themes, municipalities, ...properties } = input;
  return ctx.db.write(async (tx) => {
    const result = await tx.run<{ organization: ActorRecord }>({
      text: `MATCH (o:Actor:Organization {id: $id})
             SET o += $properties, o.updatedAt = datetime(), o.updatedBy = $accountId
             WITH o
             CALL (o) {
               WITH o WHERE $themes IS NOT NULL
               OPTIONAL MATCH (o)-[old:HAS_THEME]->() DELETE old
               WITH DISTINCT o UNWIND $themes AS key MATCH (t:Theme {key: key}) MERGE (o)-[:HAS_THEME]->(t)
             }
             CALL (o) {
               WITH o WHERE $municipalities IS NOT NULL
               OPTIONAL MATCH (o)-[old:IN_MUNICIPALITY]->() DELETE old
               WITH DISTINCT o UNWIND $municipalities AS code MATCH (m:Municipality {code: code}) MERGE (o)-[:IN_MUNICIPALITY]->(m)
             }
             RETURN ${actorProjection('o')} AS organization`,
      parameters: { id, properties, themes: themes ?? null, municipalities: municipalities ?? null, accountId: ctx.viewer.accountId },
    });
    await writeAudit(tx, ctx.viewer, { action: 'updateOrganization', targetIds: [id], fields: Object.keys(input) });
    return result.records[0]!.get('organization');
  });
}

/** GraphQL leaves out what the client did not send; zod's `.strict()` then sees only what was sent. */
function stripUndefined(value: unknown): unknown {
  return value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) : value;
}
