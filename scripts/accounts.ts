// `npm run accounts -- create --email E --role STRATEGIST --municipalities 1982,1980 | --county 19`
// Creates a strategist, researcher, admin or association account through the same command as the API's
// createAccount. The password comes from ACCOUNT_PASSWORD, or a strong one is made and printed once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createAccount } from '../server/accounts/commands/create-account.ts';
import type { Viewer } from '../server/auth/viewer.ts';
import { parseConfig } from '../server/config.ts';
import { createDriver, Database } from '../server/db/database.ts';
import { LocalEngine } from '../server/db/local-engine.ts';
import { ServiceError } from '../server/shared/errors.ts';
import { execute } from '../server/writes/executor.ts';

const usage = 'Usage: npm run accounts -- create --email E --role ADMIN|STRATEGIST|RESEARCHER|ASSOCIATION [--municipalities 1982,1980 | --county 19] [--organization ID]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, role: { type: 'string' }, municipalities: { type: 'string' }, county: { type: 'string' }, organization: { type: 'string' } },
});
if (positionals[0] !== 'create') {
  console.error(usage);
  process.exit(2);
}

/** Whoever runs this on the server's machine acts as an admin; the audit log names the command line. */
const commandLine: Viewer = { accountId: 'accounts-cli', role: 'ADMIN', organizationId: null, municipalities: [] };
const list = (text: string | undefined) => (text ? text.split(',').map((item) => item.trim()).filter(Boolean) : null);
const generated = !process.env.ACCOUNT_PASSWORD;
const password = process.env.ACCOUNT_PASSWORD ?? `${randomBytes(12).toString('base64url')}-7`;
const input = {
  email: values.email ?? '',
  role: values.role ?? '',
  password,
  municipalities: list(values.municipalities),
  county: values.county ?? null,
  organizationId: values.organization ?? null,
};

const config = parseConfig(process.env);
const engine = config.neo4j ? null : await LocalEngine.start(config.localEngine);
const connection = config.neo4j ?? { uri: engine!.boltUri, user: 'neo4j', password: '', database: 'neo4j' };
const driver = createDriver(connection);
try {
  const account = await execute(createAccount, { input }, { db: new Database(driver, connection.database, config.queryTimeoutMs), viewer: commandLine });
  const scope = account.municipalities.length ? ` for ${account.municipalities.join(', ')}` : '';
  console.log(`Created ${account.role} ${account.email}${scope}.`);
  if (generated) console.log(`Password (shown once; it must be changed at first sign-in): ${password}`);
} catch (error) {
  if (!(error instanceof ServiceError)) throw error;
  // ACCOUNT_PASSWORD is where the command line's password comes from, so a weak one is named as that.
  const field = error.extensions.field === 'input.password' ? 'ACCOUNT_PASSWORD' : (error.extensions.field ?? error.code);
  console.error(error.code === 'CONFLICT' ? `An account with e-mail ${input.email} exists already; nothing was changed.` : `${field}: ${error.message.replace(/^[\w.[\]]+: /, '')}`);
  if (error.code === 'BAD_USER_INPUT') console.error(usage);
  process.exitCode = error.code === 'CONFLICT' ? 1 : 2;
} finally {
  await driver.close();
  await engine?.stop();
}
