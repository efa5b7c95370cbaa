import { AccountStore } from '../accounts/store.ts';
import type { Logger } from '../logger.ts';
import { loadReferenceData } from '../reference/load.ts';
import type { Database } from './database.ts';
import { applyMigrations } from './migrations.ts';

/**
 * Fills a database that holds no network yet with one to start from, and leaves any other as it is; what
 * it returns, if anything, is logged. The seed loader is one; it is handed in by whoever starts the
 * service, so that the service itself does not depend on the seed.
 */
export type NetworkSeeder = (db: Database) => Promise<object | null>;

export interface PrepareOptions {
  /** Seeds the network when the database holds none; without it, nothing is seeded. */
  seedNetwork?: NetworkSeeder;
  /** The first admin account, created once and never overwritten. */
  firstAdmin?: { email: string; password: string } | null;
}

/** Brings a database to the shape this build expects: migrations, reference data, and (once) a network to start from. */
export async function prepareDatabase(db: Database, logger: Logger, options: PrepareOptions = {}): Promise<void> {
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
  if (options.seedNetwork) {
    const loaded = await options.seedNetwork(db);
    if (loaded) logger.info(loaded, 'seed network loaded');
  }
}
