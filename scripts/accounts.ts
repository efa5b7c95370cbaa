// `npm run accounts -- create --email E --role STRATEGIST --municipalities 1982,1980 | --county 19`
// Creates a strategist, researcher or admin account. The password comes from ACCOUNT_PASSWORD, or a
// strong one is made and printed once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { email as emailInput, password as passwordInput } from '../server/accounts/inputs.ts';
import { AccountStore } from '../server/accounts/store.ts';
import { parseConfig } from '../server/config.ts';
import { createDriver, Database } from '../server/db/database.ts';
import { LocalEngine } from '../server/db/local-engine.ts';
import { municipalitiesFile } from '../server/reference/data-files.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, role: { type: 'string' }, municipalities: { type: 'string' }, county: { type: 'string' } },
});

const list = (text: string | undefined) => (text ? text.split(',').map((item) => item.trim()).filter(Boolean) : []);
const knownMunicipalities = municipalitiesFile().municipalities;
const request = z
  .object({
    command: z.literal('create'),
    email: emailInput,
    role: z.enum(['ADMIN', 'STRATEGIST', 'RESEARCHER']),
    municipalities: z.array(z.string().refine((code) => knownMunicipalities.some((m) => m.code === code), 'unknown kommun code')),
    county: z.string().regex(/^\d{2}$/, 'must be a two-digit län code').optional(),
  })
  .refine((r) => r.role !== 'STRATEGIST' || r.municipalities.length > 0 || r.county, 'a strategist needs --municipalities or --county')
  .safeParse({ command: positionals[0], email: values.email, role: values.role, municipalities: list(values.municipalities), county: values.county });

if (!request.success) {
  console.error('Usage: npm run accounts -- create --email E --role ADMIN|STRATEGIST|RESEARCHER [--municipalities 1982,1980 | --county 19]');
  for (const issue of request.error.issues) console.error(`  ${issue.path.join('.') || 'arguments'}: ${issue.message}`);
  process.exit(2);
}

const generated = !process.env.ACCOUNT_PASSWORD;
const password = process.env.ACCOUNT_PASSWORD ?? `${randomBytes(12).toString('base64url')}-7`;
const strength = passwordInput.safeParse(password);
if (!strength.success) {
  console.error(`ACCOUNT_PASSWORD: ${strength.error.issues[0]!.message}`);
  process.exit(2);
}
// A län scope is stored as its kommuner, so that tokens and checks deal in kommun codes only.
const municipalities = [
  ...new Set([...request.data.municipalities, ...knownMunicipalities.filter((m) => m.county === request.data.county).map((m) => m.code)]),
];

const config = parseConfig(process.env);
const engine = config.neo4j ? null : await LocalEngine.start(config.localEngine);
const connection = config.neo4j ?? { uri: engine!.boltUri, user: 'neo4j', password: '', database: 'neo4j' };
const driver = createDriver(connection);
try {
  const created = await new AccountStore(new Database(driver, connection.database, config.queryTimeoutMs)).createIfAbsent(
    { email: request.data.email, password, role: request.data.role, municipalities },
    'accounts-cli',
  );
  if (!created) {
    console.error(`An account with e-mail ${request.data.email} exists already; nothing was changed.`);
    process.exitCode = 1;
  } else {
    console.log(`Created ${request.data.role} ${request.data.email}${municipalities.length ? ` for ${municipalities.join(', ')}` : ''}.`);
    if (generated) console.log(`Password (shown once): ${password}`);
  }
} finally {
  await driver.close();
  await engine?.stop();
}
