import { consume } from '../auth/rate-limits.ts';
import { hashPassword } from '../auth/passwords.ts';
import { writeAudit } from '../audit/audit.ts';
import type { ActorRecord } from '../actors/records.ts';
import { constraintViolation } from '../db/errors.ts';
import type { Context } from '../graphql/context.ts';
import { conflict, parseArgument } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { registerAssociationInput, type RegisterAssociation } from './inputs.ts';
import { createAccount, normalizeEmail } from './store.ts';

/**
 * Anyone may register an association: the organisation (PENDING) and its account are created in one
 * transaction, or neither is. The uniqueness constraints on organisationsnummer and e-mail decide what is
 * taken, so that a race of identical registrations ends with one organisation and CONFLICT for the rest.
 */
export async function registerAssociation(ctx: Context, rawInput: unknown): Promise<ActorRecord> {
  await consume(ctx.services.rateLimits.registration, ctx.clientAddress);
  const input = parseArgument(registerAssociationInput, rawInput, 'input');
  const passwordHash = await hashPassword(input.password);
  const accountId = newId();
  try {
    return await ctx.db.write(async (tx) => {
      const organization: ActorRecord = {
        id: newId(),
        kind: 'ASSOCIATION',
        name: input.name,
        description: input.description ?? null,
        organizationNumber: input.organizationNumber,
        status: 'PENDING',
        title: null,
        email: normalizeEmail(input.email),
        phone: input.phone ?? null,
        isPerson: false,
        reviewApproved: null,
        reviewReason: null,
        reviewedAt: null,
      };
      // The three statements go out together, without waiting for each answer; they still run in order in
      // the one transaction, and the first to fail (a taken organisationsnummer or e-mail) fails it all.
      await Promise.all([
        tx.run({
          text: `CREATE (o:Actor:Organization:Association {id: $o.id, kind: $o.kind, name: $o.name, description: $o.description,
                   organizationNumber: $o.organizationNumber, status: $o.status, email: $o.email, phone: $o.phone,
                   createdAt: datetime(), updatedAt: datetime(), createdBy: $accountId})
                 WITH o
                 MATCH (m:Municipality {code: $municipality})
                 CREATE (o)-[:IN_MUNICIPALITY]->(m)
                 WITH o
                 CALL (o) { UNWIND $themes AS key MATCH (t:Theme {key: key}) CREATE (o)-[:HAS_THEME]->(t) }`,
          parameters: { o: organization, municipality: input.municipality, themes: input.themes, accountId },
        }),
        createAccount(tx, { id: accountId, email: input.email, passwordHash, role: 'ASSOCIATION', organizationId: organization.id }, null),
        writeAudit(tx, ctx.viewer, {
          action: 'registerAssociation',
          targetIds: [organization.id, accountId],
          fields: Object.keys(input).filter((field) => field !== 'password'),
        }),
      ]);
      return organization;
    });
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation) throwIfTaken(input, violation.property === 'email' ? 'email' : 'organizationNumber');
    throw error;
  }
}

function throwIfTaken(input: RegisterAssociation, field: 'organizationNumber' | 'email' | null): void {
  if (field === 'organizationNumber') {
    throw conflict('input.organizationNumber', `an organisation with organisationsnummer ${input.organizationNumber} is already registered`);
  }
  if (field === 'email') throw conflict('input.email', 'an account with this e-mail already exists');
}
