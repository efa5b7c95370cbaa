import type { InitiativeStatus } from '../auth/visibility.ts';
import type { Transaction } from '../db/database.ts';
import type { InitiativeKind } from '../initiatives/vocabulary.ts';
import { lockNode, nodeFor, patchStatement, provenance, replaceLists, replaceOne, type PatchRow, type WriteOptions } from './links.ts';
import { dateBounds, neo4jDate } from './dates.ts';

/** An initiative as stored. Its period is kept as written and as the first and last day it covers. */
export interface InitiativeShape {
  id: string;
  kind: InitiativeKind;
  name: string;
  description: string | null;
  start: string | null;
  end: string | null;
  status: InitiativeStatus;
  themes: string[];
  municipalities: string[];
  sources: string[];
  /** The initiative this one is a part of. */
  partOf: string | null;
  seedKey?: string | null;
}

export function initiativesStatement(mode: WriteOptions['mode']): string {
  return `${nodeFor('Initiative', mode)}
SET n.kind = row.kind, n.name = row.name, n.description = row.description, n.start = row.start, n.end = row.end,
    n.startFirst = date(row.startFirst), n.endLast = date(row.endLast), n.status = row.status, n.seedKey = row.seedKey, ${provenance}
${replaceLists(['themes', 'municipalities', 'sources'], mode)}
${replaceOne('partOf', 'PART_OF', 'Initiative', mode)}`;
}

export async function writeInitiatives(tx: Transaction, rows: InitiativeShape[], options: WriteOptions): Promise<void> {
  if (rows.length === 0) return;
  await tx.run({
    text: initiativesStatement(options.mode),
    parameters: {
      rows: rows.map((row) => ({
        seedKey: null,
        ...row,
        startFirst: dateBounds(row.start).first,
        endLast: dateBounds(row.end).last,
        replace: ['partOf'],
      })),
      author: options.author,
    },
  });
}

/** An initiative as an edit reads it: its shape, version and confirmed leads. */
export interface InitiativeState extends InitiativeShape {
  version: number;
  leadOrganizationIds: string[];
}

/** Reads an initiative for an edit, holding its write lock; null when there is none. */
export async function readInitiativeForUpdate(tx: Transaction, id: string): Promise<InitiativeState | null> {
  const result = await tx.run<{ state: InitiativeState }>({
    text: `MATCH (n:Initiative {id: $id})
           ${lockNode('n')}
           RETURN n { .id, .kind, .name, .description, .start, .end, .status, .version,
             themes: COLLECT { MATCH (n)-[:HAS_THEME]->(t:Theme) RETURN t.key ORDER BY t.key },
             municipalities: COLLECT { MATCH (n)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code ORDER BY m.code },
             sources: COLLECT { MATCH (n)-[:CITES]->(s:Source) RETURN s.id },
             partOf: COLLECT { MATCH (n)-[:PART_OF]->(whole:Initiative) RETURN whole.id }[0],
             leadOrganizationIds: COLLECT { MATCH (n)<-[:PARTICIPATES_IN {role: 'LEAD', status: 'CONFIRMED'}]-(o:Organization) RETURN o.id }
           } AS state`,
    parameters: { id },
  });
  return result.records[0]?.get('state') ?? null;
}

/** The fields of an initiative an edit may set, null clearing an optional one. */
export type InitiativePatch = Partial<Pick<InitiativeShape, 'kind' | 'name' | 'description' | 'start' | 'end' | 'status' | 'themes' | 'municipalities' | 'partOf'>> & {
  reviewReason?: string | null;
};

export async function updateInitiative(tx: Transaction, id: string, patch: InitiativePatch, cite: string[], author: string): Promise<void> {
  const { themes, municipalities, partOf, ...properties } = patch;
  const dated: Record<string, unknown> = { ...properties };
  if ('start' in patch) dated.startFirst = neo4jDate(dateBounds(patch.start).first);
  if ('end' in patch) dated.endLast = neo4jDate(dateBounds(patch.end).last);
  const row: PatchRow = {
    properties: dated,
    themes: themes ?? null,
    municipalities: municipalities ?? null,
    cite,
    replace: 'partOf' in patch ? ['partOf'] : [],
    partOf: partOf ?? null,
  };
  await tx.run({ text: patchStatement('Initiative', ['themes', 'municipalities'], [['partOf', 'PART_OF', 'Initiative']]), parameters: { id, row, author } });
}
