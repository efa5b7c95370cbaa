import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedDocuments, type SeedDocument } from '../../seeds/loader/network-files.ts';
import { loadSeedNetwork } from '../../seeds/loader/network.ts';
import type { Database } from '../../server/db/database.ts';
import { newId, stableId } from '../../server/shared/ids.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

/**
 * A seed document of the test's own, in the shape of seeds/network/*.json, naming one person who is the
 * contact of a project that an association of theirs leads, and whose name, e-mail and phone appear in
 * the association's, the project's and the source's texts. Every person in seeds/network is asserted on
 * by test/network/seed-facts.test.ts, which reads the same database at the same time, so erasing one of
 * them would fail those tests; this person is loaded by the seed loader along with the seed files, and
 * so is seeded exactly as theirs are.
 */
function ownSeedDocument(token: string) {
  const slug = token.toLowerCase();
  const person = {
    key: `person-${slug}`,
    name: `Sigrid ${token}`,
    roleModel: false,
    title: 'Projektledare',
    description: null,
    organization: `association-${slug}`,
    municipalities: [],
    themes: [],
    // Random digits, so that no other text in the shared database holds this phone number.
    contact: { email: `sigrid.${slug}@example.org`, phone: `070-${randomInt(1_000_000, 10_000_000)}` },
  };
  const organization = {
    key: `association-${slug}`,
    kind: 'ASSOCIATION' as const,
    name: `${token} Föreningen`,
    description: `Kontakt: ${person.name}, ${person.contact.phone}`,
    organizationNumber: null,
    parent: null,
    municipalities: [],
    themes: [],
    contact: { email: null, phone: null, address: null },
  };
  const initiative = {
    key: `project-${slug}`,
    kind: 'PROJECT' as const,
    name: `${token} Projektet`,
    description: `Frågor besvaras av ${person.name} (${person.contact.email}).`,
    start: null,
    end: null,
    themes: [],
    municipalities: [],
    partOf: null,
  };
  const document: SeedDocument = {
    source: { key: `src-${slug}`, document: `${slug}.txt`, title: `Intervju med ${person.name}`, publisher: organization.name, published: null, url: null },
    organizations: [organization],
    people: [person],
    initiatives: [initiative],
    participations: [
      { actor: organization.key, initiative: initiative.key, role: 'LEAD', since: null, until: null },
      { actor: person.key, initiative: initiative.key, role: 'CONTACT', since: null, until: null },
    ],
    grants: [],
    events: [],
  };
  const ids = {
    person: stableId('Actor', person.key),
    organization: stableId('Actor', organization.key),
    initiative: stableId('Initiative', initiative.key),
    source: stableId('Source', document.source.key),
  };
  return { document, person, ids };
}

/** Where in the graph, as label.property or TYPE.property, any text still contains one of `traces`. */
async function placesHolding(db: Database, traces: string[]): Promise<string[]> {
  return db.read(async (tx) => {
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
      parameters: { traces },
    });
    return result.records.map((record) => record.get('where'));
  });
}

describe('personal data: access (art. 15) and erasure (art. 17)', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Radera');
  const person = { id: newId(), name: `Erika ${token}`, email: `${token.toLowerCase()}@example.org`, phone: '070-555 12 34' };
  const ids: string[] = [];
  const seeded = ownSeedDocument(uniqueToken('Seedad'));
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
               SET i.description = 'Projektledare är ' + $person.name + '.', i.status = 'VERIFIED'
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
  afterAll(async () => {
    // The seeded person too, in case a failure came before their erasure.
    await removeNodes(db, [...ids, seeded.ids.person, seeded.ids.organization, seeded.ids.initiative]);
    await db.write((tx) => tx.run({ text: 'MATCH (s:Source {id: $id}) DETACH DELETE s', parameters: { id: seeded.ids.source } }));
  });

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

    expect(await placesHolding(db, [person.name, person.email, person.phone])).toEqual([]);

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

  it('keeps an erased seed person out when the seed is loaded again, with their participations and every trace of them', async () => {
    const { person: personId, organization: organizationId, initiative: initiativeId } = seeded.ids;
    const loadSeedWithOwnDocument = () => loadSeedNetwork(db, [...readSeedDocuments(), seeded.document]);
    const participantsOfInitiative = () =>
      db.read(async (tx) => {
        const result = await tx.run<{ role: string; actor: string }>({
          text: `MATCH (a:Actor)-[p:PARTICIPATES_IN]->(:Initiative {id: $initiativeId}) RETURN p.role AS role, a.id AS actor ORDER BY role`,
          parameters: { initiativeId },
        });
        return result.records.map((record) => record.toObject());
      });
    // The full text finds the association too, whose description names the person.
    const actorsNamed = async (name: string) => {
      const data = await client().data('query ($name: String!) { actors(filter: { text: $name }, first: 10) { edges { node { id name } } } }', { name }, admin.headers);
      const found: { id: string; name: string }[] = data.actors.edges.map((edge: { node: { id: string; name: string } }) => edge.node);
      return found.filter((actor) => actor.name === name).map((actor) => actor.id);
    };

    await loadSeedWithOwnDocument();
    expect(await actorsNamed(seeded.person.name)).toEqual([personId]);
    expect(await participantsOfInitiative()).toEqual([
      { role: 'CONTACT', actor: personId },
      { role: 'LEAD', actor: organizationId },
    ]);

    const erased = await client().data('mutation ($id: ID!) { erasePerson(id: $id) }', { id: personId }, admin.headers);
    expect(erased.erasePerson).toBe(true);
    await loadSeedWithOwnDocument();

    const nodesWithId = await db.read(async (tx) => {
      const result = await tx.run<{ count: number }>({ text: 'RETURN COUNT { (n {id: $personId}) } AS count', parameters: { personId } });
      return result.records[0]!.get('count');
    });
    expect(nodesWithId).toBe(0);
    expect(await actorsNamed(seeded.person.name)).toEqual([]);
    expect(await participantsOfInitiative()).toEqual([{ role: 'LEAD', actor: organizationId }]);
    expect(await placesHolding(db, [seeded.person.name, seeded.person.contact.email, seeded.person.contact.phone])).toEqual([]);
    const initiative = await client().data('query ($id: ID!) { initiative(id: $id) { description } }', { id: initiativeId });
    expect(initiative.initiative.description).toBe('Frågor besvaras av [borttaget] ([borttaget]).');
  });
});
