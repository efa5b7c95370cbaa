import { organizationLabelByKind } from '../../server/actors/kinds.ts';
import type { Batch } from './network.ts';

/** Nodes and relationships a batch creates, by label and by relationship type. */
export interface BatchCount {
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}

const sum = <T>(rows: T[], count: (row: T) => number) => rows.reduce((total, row) => total + count(row), 0);

/** What writing the batch must create: the loader checks Neo4j's counters against it. */
export function countBatch(batch: Batch): BatchCount {
  const n = batch.rows.length;
  switch (batch.type) {
    case 'organizations': {
      const links = { ...placesAndThemes(batch.rows), PART_OF: sum(batch.rows, (r) => (r.parent ? 1 : 0)) };
      return counted({ Actor: n, Organization: n, [organizationLabelByKind[batch.kind]]: n }, links, n);
    }
    case 'roleModels': {
      const consents = sum(batch.rows, (r) => (r.consent ? 1 : 0));
      const links = { ...placesAndThemes(batch.rows), GAVE: consents, AFFILIATED_WITH: sum(batch.rows, (r) => (r.organization ? 1 : 0)) };
      return counted({ Actor: n, Person: n, RoleModel: n, Consent: consents }, links, n + consents);
    }
    case 'initiatives':
      return counted({ Initiative: n }, { ...placesAndThemes(batch.rows), PART_OF: sum(batch.rows, (r) => (r.partOf ? 1 : 0)) }, n);
    case 'participations':
      return counted({}, { PARTICIPATES_IN: n }, 0);
  }
}

function placesAndThemes(rows: { themes: string[]; municipalities: string[] }[]) {
  return { HAS_THEME: sum(rows, (r) => r.themes.length), IN_MUNICIPALITY: sum(rows, (r) => r.municipalities.length) };
}

function counted(labels: Record<string, number>, types: Record<string, number>, nodes: number): BatchCount {
  return { nodes, relationships: Object.values(types).reduce((a, b) => a + b, 0), labels, types };
}

/** Running totals over many batches. */
export class Tally {
  nodes = 0;
  relationships = 0;
  readonly labels: Record<string, number> = {};
  readonly types: Record<string, number> = {};

  add(count: BatchCount): void {
    this.nodes += count.nodes;
    this.relationships += count.relationships;
    for (const [label, n] of Object.entries(count.labels)) this.labels[label] = (this.labels[label] ?? 0) + n;
    for (const [type, n] of Object.entries(count.types)) this.types[type] = (this.types[type] ?? 0) + n;
  }

  get entities(): number {
    return this.nodes + this.relationships;
  }
}
