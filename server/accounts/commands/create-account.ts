import { z } from 'zod';
import { hashPassword } from '../../auth/passwords.ts';
import type { Transaction } from '../../db/database.ts';
import { referenceCatalog } from '../../reference/catalog.ts';
import { notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { countyCodes, idInput, municipalityCodes } from '../../shared/inputs.ts';
import { command } from '../../writes/command.ts';
import { email, password } from '../inputs.ts';
import { normalizeEmail, createAccount as writeAccount, type AccountRecord } from '../store.ts';
import { say } from '../../shared/zod-language.ts';

const createAccountArguments = z.object({
  input: z
    .object({
      email,
      role: z.enum(['ADMIN', 'STRATEGIST', 'ASSOCIATION', 'RESEARCHER']),
      password,
      municipalities: municipalityCodes.max(290).nullish(),
      county: countyCodes.element.nullish(),
      organizationId: idInput.nullish(),
    })
    .superRefine((input, ctx) => {
      const scoped = (input.municipalities?.length ?? 0) > 0 || !!input.county;
      if (input.role === 'STRATEGIST' && !scoped) {
        ctx.addIssue({ code: 'custom', path: ['municipalities'], message: say('a strategist needs kommuner or a län', 'en strateg behöver kommuner eller ett län') });
      }
      if (input.role !== 'STRATEGIST' && scoped) {
        ctx.addIssue({ code: 'custom', path: [input.county ? 'county' : 'municipalities'], message: say('only a strategist works within kommuner', 'bara en strateg arbetar inom kommuner') });
      }
      if (input.role === 'ASSOCIATION' && !input.organizationId) {
        ctx.addIssue({ code: 'custom', path: ['organizationId'], message: say('an association account needs the organisation it speaks for', 'ett föreningskonto behöver organisationen det företräder') });
      }
      if (input.role !== 'ASSOCIATION' && input.organizationId) {
        ctx.addIssue({ code: 'custom', path: ['organizationId'], message: say('only an association account speaks for an organisation', 'bara ett föreningskonto företräder en organisation') });
      }
    }),
  // Hashed before the transaction; the schema has no such argument, so no client sends one.
  passwordHash: z.string().optional(),
});

/** A strategist's scope: its kommuner, and a län stored as its kommuner so that tokens and checks deal in kommun codes only. */
function scopeOf(input: { municipalities?: string[] | null; county?: string | null }): string[] {
  const ofCounty = input.county ? [...referenceCatalog().municipalities.values()].filter((m) => m.county === input.county).map((m) => m.code) : [];
  return [...new Set([...(input.municipalities ?? []), ...ofCounty])];
}

async function organizationExists(tx: Transaction, id: string): Promise<void> {
  const found = await tx.run({ text: 'MATCH (o:Actor:Organization {id: $id}) RETURN o.id', parameters: { id } });
  if (found.records.length === 0) throw notFound('input.organizationId', 'names no organisation', 'anger ingen organisation');
}

/**
 * An admin makes an account: a strategist for its kommuner or län, a researcher, another admin, or another
 * user of an organisation. The person changes the password at first sign-in. The command line makes
 * accounts through this same command.
 */
export const createAccount = command({
  name: 'createAccount',
  action: 'createAccount',
  arguments: createAccountArguments,
  uniqueFields: { email: 'input.email' },
  prepare: async (args) => ({ ...args, passwordHash: await hashPassword(args.input.password) }),
  async facts(tx, { input }) {
    if (input.organizationId) await organizationExists(tx, input.organizationId);
    return {};
  },
  resource: () => ({}),
  async apply(tx, { input, passwordHash }, _facts, viewer) {
    const account: AccountRecord = {
      id: newId(),
      email: input.email,
      role: input.role,
      organizationId: input.organizationId ?? null,
      municipalities: scopeOf(input),
      passwordChangeRequired: true,
    };
    await writeAccount(tx, { ...account, passwordHash: passwordHash!, passwordChangeRequired: true }, viewer.accountId);
    const fields = ['email', 'role', 'municipalities', 'organizationId'].filter((field) => input[field as keyof typeof input] != null);
    return {
      result: { ...account, email: normalizeEmail(input.email) },
      changes: [],
      audit: { targetIds: [account.id, ...(account.organizationId ? [account.organizationId] : [])], fields },
    };
  },
});
