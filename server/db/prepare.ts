import { seedIfEmpty } from '../../seeds/loader/network.ts';
import { loadReferenceData } from '../reference/load.ts';
import { AccountStore } from '../accounts/store.ts';
import type { Logger } from '../logger.ts';
import type { Database } from './database.ts';
import { applyMigrations } from './migrations.ts';

export interface PrepareOptions {
  /** Load the seed network when the database holds no organisations yet. */
  seedWhenEmpty: boolean;
  /** The first admin account, created once and never overwritten. */
  firstAdmin?: { email: string; password: string } | null;
}

/** Brings a database to the shape this build expects: migrations, reference data, and (once) the seed. */
export async function prepareDatabase(db: Database, logger: Logger, options: PrepareOptions): Promise<void> {
  const applied = await applyMigrations(db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  await loadReferenceData(db);
  if (options.firstAdmin) {
    const created = await new AccountStore(db).createIfAbsent(
      { email: options.firstAdmin.email, password: options.firstAdmin.password, role: 'ADMIN' },
      'ADMIN_EMAIL',
    );
    if (created) logger.info('first admin account created');
  }
  if (options.seedWhenEmpty) {
    const loaded = await seedIfEmpty(db);
    if (loaded) logger.info(loaded, 'seed network loaded');
  }
}
