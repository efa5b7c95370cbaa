import { createAccount } from '../../server/accounts/store.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { createDriver, Database } from '../../server/db/database.ts';
import { writeInitiatives } from '../../server/repositories/initiatives.ts';
import { newId } from '../../server/shared/ids.ts';
import { benchSource, initiativeMark, type Samples, type WriteTargets } from './operations.ts';
import type { RunningServer } from './servers.ts';

/** How the admins a run signs in as begin their e-mail; removed with the run's other writes. */
export const benchAdminMark = 'bench-admin';

/**
 * Initiatives made for a run: each takes one participation from each organisation (nthParticipation), so
 * that the floor, adding hundreds a second, does not use the pairs up within a run.
 */
const INITIATIVES = 1_000;

export interface PreparedWrites {
  targets: WriteTargets;
  admin: { email: string; password: string };
}

/**
 * Writes what the write operations need through the service's own repositories: initiatives of the run's
 * own to add participations to, and an admin account to sign in with. The organisations are the sampled
 * ones that are verified, each once.
 */
export async function prepareWriteTargets(boltUri: string, samples: Samples): Promise<PreparedWrites> {
  const driver = createDriver({ uri: boltUri, user: 'neo4j', password: '', database: 'neo4j' });
  try {
    const db = new Database(driver, 'neo4j', 600_000);
    const admin = { email: `${benchAdminMark}-${Date.now().toString(36)}@example.org`, password: 'belastningsprovets-admin-1' };
    const passwordHash = await hashPassword(admin.password);
    const initiativeIds = Array.from({ length: INITIATIVES }, () => newId());
    const organizationIds = await db.write(async (tx) => {
      await createAccount(tx, { email: admin.email, passwordHash, role: 'ADMIN' }, 'bench');
      await writeInitiatives(
        tx,
        initiativeIds.map((id, n) => ({
          id,
          kind: 'PROJECT',
          name: `${initiativeMark} mål ${n}`,
          description: null,
          start: '2026',
          end: null,
          status: 'VERIFIED',
          themes: [samples.themes[n % samples.themes.length]!],
          municipalities: [samples.municipalities[n % samples.municipalities.length]!],
          sources: [],
          partOf: null,
        })),
        { mode: 'create', author: 'bench' },
      );
      const result = await tx.run<{ id: string }>({
        text: `UNWIND $ids AS id MATCH (o:Organization {id: id, status: 'VERIFIED'}) RETURN DISTINCT o.id AS id`,
        parameters: { ids: samples.profileIds },
      });
      return result.records.map((record) => record.get('id'));
    });
    if (organizationIds.length === 0) throw new Error('none of the sampled organisations is verified: nothing to add participations for');
    return { targets: { initiativeIds, organizationIds }, admin };
  } finally {
    await driver.close();
  }
}

/** The headers a signed-in admin's requests carry on the service. */
export async function signedInHeaders(server: RunningServer, admin: PreparedWrites['admin']): Promise<Record<string, string>> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: admin.email, p: admin.password } }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } } };
  if (!body.data) throw new Error(`could not sign in to ${server.name}: ${JSON.stringify(body)}`);
  return { authorization: `Bearer ${body.data.login.token}` };
}

/**
 * Removes what a run's writes left: its initiatives (with their participations), the sources its writes
 * cited and its admin, so that every run starts from the same network.
 */
export async function removeBenchWrites(boltUri: string): Promise<number> {
  const driver = createDriver({ uri: boltUri, user: 'neo4j', password: '', database: 'neo4j' });
  try {
    return await new Database(driver, 'neo4j', 600_000).write(async (tx) => {
      const result = await tx.run<{ removed: number }>({
        text: `CALL () {
                 MATCH (i:Initiative) WHERE i.name STARTS WITH $initiatives RETURN i AS node
                 UNION
                 MATCH (s:Source {title: $source}) RETURN s AS node
                 UNION
                 MATCH (a:Account) WHERE a.email STARTS WITH $admins RETURN a AS node
               }
               DETACH DELETE node
               RETURN count(*) AS removed`,
        parameters: { initiatives: initiativeMark, source: benchSource.title, admins: benchAdminMark },
      });
      return result.records[0]?.get('removed') ?? 0;
    });
  } finally {
    await driver.close();
  }
}
