import { decoyHash, verifyPassword } from '../auth/passwords.ts';
import { consume } from '../auth/rate-limits.ts';
import { writeAudit } from '../audit/audit.ts';
import { forbidden, unauthenticated } from '../shared/errors.ts';
import { createStores, type Context } from '../graphql/context.ts';
import type { AccountRecord } from './store.ts';

/**
 * Signs in with e-mail and password. A wrong e-mail and a wrong password get the same answer, after the
 * same work (an unknown e-mail is checked against a decoy hash), so neither can be told apart.
 */
export async function login(ctx: Context, email: string, password: string): Promise<{ token: string; account: AccountRecord }> {
  if (!ctx.services.tokens.canIssue) {
    throw forbidden(
      'This service does not issue tokens: sign in with your organisation’s identity provider',
      'Tjänsten utfärdar inga tokens: logga in med din organisations identitetsleverantör',
    );
  }
  await consume(ctx.services.rateLimits.login, ctx.clientAddress);
  const record = await ctx.stores.accounts.forLogin(email);
  const matches = await verifyPassword(password, record?.passwordHash ?? decoyHash);
  if (!record || !matches) throw unauthenticated('Wrong e-mail or password', 'Fel e-postadress eller lösenord');

  const { passwordHash: _hash, ...account } = record;
  const viewer = { accountId: account.id, role: account.role, organizationId: account.organizationId, municipalities: account.municipalities };
  await ctx.db.write((tx) => writeAudit(tx, viewer, { action: 'login', targetIds: [account.id] }), { changesNetwork: false });
  // The rest of this operation (the payload's account and organisation) is read as the one who signed in.
  ctx.viewer = viewer;
  ctx.stores = createStores(ctx.db, viewer, ctx.services);
  return { token: ctx.services.tokens.issue({ ...viewer, accountId: account.id }), account };
}
