import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutErasedPeople } from '../../seeds/loader/erasures.ts';
import { stableId } from '../../server/shared/ids.ts';
import { newId } from '../../server/shared/ids.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

describe('personal data: access (art. 15) and erasure (art. 17)', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Radera');
  const person = { id: newId(), name: `Erika ${token}`, email: `${token.toLowerCase()}@example.org`, phone: '070-555 12 34' };
  const ids: string[] = [];
  let admin: TestAccount;

  beforeAll(async () => {
    admin = await createTestAccount(db, 'ADMIN');
    const [organization] = await createOrganizations(db, [
      { name: `${token} Föreningen`, municipalities: ['2506'], description: `Kontakt: ${person.email}, ${person.phone}` },
    ]);
    const [initiative] = await createInitiatives(db, [{ name: `${token} Projektet`, municipalities: ['2506'] }]);
    await db.write((tx) =>
      tx.run({
        text: `MATCH (o:Organization {id: $organization}), (i:Initiative {id: $initiative}), (m:Municipality {code: '2506'})
               SET i.description = 'Projektledare är ' + $person.name + '.'
               CREATE (p:Actor:Person:RoleModel {id: $person.id, kind: 'ROLE_MODEL', name: $person.name, email: $person.email, phone: $person.phone,
                 title: 'Förebild', consentGiven: true})
               CREATE (p)-[:AFFILIATED_WITH]->(o), (p)-[:IN_MUNICIPALITY]->(m)
               CREATE (p)-[:GAVE]->(:Consent {id: randomUUID(), purpose: 'Visas som förebild', givenBy: $person.name, givenAt: datetime()})`,
        parameters: { organization, initiative, person },
      }),
    );
    await createParticipations(db, [{ actor: person.id, initiative: initiative!, role: 'CONTACT' }]);
    ids.push(organization!, initiative!);
  });
  afterAll(() => removeNodes(db, ids));

  it('exports everything held about the person to an admin, and to no one else', async () => {
    const query = `query ($id: ID!) { personData(id: $id) { name email phone roleModel organization municipalities
      participations { initiative role status } consents { purpose givenBy } } }`;
    const data = await client().data(query, { id: person.id }, admin.headers);
    expect(data.personData).toEqual({
      name: person.name,
      email: person.email,
      phone: person.phone,
      roleModel: true,
      organization: `${token} Föreningen`,
      municipalities: ['Arjeplog'],
      participations: [{ initiative: `${token} Projektet`, role: 'CONTACT', status: 'CONFIRMED' }],
      consents: [{ purpose: 'Visas som förebild', givenBy: person.name }],
    });
    const strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: ['2506'] });
    expect((await client().graphql(query, { id: person.id }, strategist.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('erases the person and every copy of their data, keeping an audit entry without it', async () => {
    const erased = await client().data('mutation ($id: ID!) { erasePerson(id: $id) }', { id: person.id }, admin.headers);
    expect(erased.erasePerson).toBe(true);

    const traces = await db.read(async (tx) => {
      const result = await tx.run<{ where: string }>({
        text: `CALL () {
                 MATCH (n) UNWIND keys(n) AS key WITH n, key, n[key] AS value
                 RETURN labels(n)[0] + '.' + key AS where, value
                 UNION ALL
                 MATCH ()-[r]->() UNWIND keys(r) AS key WITH r, key, r[key] AS value
                 RETURN type(r) + '.' + key AS where, value
               }
               WITH where, CASE WHEN value IS :: LIST<STRING> THEN value WHEN value IS :: STRING THEN [value] ELSE [] END AS texts
               UNWIND texts AS text
               WITH where, text WHERE any(trace IN $traces WHERE text CONTAINS trace)
               RETURN DISTINCT where`,
        parameters: { traces: [person.name, person.email, person.phone] },
      });
      return result.records.map((record) => record.get('where'));
    });
    expect(traces).toEqual([]);

    const remaining = await db.read(async (tx) => {
      const result = await tx.run({
        text: `RETURN COUNT { (p:Person {id: $id}) } AS people, COUNT { (:Erasure {personId: $id}) } AS erasures,
                      COUNT { (e:AuditEntry) WHERE e.action = 'erasePerson' AND $id IN e.targetIds } AS audits`,
        parameters: { id: person.id },
      });
      return result.records[0]!.toObject();
    });
    expect(remaining).toEqual({ people: 0, erasures: 1, audits: 1 });
    const description = await client().data('query ($id: ID!) { initiative(id: $id) { description } }', { id: ids[1] });
    expect(description.initiative.description).toBe('Projektledare är [borttaget].');
  });

  it('answers NOT_FOUND for a person that is gone, and refuses everyone but admins', async () => {
    const again = await client().graphql('mutation ($id: ID!) { erasePerson(id: $id) }', { id: person.id }, admin.headers);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: ['2506'] });
    expect((await client().graphql('mutation ($id: ID!) { erasePerson(id: $id) }', { id: newId() }, strategist.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await client().graphql('mutation ($id: ID!) { erasePerson(id: $id) }', { id: newId() })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps an erased seed person out when the seed is loaded again, and redacts them from its texts', async () => {
    const key = `seed-person-${token.toLowerCase()}`;
    await db.write((tx) => tx.run({ text: 'CREATE (:Erasure {personId: $id, erasedAt: datetime()})', parameters: { id: stableId('Actor', key) } }));
    const contact = { email: `${key}@example.org`, phone: null, address: null };
    const network = await withoutErasedPeople(db, {
      sources: [],
      organizations: [],
      people: [{ key, name: 'Sigrid Seedsson', roleModel: false, title: null, description: null, organization: null, municipalities: [], themes: [], contact, sources: [] }],
      initiatives: [{ key: 'i', kind: 'PROJECT', name: 'Projekt', description: 'Frågor till Sigrid Seedsson.', start: null, end: null, themes: [], municipalities: [], partOf: null, sources: [] }],
      participations: [{ actor: key, initiative: 'i', role: 'CONTACT', since: null, until: null, sources: [] }],
      grants: [],
      events: [],
    });
    expect(network.people).toEqual([]);
    expect(network.participations).toEqual([]);
    expect(network.initiatives[0]!.description).toBe('Frågor till [borttaget].');
    await db.write((tx) => tx.run({ text: 'MATCH (e:Erasure {personId: $id}) DELETE e', parameters: { id: stableId('Actor', key) } }));
  });
});
