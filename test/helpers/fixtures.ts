import { randomBytes } from 'node:crypto';
import type { OrganizationKind } from '../../server/actors/kinds.ts';
import type { InitiativeStatus, OrganizationStatus, ParticipationStatus } from '../../server/auth/visibility.ts';
import type { Database } from '../../server/db/database.ts';
import type { InitiativeKind, ParticipationRole } from '../../server/initiatives/vocabulary.ts';
import { writeInitiatives } from '../../server/repositories/initiatives.ts';
import type { WriteOptions } from '../../server/repositories/links.ts';
import { writeOrganizations } from '../../server/repositories/organizations.ts';
import { writeParticipations } from '../../server/repositories/participations.ts';
import { writePeople } from '../../server/repositories/people.ts';
import { newId } from '../../server/shared/ids.ts';

/** A word no other test uses, so that a file's data can be found by full text and left alone by others. */
export function uniqueToken(prefix = 'Test'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

/** Fixtures are new nodes, written through the same repositories as the service's own writes. */
const testWrite: WriteOptions = { mode: 'create', author: 'test' };

export interface OrganizationFixture {
  id?: string;
  name: string;
  kind?: OrganizationKind;
  status?: OrganizationStatus;
  description?: string | null;
  organizationNumber?: string | null;
  themes?: string[];
  municipalities?: string[];
  email?: string | null;
  phone?: string | null;
}

export interface InitiativeFixture {
  id?: string;
  name: string;
  kind?: InitiativeKind;
  status?: InitiativeStatus;
  description?: string | null;
  start?: string | null;
  end?: string | null;
  themes?: string[];
  municipalities?: string[];
  partOf?: string | null;
}

export interface PersonFixture {
  id?: string;
  name: string;
  roleModel?: boolean;
  title?: string | null;
  description?: string | null;
  email?: string | null;
  phone?: string | null;
  /** The organisation the person works for. */
  organization?: string | null;
  themes?: string[];
  municipalities?: string[];
  /** Who consented to the person being shown, for a role model recorded with a consent. */
  consentGivenBy?: string | null;
}

/** Role and status as plain strings, as tests build them (some from generated input); the repository's types are asserted on writing. */
export interface ParticipationFixture {
  actor: string;
  initiative: string;
  role: string;
  status?: string;
  since?: string | null;
}

/** Writes organisations (verified associations unless told otherwise); returns their ids in order. */
export async function createOrganizations(db: Database, organizations: OrganizationFixture[]): Promise<string[]> {
  const rows = organizations.map((o) => ({
    id: o.id ?? newId(),
    kind: o.kind ?? 'ASSOCIATION',
    name: o.name,
    description: o.description ?? null,
    organizationNumber: o.organizationNumber ?? null,
    email: o.email ?? null,
    phone: o.phone ?? null,
    address: null,
    status: o.status ?? 'VERIFIED',
    themes: o.themes ?? [],
    municipalities: o.municipalities ?? [],
    sources: [],
    parent: null,
  }));
  await db.write((tx) => writeOrganizations(tx, rows, testWrite));
  return rows.map((row) => row.id);
}

/** Writes initiatives (verified projects unless told otherwise); returns their ids in order. */
export async function createInitiatives(db: Database, initiatives: InitiativeFixture[]): Promise<string[]> {
  const rows = initiatives.map((i) => ({
    id: i.id ?? newId(),
    kind: i.kind ?? 'PROJECT',
    name: i.name,
    description: i.description ?? null,
    start: i.start ?? null,
    end: i.end ?? null,
    status: i.status ?? 'VERIFIED',
    themes: i.themes ?? [],
    municipalities: i.municipalities ?? [],
    sources: [],
    partOf: i.partOf ?? null,
  }));
  await db.write((tx) => writeInitiatives(tx, rows, testWrite));
  return rows.map((row) => row.id);
}

/** Writes people (contacts unless they are role models); returns their ids in order. */
export async function createPeople(db: Database, people: PersonFixture[]): Promise<string[]> {
  const rows = people.map((p) => ({
    id: p.id ?? newId(),
    name: p.name,
    title: p.title ?? null,
    description: p.description ?? null,
    roleModel: p.roleModel ?? false,
    email: p.email ?? null,
    phone: p.phone ?? null,
    organization: p.organization ?? null,
    themes: p.themes ?? [],
    municipalities: p.municipalities ?? [],
    sources: [],
    consent: p.consentGivenBy ? { id: newId(), purpose: 'Visas som förebild', givenBy: p.consentGivenBy, givenAt: null } : null,
  }));
  await db.write((tx) => writePeople(tx, rows, testWrite));
  return rows.map((row) => row.id);
}

/** Writes participations, confirmed and undated unless told otherwise. */
/** Writes participations; returns their ids in order. */
export async function createParticipations(db: Database, participations: ParticipationFixture[]): Promise<string[]> {
  const rows = participations.map((p) => ({
    id: newId(),
    actor: p.actor,
    initiative: p.initiative,
    role: p.role as ParticipationRole,
    since: p.since ?? null,
    until: null,
    status: (p.status ?? 'CONFIRMED') as ParticipationStatus,
    sources: [],
  }));
  await db.write((tx) => writeParticipations(tx, rows, testWrite));
  return rows.map((row) => row.id);
}

/** Removes everything a test created, by id, with the consents its people gave. */
export async function removeNodes(db: Database, ids: string[]): Promise<void> {
  await db.write((tx) =>
    tx.run({
      text: `MATCH (n) WHERE (n:Actor OR n:Initiative) AND n.id IN $ids
             OPTIONAL MATCH (n)-[:GAVE]->(consent:Consent)
             DETACH DELETE n, consent`,
      parameters: { ids },
    }),
  );
}
