import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/migrations');

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

/** Reads `NNNN_name.cypher` files in order; statements end with `;` and `//` lines are comments. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.cypher$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const statements = text
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .split(/;\s*(?:\n|$)/)
        .map((statement) => statement.trim())
        .filter(Boolean);
      return {
        id: file.replace(/\.cypher$/, ''),
        checksum: createHash('sha256').update(text).digest('hex'),
        statements,
      };
    });
}

/**
 * Applies every migration not yet recorded in the database, in order, and records each once.
 * The statements themselves are idempotent (IF NOT EXISTS), so two processes racing here is harmless.
 */
export async function applyMigrations(db: Database, migrations = readMigrations()): Promise<string[]> {
  const recorded = await db.query<{ id: string }>({ text: 'MATCH (m:Migration) RETURN m.id AS id' });
  const applied = new Set(recorded.records.map((record) => record.get('id')));
  const newlyApplied: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    for (const statement of migration.statements) await db.runSchemaStatement(statement);
    await db.write((tx) =>
      tx.run({
        text: `MERGE (m:Migration {id: $id})
               ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()`,
        parameters: { id: migration.id, checksum: migration.checksum },
      }),
    );
    newlyApplied.push(migration.id);
  }
  return newlyApplied;
}

/** The ids of the migrations on disk that the database has not recorded yet. */
export async function migrationsPending(db: Database, migrations = readMigrations()): Promise<string[]> {
  const result = await db.query<{ ids: string[] }>({ text: 'MATCH (m:Migration) RETURN collect(m.id) AS ids' });
  const recorded = new Set(result.records[0]?.get('ids') ?? []);
  return migrations.map((migration) => migration.id).filter((id) => !recorded.has(id));
}
