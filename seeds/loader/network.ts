import type { Database, Transaction } from '../../server/db/database.ts';
import { organizationKinds, organizationLabelByKind } from '../../server/actors/kinds.ts';
import { stableId } from '../../server/shared/ids.ts';
import { parsePartialDate } from '../../server/shared/partial-date.ts';
import { readSeedDocuments, type SeedDocument } from './network-files.ts';
import { withoutErasedPeople } from './erasures.ts';
import { mergeSeedDocuments, type MergedNetwork } from './merge.ts';

export interface SeedCounts {
  sources: number;
  organizations: number;
  people: number;
  initiatives: number;
  participations: number;
  grants: number;
  events: number;
}

const SEED_AUTHOR = 'seed';

/** The first and last day a partial date covers, for comparisons in Cypher. */
function dateBounds(text: string | null) {
  const parsed = text ? parsePartialDate(text) : null;
  return { first: parsed?.first ?? null, last: parsed?.last ?? null };
}

/** Loads the whole seed network in one transaction. Ids derive from keys, so a reload is idempotent. */
export async function loadSeedNetwork(db: Database, documents: SeedDocument[] = readSeedDocuments()): Promise<SeedCounts> {
  const network = await withoutErasedPeople(db, mergeSeedDocuments(documents));
  await db.write(async (tx) => {
    await writeSources(tx, network);
    await writeOrganizations(tx, network);
    await writePeople(tx, network);
    await writeInitiatives(tx, network);
    await writeParticipations(tx, network);
    await writeGrants(tx, network);
    await writeEvents(tx, network);
  });
  return {
    sources: network.sources.length,
    organizations: network.organizations.length,
    people: network.people.length,
    initiatives: network.initiatives.length,
    participations: network.participations.length,
    grants: network.grants.length,
    events: network.events.length,
  };
}

/** Loads the seed network only into a database that has no organisations yet. */
export async function seedIfEmpty(db: Database): Promise<SeedCounts | null> {
  const empty = await db.read(async (tx) => {
    const result = await tx.run<{ empty: boolean }>({ text: 'MATCH (o:Organization) WITH count(o) AS n RETURN n = 0 AS empty' });
    return result.records[0]!.get('empty');
  });
  return empty ? loadSeedNetwork(db) : null;
}

const id = (kind: string, key: string) => stableId(kind, key);
const sourceIds = (keys: string[]) => keys.map((key) => id('Source', key));

async function writeSources(tx: Transaction, network: MergedNetwork) {
  await tx.run({
    text: `UNWIND $sources AS source
           MERGE (s:Source {id: source.id})
           SET s.title = source.title, s.publisher = source.publisher, s.published = source.published,
               s.url = source.url, s.document = source.document`,
    parameters: { sources: network.sources.map((source) => ({ ...source, id: id('Source', source.key) })) },
  });
}

/** Themes, kommuner and sources of any actor or initiative, replaced as a whole on reload. */
const linkStatement = `
  WITH n, row
  OPTIONAL MATCH (n)-[old:HAS_THEME|IN_MUNICIPALITY|CITES]->()
  DELETE old
  WITH DISTINCT n, row
  CALL (n, row) {
    UNWIND row.themes AS key MATCH (t:Theme {key: key}) MERGE (n)-[:HAS_THEME]->(t)
  }
  CALL (n, row) {
    UNWIND row.municipalities AS code MATCH (m:Municipality {code: code}) MERGE (n)-[:IN_MUNICIPALITY]->(m)
  }
  CALL (n, row) {
    UNWIND row.sources AS sourceId MATCH (s:Source {id: sourceId}) MERGE (n)-[:CITES]->(s)
  }`;

const provenance = `n.createdAt = coalesce(n.createdAt, datetime()), n.createdBy = coalesce(n.createdBy, $author), n.updatedAt = datetime()`;

async function writeOrganizations(tx: Transaction, network: MergedNetwork) {
  for (const kind of organizationKinds) {
    const rows = network.organizations
      .filter((organization) => organization.kind === kind)
      .map((organization) => ({
        id: id('Actor', organization.key),
        key: organization.key,
        kind,
        name: organization.name,
        description: organization.description,
        organizationNumber: organization.organizationNumber,
        email: organization.contact.email,
        phone: organization.contact.phone,
        address: organization.contact.address ?? null,
        themes: organization.themes,
        municipalities: organization.municipalities,
        sources: sourceIds(organization.sources),
      }));
    if (rows.length === 0) continue;
    await tx.run({
      text: `UNWIND $rows AS row
             MERGE (n:Actor:Organization {id: row.id})
             SET n:${organizationLabelByKind[kind]},
                 n.seedKey = row.key, n.kind = row.kind, n.name = row.name, n.description = row.description,
                 n.organizationNumber = row.organizationNumber, n.email = row.email, n.phone = row.phone,
                 n.address = row.address, n.status = 'VERIFIED', ${provenance}
             ${linkStatement}`,
      parameters: { rows, author: SEED_AUTHOR },
    });
  }
  await tx.run({
    text: `UNWIND $links AS link
           MATCH (child:Actor:Organization {id: link.child}), (parent:Actor:Organization {id: link.parent})
           MERGE (child)-[:PART_OF]->(parent)`,
    parameters: {
      links: network.organizations
        .filter((organization) => organization.parent)
        .map((organization) => ({ child: id('Actor', organization.key), parent: id('Actor', organization.parent!) })),
    },
  });
}

async function writePeople(tx: Transaction, network: MergedNetwork) {
  const rows = network.people.map((person) => ({
    id: id('Actor', person.key),
    key: person.key,
    name: person.name,
    title: person.title,
    description: person.description,
    roleModel: person.roleModel,
    email: person.contact.email,
    phone: person.contact.phone,
    organization: person.organization ? id('Actor', person.organization) : null,
    themes: person.themes,
    municipalities: person.municipalities,
    sources: sourceIds(person.sources),
  }));
  await tx.run({
    text: `UNWIND $rows AS row
           MERGE (n:Actor:Person {id: row.id})
           SET n.seedKey = row.key, n.kind = CASE WHEN row.roleModel THEN 'ROLE_MODEL' ELSE 'PERSON' END,
               n.name = row.name, n.title = row.title, n.description = row.description,
               n.email = row.email, n.phone = row.phone, ${provenance}
           FOREACH (_ IN CASE WHEN row.roleModel THEN [1] ELSE [] END | SET n:RoleModel)
           WITH n, row
           CALL (n, row) {
             OPTIONAL MATCH (n)-[old:AFFILIATED_WITH]->() DELETE old
           }
           CALL (n, row) {
             MATCH (o:Actor:Organization {id: row.organization}) MERGE (n)-[:AFFILIATED_WITH]->(o)
           }
           ${linkStatement}`,
    parameters: { rows, author: SEED_AUTHOR },
  });
}

async function writeInitiatives(tx: Transaction, network: MergedNetwork) {
  const rows = network.initiatives.map((initiative) => ({
    id: id('Initiative', initiative.key),
    key: initiative.key,
    kind: initiative.kind,
    name: initiative.name,
    description: initiative.description,
    start: initiative.start,
    end: initiative.end,
    startFirst: dateBounds(initiative.start).first,
    endLast: dateBounds(initiative.end).last,
    themes: initiative.themes,
    municipalities: initiative.municipalities,
    sources: sourceIds(initiative.sources),
  }));
  await tx.run({
    text: `UNWIND $rows AS row
           MERGE (n:Initiative {id: row.id})
           SET n.seedKey = row.key, n.kind = row.kind, n.name = row.name, n.description = row.description,
               n.start = row.start, n.end = row.end,
               n.startFirst = date(row.startFirst), n.endLast = date(row.endLast), ${provenance}
           ${linkStatement}`,
    parameters: { rows, author: SEED_AUTHOR },
  });
  await tx.run({
    text: `UNWIND $links AS link
           MATCH (part:Initiative {id: link.part}), (whole:Initiative {id: link.whole})
           MERGE (part)-[:PART_OF]->(whole)`,
    parameters: {
      links: network.initiatives
        .filter((initiative) => initiative.partOf)
        .map((initiative) => ({ part: id('Initiative', initiative.key), whole: id('Initiative', initiative.partOf!) })),
    },
  });
}

async function writeParticipations(tx: Transaction, network: MergedNetwork) {
  const rows = network.participations.map((participation) => ({
    actor: id('Actor', participation.actor),
    initiative: id('Initiative', participation.initiative),
    role: participation.role,
    since: participation.since,
    until: participation.until,
    sinceFirst: dateBounds(participation.since).first,
    untilLast: dateBounds(participation.until).last,
    sources: sourceIds(participation.sources),
  }));
  await tx.run({
    text: `UNWIND $rows AS row
           MATCH (a:Actor {id: row.actor}), (i:Initiative {id: row.initiative})
           MERGE (a)-[p:PARTICIPATES_IN {role: row.role}]->(i)
           SET p.since = row.since, p.until = row.until,
               p.sinceFirst = date(row.sinceFirst), p.untilLast = date(row.untilLast),
               p.status = 'CONFIRMED', p.sources = row.sources,
               p.createdAt = coalesce(p.createdAt, datetime()), p.createdBy = coalesce(p.createdBy, $author)`,
    parameters: { rows, author: SEED_AUTHOR },
  });
}

async function writeGrants(tx: Transaction, network: MergedNetwork) {
  const rows = network.grants.map((grant) => ({
    id: id('Grant', grant.key),
    key: grant.key,
    funder: id('Actor', grant.funder),
    initiative: id('Initiative', grant.initiative),
    amount: grant.amount,
    currency: grant.currency,
    programme: grant.programme,
    awarded: grant.awarded,
    themes: [],
    municipalities: [],
    sources: sourceIds(grant.sources),
  }));
  await tx.run({
    text: `UNWIND $rows AS row
           MATCH (f:Actor {id: row.funder}), (i:Initiative {id: row.initiative})
           MERGE (n:Grant {id: row.id})
           SET n.seedKey = row.key, n.amount = toFloat(row.amount), n.currency = row.currency,
               n.programme = row.programme, n.awarded = row.awarded, ${provenance}
           MERGE (n)-[:FUNDED_BY]->(f)
           MERGE (n)-[:FOR]->(i)
           ${linkStatement}`,
    parameters: { rows, author: SEED_AUTHOR },
  });
}

async function writeEvents(tx: Transaction, network: MergedNetwork) {
  const rows = network.events.map((event) => ({
    id: id('Event', event.key),
    key: event.key,
    name: event.name,
    date: event.date,
    description: event.description,
    initiative: event.initiative ? id('Initiative', event.initiative) : null,
    themes: [],
    municipalities: event.municipalities,
    sources: sourceIds(event.sources),
  }));
  await tx.run({
    text: `UNWIND $rows AS row
           MERGE (n:Event {id: row.id})
           SET n.seedKey = row.key, n.name = row.name, n.date = row.date, n.description = row.description, ${provenance}
           WITH n, row
           CALL (n, row) {
             MATCH (i:Initiative {id: row.initiative}) MERGE (n)-[:OF]->(i)
           }
           ${linkStatement}`,
    parameters: { rows, author: SEED_AUTHOR },
  });
}
