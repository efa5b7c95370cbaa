import type { Request } from 'express';

/**
 * Whether a browser sent this request from the service's own pages, so that a session cookie on it may
 * act. Browsers say where a request comes from in `Sec-Fetch-Site` (`none` is the user's own action:
 * a typed address or a bookmark); one too old to send it still sends `Origin` on every POST, which is
 * then compared with the address the request was sent to. A request with neither comes from a program
 * rather than another site's page (a browser cannot leave both out of a cross-site request that writes),
 * and a program holding the cookie holds the session anyway.
 */
export function sentFromOwnPages(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (typeof origin === 'string') return origin === `${req.protocol}://${req.host}`;
  return true;
}
