import type { Request } from 'express';
import { InvalidTokenError, type TokenService } from '../auth/tokens.ts';
import { anonymousViewer, type Viewer } from '../auth/viewer.ts';
import { unauthenticated } from '../shared/errors.ts';
import { sentFromOwnPages } from './same-origin.ts';
import type { SessionCookie } from './session-cookie.ts';

/** Who a request speaks for, and by which credential; `staleCookie` when its session cookie no longer holds a valid token. */
export type RequestViewer =
  | { viewer: Viewer; credential: 'none' | 'bearer'; staleCookie?: boolean }
  | { viewer: Viewer; credential: 'cookie'; token: string };

/**
 * A bearer token first: its viewer, or UNAUTHENTICATED if it is not valid (a client that sends one wants
 * to know). Else the session cookie, only on a request the service's own pages sent: another site can
 * make a browser send a request, but the session then does not act. A cookie whose token has expired
 * leaves the request anonymous, as a signed-out browser is.
 */
export function viewerOf(req: Request, tokens: TokenService, cookie: SessionCookie): RequestViewer {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer (\S+)$/.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"', 'Authorization-huvudet ska vara "Bearer <token>"');
    try {
      return { viewer: tokens.verify(match[1]!), credential: 'bearer' };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated('The token is not valid', 'Token är inte giltig');
      throw error;
    }
  }
  const token = cookie.read(req);
  if (!token || !sentFromOwnPages(req)) return { viewer: anonymousViewer, credential: 'none' };
  try {
    return { viewer: tokens.verify(token), credential: 'cookie', token };
  } catch (error) {
    if (error instanceof InvalidTokenError) return { viewer: anonymousViewer, credential: 'none', staleCookie: true };
    throw error;
  }
}
