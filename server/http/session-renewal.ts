import type { Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import type { Context } from '../graphql/context.ts';
import type { SessionCookie } from './session-cookie.ts';

/**
 * Keeps a session in use alive while its tokens stay short-lived: once half of the token's lifetime has
 * passed, the next request from the pages gets a fresh one in the cookie. It is issued from the account
 * as it is now, so a changed role or scope, a merged organisation or a deleted account take effect then;
 * a session left idle ends when its token expires.
 */
export async function renewSessionIfHalfSpent(
  req: Request,
  res: Response,
  ctx: Context,
  session: { token: string; cookie: SessionCookie; ttlSeconds: number },
): Promise<void> {
  const { exp } = jwt.decode(session.token) as { exp: number };
  if (exp - Date.now() / 1000 > session.ttlSeconds / 2 || !ctx.viewer.accountId) return;
  const account = await ctx.stores.accounts.byId(ctx.viewer.accountId);
  if (!account) {
    session.cookie.clear(req, res);
    return;
  }
  const subject = { accountId: account.id, role: account.role, organizationId: account.organizationId, municipalities: account.municipalities };
  session.cookie.set(req, res, ctx.services.tokens.issue(subject));
}
