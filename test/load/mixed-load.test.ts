import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMixedLoad, type MixedLoadResult } from '../../bench/mixed-load.ts';
import { createTestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createOrganizations, removeNodes } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// A short run for CI; `npm run soak` runs the same mix for minutes and reports its figures.
describe('a mixed read and write load from many clients', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const organizationIds: string[] = [];
  let result: MixedLoadResult;

  beforeAll(async () => {
    organizationIds.push(...(await createOrganizations(db, Array.from({ length: 3 }, (_, n) => ({ name: `Lastprov organisation start ${n}`, municipalities: ['2418'] })))));
    const admin = await createTestAccount(db, 'ADMIN');
    result = await runMixedLoad({
      url: client().url,
      adminToken: admin.token,
      organizationIds,
      suggestionSubjectId: organizationIds[0]!,
      connections: 4,
      durationSeconds: 10,
    });
  }, 60_000);
  afterAll(() => removeNodes(db, [...organizationIds, ...(result?.acknowledgedRegistrations ?? [])]));

  it('answers every request without a 5xx or an error', () => {
    expect(result.requests).toBeGreaterThan(0);
    // A dropped or hung request has no status, so non2xx alone would not see it.
    expect(result.connectionErrors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.graphqlErrors).toEqual([]);
  });

  it('loses no acknowledged registration, and writes each one whole', async () => {
    expect(result.acknowledgedRegistrations.length).toBeGreaterThan(0);
    const whole = await db.read(async (tx) => {
      const rows = await tx.run<{ n: number }>({
        text: `UNWIND $ids AS id
               MATCH (o:Organization {id: id})<-[:REPRESENTS]-(:Account), (o)-[:IN_MUNICIPALITY]->(:Municipality {code: '2418'})
               WHERE EXISTS { MATCH (e:AuditEntry {action: 'registerAssociation'}) WHERE id IN e.targetIds }
               RETURN count(DISTINCT o) AS n`,
        parameters: { ids: result.acknowledgedRegistrations },
      });
      return rows.records[0]!.get('n');
    });
    expect(whole).toBe(result.acknowledgedRegistrations.length);
  });

  it('ends each organisation updated concurrently in one of the states written to it, never a mix', async () => {
    const stored = await db.read(async (tx) => {
      const rows = await tx.run<{ id: string; name: string; description: string }>({
        text: 'UNWIND $ids AS id MATCH (o:Organization {id: id}) RETURN o.id AS id, o.name AS name, o.description AS description',
        parameters: { ids: organizationIds },
      });
      return rows.records.map((record) => record.toObject());
    });
    for (const organization of stored) {
      expect(result.acknowledgedUpdates.some((update) => update.id === organization.id)).toBe(true);
      const written = result.attemptedUpdates.filter((update) => update.id === organization.id).map((update) => update.description);
      expect(written).toContain(organization.description);
      expect(organization.name).toBe(`Lastprov organisation ${organization.description.replace('last ', '')}`);
    }
  });
});
