import type { Request } from 'express';
import { InvalidTokenError, type TokenService } from '../auth/tokens.ts';
import { anonymousViewer, type Viewer } from '../auth/viewer.ts';
import { unauthenticated } from '../shared/errors.ts';

/** No Authorization header: anonymous. A bearer token: its viewer, or UNAUTHENTICATED if it is not valid. */
export function viewerOf(req: Request, tokens: TokenService): Viewer {
  const header = req.headers.authorization;
  if (!header) return anonymousViewer;
  const match = /^Bearer (\S+)$/.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  try {
    return tokens.verify(match[1]!);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthenticated('The token is not valid');
    throw error;
  }
}
