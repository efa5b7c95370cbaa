// `npm run restore -- FILE`: loads a backup made by `npm run backup` into an empty database, and refuses
// one that holds anything. Run it before the service is started on that database.
import { BackupFileError } from '../server/backup/read-backup.ts';
import { restoreBackupFile, RestoreRefused } from '../server/backup/restore-backup.ts';
import { parseConfig } from '../server/config.ts';
import { Database } from '../server/db/database.ts';
import { connect } from './connect.ts';

const restoreTimeoutMs = 10 * 60_000;

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore -- FILE');
  process.exit(2);
}
const connected = await connect(parseConfig(process.env));
try {
  const counts = await restoreBackupFile(new Database(connected.driver, connected.database, restoreTimeoutMs), file);
  console.log(`Restored ${counts.nodes} nodes and ${counts.relationships} relationships from ${file}.`);
} catch (error) {
  if (!(error instanceof RestoreRefused || error instanceof BackupFileError)) throw error;
  console.error(`Nothing was restored: ${error.message}`);
  process.exitCode = 1;
} finally {
  await connected.close();
}
