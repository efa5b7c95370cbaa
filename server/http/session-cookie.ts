import type { CookieOptions, Request, Response } from 'express';

/**
 * The web's session: the same short-lived JWT a bearer client holds, kept in a cookie that page scripts
 * cannot read (httpOnly), that the browser sends only on requests from the service's own pages
 * (SameSite=Strict) and, over HTTPS, only over HTTPS and only to this exact host (Secure and the
 * `__Host-` prefix, which browsers refuse to let another subdomain set).
 */
export class SessionCookie {
  constructor(
    private readonly production: boolean,
    private readonly ttlSeconds: number,
  ) {}

  /** The token the request's cookie holds, if any. */
  read(req: Request): string | null {
    const header = req.headers.cookie;
    if (!header) return null;
    const name = this.name(req);
    for (const pair of header.split(';')) {
      const separator = pair.indexOf('=');
      if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim() || null;
    }
    return null;
  }

  set(req: Request, res: Response, token: string): void {
    res.cookie(this.name(req), token, { ...this.options(req), maxAge: this.ttlSeconds * 1000 });
  }

  clear(req: Request, res: Response): void {
    res.clearCookie(this.name(req), this.options(req));
  }

  /** Secure in production, where the service is meant to sit behind HTTPS, and on any request that came over HTTPS. */
  private secure(req: Request): boolean {
    return this.production || req.secure;
  }

  private name(req: Request): string {
    return this.secure(req) ? '__Host-samverkan-session' : 'samverkan-session';
  }

  private options(req: Request): CookieOptions {
    return { httpOnly: true, secure: this.secure(req), sameSite: 'strict', path: '/' };
  }
}
