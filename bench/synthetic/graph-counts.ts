import type { Database } from '../../server/db/database.ts';

export interface GraphCounts {
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}

/** Every node label and relationship type in the database with its count (reference data included). */
export async function countGraph(db: Database): Promise<GraphCounts> {
  return db.read(async (tx) => {
    const labels = await tx.run<{ label: string; count: number }>({
      text: 'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label',
    });
    const nodes = await tx.run<{ count: number }>({ text: 'MATCH (n) RETURN count(n) AS count' });
    const types = await tx.run<{ type: string; count: number }>({
      text: 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type',
    });
    const typeCounts = Object.fromEntries(types.records.map((record) => [record.get('type'), record.get('count')]));
    return {
      nodes: nodes.records[0]!.get('count'),
      relationships: Object.values(typeCounts).reduce((a, b) => a + b, 0),
      labels: Object.fromEntries(labels.records.map((record) => [record.get('label'), record.get('count')])),
      types: typeCounts,
    };
  });
}
