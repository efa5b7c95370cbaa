import { hashPassword } from '../auth/passwords.ts';
import type { Role } from '../auth/viewer.ts';
import type { Database, Transaction } from '../db/database.ts';
import { newId } from '../shared/ids.ts';

export interface AccountRecord {
  id: string;
  email: string;
  role: Role;
  organizationId: string | null;
  municipalities: string[];
  /** Set on an account an admin made, until its person chooses a password of their own. */
  passwordChangeRequired: boolean;
}

export interface LoginRecord extends AccountRecord {
  passwordHash: string;
}

const fields = `.id, .email, .role, organizationId: COLLECT { MATCH (a)-[:REPRESENTS]->(o:Organization) RETURN o.id }[0],
  municipalities: coalesce(a.municipalities, []), passwordChangeRequired: coalesce(a.passwordChangeRequired, false)`;

export interface NewAccount {
  /** Given when another node written in the same transaction names the account; made here otherwise. */
  id?: string;
  email: string;
  passwordHash: string;
  role: Role;
  organizationId?: string | null;
  municipalities?: string[];
  passwordChangeRequired?: boolean;
}

/** Accounts: who may sign in, in which role, for which organisation or kommuner. */
export class AccountStore {
  constructor(private readonly db: Database) {}

  async forLogin(email: string): Promise<LoginRecord | null> {
    const result = await this.db.query<{ account: LoginRecord }>({
      text: `MATCH (a:Account {email: $email}) RETURN a { .passwordHash, ${fields} } AS account`,
      parameters: { email: normalizeEmail(email) },
    });
    return result.records[0]?.get('account') ?? null;
  }

  async byId(id: string): Promise<AccountRecord | null> {
    const result = await this.db.query<{ account: AccountRecord }>({
      text: `MATCH (a:Account {id: $id}) RETURN a { ${fields} } AS account`,
      parameters: { id },
    });
    return result.records[0]?.get('account') ?? null;
  }

  /**
   * Creates the account unless one with this e-mail exists; never overwrites. True when created.
   * The password is hashed only then, so that a start-up that finds its admin in place does no scrypt work.
   */
  async createIfAbsent(account: Omit<NewAccount, 'passwordHash'> & { password: string }, createdBy: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      const existing = await tx.run({ text: 'MATCH (a:Account {email: $email}) RETURN a.id', parameters: { email: normalizeEmail(account.email) } });
      if (existing.records.length > 0) return false;
      const { password, ...rest } = account;
      await createAccount(tx, { ...rest, passwordHash: await hashPassword(password) }, createdBy);
      return true;
    });
  }
}

export async function createAccount(tx: Transaction, account: NewAccount, createdBy: string | null): Promise<string> {
  const id = account.id ?? newId();
  await tx.run({
    text: `CREATE (a:Account {id: $id, email: $email, passwordHash: $passwordHash, role: $role,
             municipalities: $municipalities, passwordChangeRequired: $passwordChangeRequired, createdAt: datetime(), createdBy: $createdBy})
           WITH a
           CALL (a) { MATCH (o:Actor:Organization {id: $organizationId}) CREATE (a)-[:REPRESENTS]->(o) }`,
    parameters: {
      id,
      email: normalizeEmail(account.email),
      passwordHash: account.passwordHash,
      role: account.role,
      municipalities: account.municipalities ?? [],
      passwordChangeRequired: account.passwordChangeRequired ?? false,
      organizationId: account.organizationId ?? null,
      createdBy,
    },
  });
  return id;
}

/** E-mail addresses compare without case or surrounding space. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
