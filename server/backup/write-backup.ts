import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database, Transaction } from '../db/database.ts';
import { backupFormat, backupVersion, type BackupHeader, type BackupLine } from './format.ts';
import { encodeProperties } from './values.ts';

export interface BackupCounts {
  nodes: number;
  relationships: number;
}

/**
 * Writes the whole database to `file`, from one read transaction, so that the copy is of one moment even
 * while the service goes on writing. Records are streamed to the file as they arrive (the national
 * network does not fit in a small heap at once). The file appears under its name only when whole.
 *
 * `db` must read integers losslessly (createDriver's `losslessIntegers`), or INTEGER and FLOAT would
 * come back alike.
 */
export async function writeBackupFile(db: Database, file: string): Promise<BackupCounts> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const written = finished(gzip.pipe(createWriteStream(partial)));
  const writeLine = async (line: BackupHeader | BackupLine) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  try {
    let attempts = 0;
    const counts = await db.read(async (tx) => {
      // The driver retries a read after a transient error, but lines already written cannot be taken back.
      if (++attempts > 1) throw new Error('the read was interrupted; run the backup again');
      return copy(tx, writeLine);
    });
    gzip.end();
    await written;
    await rename(partial, file);
    return counts;
  } catch (error) {
    gzip.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

async function copy(tx: Transaction, writeLine: (line: BackupHeader | BackupLine) => Promise<void>): Promise<BackupCounts> {
  const migrations = await tx.run<{ id: string }>({ text: 'MATCH (m:Migration) RETURN m.id AS id ORDER BY id' });
  await writeLine({
    format: backupFormat,
    version: backupVersion,
    createdAt: new Date().toISOString(),
    migrations: migrations.records.map((record) => record.get('id')),
  });
  const counts: BackupCounts = { nodes: 0, relationships: 0 };
  const nodes = tx.stream<{ id: string; labels: string[]; properties: Record<string, unknown> }>({
    text: 'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties',
  });
  for await (const record of nodes) {
    await writeLine({ node: record.get('id'), labels: record.get('labels'), properties: encodeProperties(record.get('properties')) });
    counts.nodes++;
  }
  const relationships = tx.stream<{ id: string; type: string; from: string; to: string; properties: Record<string, unknown> }>({
    text: 'MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS from, elementId(b) AS to, properties(r) AS properties',
  });
  for await (const record of relationships) {
    await writeLine({ relationship: record.get('id'), type: record.get('type'), from: record.get('from'), to: record.get('to'), properties: encodeProperties(record.get('properties')) });
    counts.relationships++;
  }
  await writeLine({ end: true, ...counts });
  return counts;
}
