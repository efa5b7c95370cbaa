// `npm run backup [-- FILE]`: a consistent copy of the whole registry, taken while the service runs, to
// FILE (default backups/samverkan-<time>.jsonl.gz). The format is in README.md ("Backups").
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeBackupFile } from '../server/backup/write-backup.ts';
import { parseConfig } from '../server/config.ts';
import { Database } from '../server/db/database.ts';
import { connect } from './connect.ts';

// One read transaction holds the whole registry: longer than any request may take.
const backupTimeoutMs = 60 * 60_000;

const file = process.argv[2] ?? path.join('backups', `samverkan-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
const connected = await connect(parseConfig(process.env), { losslessIntegers: true });
try {
  const started = performance.now();
  const counts = await writeBackupFile(new Database(connected.driver, connected.database, backupTimeoutMs), file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Backed up ${counts.nodes} nodes and ${counts.relationships} relationships to ${file} (${statSync(file).size} bytes) in ${seconds} s.`);
} finally {
  await connected.close();
}
