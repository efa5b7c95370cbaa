import { createAccount } from '../../server/accounts/store.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { TokenService } from '../../server/auth/tokens.ts';
import type { Role } from '../../server/auth/viewer.ts';
import type { Database } from '../../server/db/database.ts';
import { testJwtSecret } from './service.ts';
import { uniqueToken } from './fixtures.ts';

export const testTokens = new TokenService({
  algorithm: 'HS256',
  secret: testJwtSecret,
  issuer: 'samverkan',
  audience: 'samverkan-api',
  ttlSeconds: 900,
  ephemeral: false,
});

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  token: string;
  headers: Record<string, string>;
}

/** An account in the database and a token for it, as a signed-in client would hold. */
export async function createTestAccount(
  db: Database,
  role: Role,
  options: { organizationId?: string; municipalities?: string[] } = {},
): Promise<TestAccount> {
  const email = `${uniqueToken(role.toLowerCase())}@example.org`;
  const password = 'correct horse battery 42';
  const id = await db.write(async (tx) =>
    createAccount(tx, { email, passwordHash: await hashPassword(password), role, organizationId: options.organizationId ?? null, municipalities: options.municipalities ?? [] }, 'test'),
  );
  const token = testTokens.issue({ accountId: id, role, organizationId: options.organizationId ?? null, municipalities: options.municipalities ?? [] });
  return { id, email, password, token, headers: { authorization: `Bearer ${token}` } };
}
