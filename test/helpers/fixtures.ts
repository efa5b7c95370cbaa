import { randomBytes } from 'node:crypto';
import type { Database } from '../../server/db/database.ts';
import { newId } from '../../server/shared/ids.ts';
import { parsePartialDate } from '../../server/shared/partial-date.ts';

/** A word no other test uses, so that a file's data can be found by full text and left alone by others. */
export function uniqueToken(prefix = 'Test'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

export interface OrganizationFixture {
  id?: string;
  name: string;
  kind?: 'ASSOCIATION' | 'AUTHORITY' | 'MUNICIPAL_UNIT' | 'BUSINESS';
  status?: 'PENDING' | 'VERIFIED' | 'REJECTED';
  description?: string | null;
  themes?: string[];
  municipalities?: string[];
  email?: string | null;
  phone?: string | null;
}

export interface InitiativeFixture {
  id?: string;
  name: string;
  kind?: string;
  description?: string | null;
  start?: string | null;
  end?: string | null;
  themes?: string[];
  municipalities?: string[];
  partOf?: string | null;
}

const labelOf = { ASSOCIATION: 'Association', AUTHORITY: 'Authority', MUNICIPAL_UNIT: 'MunicipalUnit', BUSINESS: 'Business' } as const;

/** Writes organisations the way the service stores them; returns their ids in order. */
export async function createOrganizations(db: Database, organizations: OrganizationFixture[]): Promise<string[]> {
  const rows = organizations.map((o) => ({
    id: o.id ?? newId(),
    name: o.name,
    kind: o.kind ?? 'ASSOCIATION',
    status: o.status ?? 'VERIFIED',
    description: o.description ?? null,
    themes: o.themes ?? [],
    municipalities: o.municipalities ?? [],
    email: o.email ?? null,
    phone: o.phone ?? null,
  }));
  await db.write(async (tx) => {
    for (const kind of Object.keys(labelOf) as (keyof typeof labelOf)[]) {
      const ofKind = rows.filter((row) => row.kind === kind);
      if (ofKind.length === 0) continue;
      await tx.run({
        text: `UNWIND $rows AS row
               CREATE (o:Actor:Organization:${labelOf[kind]} {id: row.id, kind: row.kind, name: row.name, status: row.status,
                 description: row.description, email: row.email, phone: row.phone, createdAt: datetime(), createdBy: 'test'})
               WITH o, row
               CALL (o, row) { UNWIND row.themes AS key MATCH (t:Theme {key: key}) CREATE (o)-[:HAS_THEME]->(t) }
               CALL (o, row) { UNWIND row.municipalities AS code MATCH (m:Municipality {code: code}) CREATE (o)-[:IN_MUNICIPALITY]->(m) }`,
        parameters: { rows: ofKind },
      });
    }
  });
  return rows.map((row) => row.id);
}

export async function createInitiatives(db: Database, initiatives: InitiativeFixture[]): Promise<string[]> {
  const rows = initiatives.map((i) => ({
    id: i.id ?? newId(),
    name: i.name,
    kind: i.kind ?? 'PROJECT',
    // As the service stores an initiative a strategist records: public at once, at its first version.
    status: 'VERIFIED',
    version: 1,
    description: i.description ?? null,
    start: i.start ?? null,
    end: i.end ?? null,
    startFirst: i.start ? parsePartialDate(i.start)!.first : null,
    endLast: i.end ? parsePartialDate(i.end)!.last : null,
    themes: i.themes ?? [],
    municipalities: i.municipalities ?? [],
    partOf: i.partOf ?? null,
  }));
  await db.write((tx) =>
    tx.run({
      text: `UNWIND $rows AS row
             CREATE (i:Initiative {id: row.id, status: row.status, version: row.version, kind: row.kind, name: row.name, description: row.description, start: row.start, end: row.end,
               startFirst: date(row.startFirst), endLast: date(row.endLast), createdAt: datetime(), createdBy: 'test'})
             WITH i, row
             CALL (i, row) { UNWIND row.themes AS key MATCH (t:Theme {key: key}) CREATE (i)-[:HAS_THEME]->(t) }
             CALL (i, row) { UNWIND row.municipalities AS code MATCH (m:Municipality {code: code}) CREATE (i)-[:IN_MUNICIPALITY]->(m) }
             CALL (i, row) { MATCH (whole:Initiative {id: row.partOf}) CREATE (i)-[:PART_OF]->(whole) }`,
      parameters: { rows },
    }),
  );
  return rows.map((row) => row.id);
}

export async function createParticipations(
  db: Database,
  participations: { actor: string; initiative: string; role: string; status?: string; since?: string | null }[],
): Promise<void> {
  await db.write((tx) =>
    tx.run({
      text: `UNWIND $rows AS row
             MATCH (a:Actor {id: row.actor}), (i:Initiative {id: row.initiative})
             CREATE (a)-[:PARTICIPATES_IN {id: row.id, role: row.role, status: row.status, since: row.since, sources: [], createdAt: datetime(), createdBy: 'test'}]->(i)`,
      parameters: { rows: participations.map((p) => ({ id: newId(), status: 'CONFIRMED', since: null, ...p })) },
    }),
  );
}

/** Removes everything a test created, by id. */
export async function removeNodes(db: Database, ids: string[]): Promise<void> {
  await db.write((tx) => tx.run({ text: 'MATCH (n) WHERE (n:Actor OR n:Initiative) AND n.id IN $ids DETACH DELETE n', parameters: { ids } }));
}
