import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { readMigrations, type Migration } from '../db/migrations.ts';
import type { NodeLine, RelationshipLine } from './format.ts';
import { backupLines, BackupFileError, checkBackupFile } from './read-backup.ts';
import { decodeProperties } from './values.ts';
import type { BackupCounts } from './write-backup.ts';

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

const batchSize = 1_000;

/**
 * Loads a backup into an empty database: first the constraints and indexes of the migrations the backup
 * had applied (so that the data is checked as it goes in), then the nodes, then the relationships
 * between them. A database that holds anything is refused: a restore adds, it never merges or replaces.
 *
 * The nodes carry a marker label and their backup name while the relationships are drawn (an index on
 * it finds them), and lose both at the end.
 */
export async function restoreBackupFile(db: Database, file: string, known: Migration[] = readMigrations()): Promise<BackupCounts> {
  const { header } = await checkBackupFile(file);
  const byId = new Map(known.map((migration) => [migration.id, migration]));
  const unknown = header.migrations.filter((id) => !byId.has(id));
  if (unknown.length > 0) throw new BackupFileError(`the backup was made by a newer build (migrations ${unknown.join(', ')} are unknown here)`);
  const held = await db.query<{ held: boolean }>({ text: 'MATCH (n) RETURN count(n) > 0 AS held' });
  if (held.records[0]!.get('held')) throw new RestoreRefused('the database is not empty; restore into an empty one');

  for (const id of header.migrations) for (const statement of byId.get(id)!.statements) await db.runSchemaStatement(statement);
  await db.runSchemaStatement('CREATE INDEX restoring_backup_id IF NOT EXISTS FOR (n:Restoring) ON (n.backupId)');
  await db.runSchemaStatement('CALL db.awaitIndexes(300)');

  const counts: BackupCounts = { nodes: 0, relationships: 0 };
  let nodes: NodeLine[] = [];
  let relationships: RelationshipLine[] = [];
  for await (const line of backupLines(file)) {
    if ('node' in line) {
      nodes.push(line);
      if (nodes.length === batchSize) counts.nodes += await createNodes(db, nodes.splice(0));
    } else if ('relationship' in line) {
      // Every node line comes before the first relationship line.
      if (nodes.length > 0) counts.nodes += await createNodes(db, nodes.splice(0));
      relationships.push(line);
      if (relationships.length === batchSize) counts.relationships += await createRelationships(db, relationships.splice(0));
    }
  }
  counts.nodes += await createNodes(db, nodes);
  counts.relationships += await createRelationships(db, relationships);
  await removeMarkers(db);
  await db.runSchemaStatement('DROP INDEX restoring_backup_id IF EXISTS');
  return counts;
}

async function createNodes(db: Database, lines: NodeLine[]): Promise<number> {
  if (lines.length === 0) return 0;
  await db.write(
    (tx) =>
      tx.run({
        text: `UNWIND $rows AS row
               CREATE (n:$(row.labels))
               SET n = row.properties, n:Restoring, n.backupId = row.id`,
        parameters: { rows: lines.map((line) => ({ id: line.node, labels: line.labels, properties: decodeProperties(line.properties) })) },
      }),
    { changesNetwork: false },
  );
  return lines.length;
}

async function createRelationships(db: Database, lines: RelationshipLine[]): Promise<number> {
  if (lines.length === 0) return 0;
  const result = await db.write(
    (tx) =>
      tx.run<{ created: number }>({
        text: `UNWIND $rows AS row
               MATCH (a:Restoring {backupId: row.from})
               MATCH (b:Restoring {backupId: row.to})
               CREATE (a)-[r:$(row.type)]->(b)
               SET r = row.properties
               RETURN count(r) AS created`,
        parameters: { rows: lines.map((line) => ({ from: line.from, to: line.to, type: line.type, properties: decodeProperties(line.properties) })) },
      }),
    { changesNetwork: false },
  );
  const created = Number(result.records[0]!.get('created'));
  if (created !== lines.length) throw new BackupFileError(`${lines.length - created} relationships name nodes the backup does not hold`);
  return created;
}

async function removeMarkers(db: Database): Promise<void> {
  for (;;) {
    const result = await db.write(
      (tx) =>
        tx.run<{ done: number }>({
          text: `MATCH (n:Restoring) WITH n LIMIT $batch REMOVE n:Restoring, n.backupId RETURN count(n) AS done`,
          parameters: { batch: neo4j.int(10_000) },
        }),
      { changesNetwork: false },
    );
    if (Number(result.records[0]!.get('done')) === 0) return;
  }
}
