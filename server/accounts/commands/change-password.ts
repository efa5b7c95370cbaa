import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { badUserInput, unauthenticated } from '../../shared/errors.ts';
import { command } from '../../writes/command.ts';
import { password } from '../inputs.ts';
import { inBoth } from '../../shared/zod-language.ts';

/** The signed-in account changes its own password, knowing the current one. */
export const changePassword = command({
  name: 'changePassword',
  action: 'changePassword',
  arguments: z.object({ current: z.string().max(200, inBoth('must be at most 200 characters', 'får vara högst 200 tecken')), new: password, newHash: z.string().optional() }),
  prepare: async (args) => ({ ...args, newHash: await hashPassword(args.new) }),
  async facts(tx, _args, viewer) {
    const result = await tx.run<{ hash: string }>({
      text: 'MATCH (a:Account {id: $id}) SET a.passwordHash = a.passwordHash RETURN a.passwordHash AS hash',
      parameters: { id: viewer.accountId },
    });
    const hash = result.records[0]?.get('hash');
    if (!hash) throw unauthenticated('This account no longer exists', 'Kontot finns inte längre');
    return { hash };
  },
  resource: () => ({}),
  async apply(tx, args, { hash }, viewer) {
    if (!(await verifyPassword(args.current, hash))) throw badUserInput('current', 'is not your current password', 'är inte ditt nuvarande lösenord');
    if (args.current === args.new) throw badUserInput('new', 'must differ from the current password', 'måste skilja sig från det nuvarande lösenordet');
    await tx.run({
      text: `MATCH (a:Account {id: $id})
             SET a.passwordHash = $hash, a.passwordChangeRequired = false, a.passwordChangedAt = datetime()`,
      parameters: { id: viewer.accountId, hash: args.newHash },
    });
    return { result: true, changes: [], audit: { targetIds: [viewer.accountId!], fields: ['password'] } };
  },
});
