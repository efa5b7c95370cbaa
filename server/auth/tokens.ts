import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { TokenConfig } from '../config.ts';
import type { Role, Viewer } from './viewer.ts';

export const roles = ['ADMIN', 'STRATEGIST', 'ASSOCIATION', 'RESEARCHER'] as const satisfies readonly Role[];

/** The claims this service puts in a token and accepts from one; anything else is refused. */
const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(roles),
  org: z.string().nullable(),
  scope: z.array(z.string().regex(/^\d{4}$/)),
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  iat: z.number().int(),
  exp: z.number().int(),
});

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

export interface TokenSubject {
  accountId: string;
  role: Role;
  organizationId: string | null;
  /** Kommun codes a strategist works in. */
  municipalities: string[];
}

/** Issues and verifies the service's JWTs with the configured algorithm, issuer and audience. */
export class TokenService {
  constructor(private readonly config: TokenConfig) {}

  get canIssue(): boolean {
    return this.config.algorithm === 'HS256' || this.config.privateKey !== null;
  }

  issue(subject: TokenSubject): string {
    const key = this.config.algorithm === 'HS256' ? this.config.secret : this.config.privateKey;
    if (!key) throw new Error('This service verifies tokens but has no key to issue them (JWT_PRIVATE_KEY)');
    return jwt.sign({ role: subject.role, org: subject.organizationId, scope: subject.municipalities }, key, {
      algorithm: this.config.algorithm,
      subject: subject.accountId,
      issuer: this.config.issuer,
      audience: this.config.audience,
      expiresIn: this.config.ttlSeconds,
    });
  }

  /** The viewer a bearer token speaks for; throws InvalidTokenError for anything not exactly right. */
  verify(token: string): Viewer {
    const key = this.config.algorithm === 'HS256' ? this.config.secret : this.config.publicKey;
    let payload: unknown;
    try {
      payload = jwt.verify(token, key, {
        algorithms: [this.config.algorithm],
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: 5,
      });
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError(`bad claims: ${claims.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    return {
      accountId: claims.data.sub,
      role: claims.data.role,
      organizationId: claims.data.org,
      municipalities: claims.data.scope,
    };
  }
}
