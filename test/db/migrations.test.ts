import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations, migrationsPending, readMigrations } from '../../server/db/migrations.ts';
import { useTestDatabase } from '../helpers/database.ts';

describe('migrations', () => {
  const db = useTestDatabase();

  it('reads the migration files in order, skipping comments', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    writeFileSync(path.join(dir, '0002_second.cypher'), 'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x);\n');
    writeFileSync(path.join(dir, '0001_first.cypher'), '// why\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\nCREATE INDEX c IF NOT EXISTS\n  FOR (n:C) ON (n.x);\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a migration');
    const migrations = readMigrations(dir);
    expect(migrations.map((m) => m.id)).toEqual(['0001_first', '0002_second']);
    expect(migrations[0]!.statements).toEqual([
      'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)',
      'CREATE INDEX c IF NOT EXISTS\n  FOR (n:C) ON (n.x)',
    ]);
  });

  it('applies a new migration once and records it once, however often it runs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    const suffix = Math.random().toString(36).slice(2, 10);
    const index = `probe_${suffix}`;
    writeFileSync(path.join(dir, `0001_probe_${suffix}.cypher`), `CREATE INDEX ${index} IF NOT EXISTS FOR (n:Probe) ON (n.x);\n`);
    const migrations = readMigrations(dir);

    expect(await applyMigrations(db, migrations)).toEqual([`0001_probe_${suffix}`]);
    expect(await applyMigrations(db, migrations)).toEqual([]);

    const [records, indexes] = await db.read(async (tx) => {
      const recorded = await tx.run<{ n: number }>({ text: 'MATCH (m:Migration {id: $id}) RETURN count(m) AS n', parameters: { id: `0001_probe_${suffix}` } });
      const shown = await tx.run<{ n: number }>({ text: 'SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) AS n', parameters: { name: index } });
      return [recorded.records[0]!.get('n'), shown.records[0]!.get('n')];
    });
    expect(records).toBe(1);
    expect(indexes).toBe(1);

    await db.runSchemaStatement(`DROP INDEX ${index}`);
    await db.write((tx) => tx.run({ text: 'MATCH (m:Migration {id: $id}) DELETE m', parameters: { id: `0001_probe_${suffix}` } }));
  });

  it('has applied every migration of schema/ exactly once', async () => {
    // The run's database was prepared by the global setup; running again must be a no-op.
    expect(await applyMigrations(db)).toEqual([]);
    expect(await migrationsPending(db)).toEqual([]);
    const records = await db.read(async (tx) => {
      const result = await tx.run<{ id: string; n: number }>({ text: 'MATCH (m:Migration) RETURN m.id AS id, count(*) AS n ORDER BY id' });
      return result.records.map((record) => ({ id: record.get('id'), n: record.get('n') }));
    });
    expect(records.map((r) => r.id)).toEqual(readMigrations().map((m) => m.id));
    expect(records.every((r) => r.n === 1)).toBe(true);
  });

  it('leaves the constraints it declares in place', async () => {
    const names = await db.read(async (tx) => {
      const result = await tx.run<{ name: string }>({ text: 'SHOW CONSTRAINTS YIELD name RETURN name' });
      return result.records.map((record) => record.get('name'));
    });
    expect(names).toEqual(expect.arrayContaining(['migration_id', 'theme_key', 'municipality_code', 'county_code']));
  });
});
