import { writeAudit } from '../audit/audit.ts';
import { authorize } from '../auth/policy.ts';
import type { Context } from '../graphql/context.ts';
import { notFound, parseArgument } from '../shared/errors.ts';
import { idInput } from '../shared/inputs.ts';

const REDACTED = '[borttaget]';

/**
 * GDPR art. 17. In one transaction: every copy of the person's name, e-mail and phone in any other node's
 * or relationship's text is replaced, their consents are deleted, and the person with all their
 * relationships goes. What stays is an audit entry (ids only) and an Erasure record of the opaque id, so
 * that reloading the seed does not bring the person back.
 */
export async function erasePerson(ctx: Context, rawId: string): Promise<boolean> {
  authorize(ctx.viewer, 'erasePerson');
  const id = parseArgument(idInput, rawId, 'id');
  return ctx.db.write(async (tx) => {
    const found = await tx.run<{ traces: string[] }>({
      text: `MATCH (p:Actor:Person {id: $id}) RETURN [s IN [p.name, p.email, p.phone] WHERE s IS NOT NULL AND size(trim(s)) > 2] AS traces`,
      parameters: { id },
    });
    if (found.records.length === 0) throw notFound('id', 'names no person');
    const traces = found.records[0]!.get('traces');

    // Copies outside the person: descriptions that name them, a contact copied onto an organisation.
    await tx.run({
      text: `MATCH (n) WHERE NOT n:Person OR n.id <> $id
             UNWIND keys(n) AS key
             WITH n, key WHERE n[key] IS :: STRING AND any(trace IN $traces WHERE n[key] CONTAINS trace)
             SET n[key] = reduce(text = n[key], trace IN $traces | replace(text, trace, $redacted))`,
      parameters: { id, traces, redacted: REDACTED },
    });
    await tx.run({
      text: `MATCH ()-[r]->()
             UNWIND keys(r) AS key
             WITH r, key WHERE r[key] IS :: STRING AND any(trace IN $traces WHERE r[key] CONTAINS trace)
             SET r[key] = reduce(text = r[key], trace IN $traces | replace(text, trace, $redacted))`,
      parameters: { traces, redacted: REDACTED },
    });
    await tx.run({
      text: `MATCH (p:Actor:Person {id: $id})
             OPTIONAL MATCH (p)-[:GAVE]->(c:Consent)
             DETACH DELETE c
             WITH DISTINCT p
             DETACH DELETE p
             MERGE (e:Erasure {personId: $id}) ON CREATE SET e.erasedAt = datetime()`,
      parameters: { id },
    });
    await writeAudit(tx, ctx.viewer, { action: 'erasePerson', targetIds: [id] });
    return true;
  });
}
