import type { Database } from '../../server/db/database.ts';
import { writeEvents } from '../../server/repositories/events.ts';
import { writeGrants } from '../../server/repositories/grants.ts';
import { writeInitiatives } from '../../server/repositories/initiatives.ts';
import type { WriteOptions } from '../../server/repositories/links.ts';
import { writeOrganizations } from '../../server/repositories/organizations.ts';
import { writeParticipations } from '../../server/repositories/participations.ts';
import { writePeople } from '../../server/repositories/people.ts';
import { writeSources } from '../../server/repositories/sources.ts';
import { stableId } from '../../server/shared/ids.ts';
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

/** Seeded things are MERGEd by their stable ids, so a reload finds them and leaves one of each. */
const seedWrite: WriteOptions = { mode: 'merge', author: 'seed' };

/** Loads the whole seed network in one transaction, through the write repositories. Ids derive from keys, so a reload is idempotent. */
export async function loadSeedNetwork(db: Database, documents: SeedDocument[] = readSeedDocuments()): Promise<SeedCounts> {
  const network = await withoutErasedPeople(db, mergeSeedDocuments(documents));
  await db.write(async (tx) => {
    await writeSources(tx, network.sources.map((source) => ({ id: id('Source', source.key), title: source.title, publisher: source.publisher,
      published: source.published, url: source.url, document: source.document })), seedWrite);
    // Parents before their units: a unit's PART_OF finds its parent only once it is written.
    const organizations = network.organizations.map((organization) => ({
      id: id('Actor', organization.key),
      seedKey: organization.key,
      kind: organization.kind,
      name: organization.name,
      description: organization.description,
      organizationNumber: organization.organizationNumber,
      email: organization.contact.email,
      phone: organization.contact.phone,
      address: organization.contact.address ?? null,
      status: 'VERIFIED' as const,
      themes: organization.themes,
      municipalities: organization.municipalities,
      sources: sourceIds(organization.sources),
      parent: organization.parent ? id('Actor', organization.parent) : null,
    }));
    await writeOrganizations(tx, organizations.filter((o) => !o.parent), seedWrite);
    await writeOrganizations(tx, organizations.filter((o) => o.parent), seedWrite);
    await writePeople(tx, network.people.map((person) => ({
      id: id('Actor', person.key),
      seedKey: person.key,
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
    })), seedWrite);
    const initiatives = network.initiatives.map((initiative) => ({
      id: id('Initiative', initiative.key),
      seedKey: initiative.key,
      kind: initiative.kind,
      name: initiative.name,
      description: initiative.description,
      start: initiative.start,
      end: initiative.end,
      status: 'VERIFIED' as const,
      themes: initiative.themes,
      municipalities: initiative.municipalities,
      sources: sourceIds(initiative.sources),
      partOf: initiative.partOf ? id('Initiative', initiative.partOf) : null,
    }));
    // Wholes before their parts, for the same reason; parts of parts come last.
    const depth = (key: string | null): number => (key ? 1 + depth(network.initiatives.find((i) => i.key === key)?.partOf ?? null) : 0);
    const byDepth = [...initiatives].sort((x, y) => depth(x.seedKey) - depth(y.seedKey));
    for (const level of new Set(byDepth.map((i) => depth(i.seedKey)))) {
      await writeInitiatives(tx, byDepth.filter((i) => depth(i.seedKey) === level), seedWrite);
    }
    await writeParticipations(tx, network.participations.map((participation) => ({
      id: id('Participation', `${participation.actor}|${participation.initiative}|${participation.role}`),
      actor: id('Actor', participation.actor),
      initiative: id('Initiative', participation.initiative),
      role: participation.role,
      since: participation.since,
      until: participation.until,
      status: 'CONFIRMED' as const,
      sources: sourceIds(participation.sources),
    })), seedWrite);
    await writeGrants(tx, network.grants.map((grant) => ({
      id: id('Grant', grant.key),
      seedKey: grant.key,
      funder: id('Actor', grant.funder),
      initiative: id('Initiative', grant.initiative),
      amount: grant.amount,
      currency: grant.currency,
      programme: grant.programme,
      awarded: grant.awarded,
      sources: sourceIds(grant.sources),
    })), seedWrite);
    await writeEvents(tx, network.events.map((event) => ({
      id: id('Event', event.key),
      seedKey: event.key,
      name: event.name,
      date: event.date,
      description: event.description,
      initiative: event.initiative ? id('Initiative', event.initiative) : null,
      municipalities: event.municipalities,
      sources: sourceIds(event.sources),
    })), seedWrite);
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
