import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../server/auth/viewer.ts';
import { viewerParameter } from '../../server/auth/visibility.ts';
import { createDriver, Database } from '../../server/db/database.ts';
import { LocalEngine } from '../../server/db/local-engine.ts';
import { prepareDatabase } from '../../server/db/prepare.ts';
import { createLogger } from '../../server/logger.ts';
import { applyChangedRows } from '../../server/network/network-index/catch-up/apply-changed-rows.ts';
import { readChangedRows } from '../../server/network/network-index/catch-up/read-changed-rows.ts';
import { findOverlaps } from '../../server/network/network-index/find-overlaps.ts';
import { loadSnapshot } from '../../server/network/network-index/load-snapshot.ts';
import type { NetworkSnapshot } from '../../server/network/network-index/snapshot.ts';
import { suggestPartners } from '../../server/network/network-index/suggest.ts';
import { ensureSyntheticNetwork } from '../../bench/synthetic/load.ts';
import { seedIfEmpty } from '../../seeds/loader/network.ts';
import { describeSnapshot } from '../helpers/snapshot-description.ts';
import { NetworkPools, networkWrites } from '../helpers/network-writes.ts';

/**
 * The network index catches up with writes by reading the rows they changed and applying them in place.
 * Whatever the writes, the index kept that way must be the one a full read gives: random sequences of
 * writes (through the commands, as the API makes them) are applied, the index catches up at random points
 * in between, and after each sequence it is compared with a snapshot read from scratch: every row, every
 * order, and the answers partner suggestions and overlaps give from it.
 *
 * Each network gets a database of its own, so no other test's writes (some of them bulk writes without
 * change records) land in between.
 */
const networks: [string, (db: Database) => Promise<void>][] = [
  ['the seed network', async (db) => void (await seedIfEmpty(db))],
  ['a synthetic network at scale 0.01', async (db) => void (await ensureSyntheticNetwork(db, { scale: 0.01 }))],
];

describe.each(networks)('the network index kept by catching up, on %s', { timeout: 600_000 }, (_, load) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samverkan-catch-up-'));
  let engine: LocalEngine;
  let db: Database;
  let pools: NetworkPools;

  beforeAll(async () => {
    engine = await LocalEngine.start({ dataDir, pageCache: '64m', heap: '512m' });
    db = new Database(createDriver({ uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' }), 'neo4j', 60_000);
    await prepareDatabase(db, createLogger('silent'));
    await load(db);
    pools = await NetworkPools.read(db);
  });

  afterAll(async () => {
    await db?.driver.close();
    await engine?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is, after any sequence of writes, the index a full read gives', async () => {
    const kept = await db.read(loadSnapshot);
    let caughtUp = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(networkWrites(pools), fc.boolean()), { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const [write, catchUpAfter] of steps) {
          await pools.apply(db, write);
          if (catchUpAfter) caughtUp += await catchUp(db, kept);
        }
        caughtUp += await catchUp(db, kept);
        const fresh = await db.read(loadSnapshot);
        expect(describeSnapshot(kept)).toEqual(describeSnapshot(fresh));
        expect(answers(kept, pools)).toEqual(answers(fresh, pools));
      }),
      { numRuns: 12, endOnFailure: true },
    );
    // The writes were applied by catching up, not by reading the network again.
    expect(caughtUp).toBeGreaterThan(12);
  });
});

/** Applies what changed since the snapshot's revision; 1 when there was something to apply. */
async function catchUp(db: Database, snapshot: NetworkSnapshot): Promise<number> {
  const changed = await db.read((tx) => readChangedRows(tx, snapshot.revision, (id) => snapshot.initiatives.index.has(id)));
  expect(changed, 'the change records bridge the gap').not.toBeNull();
  if (changed!.revision === snapshot.revision) return 0;
  applyChangedRows(snapshot, changed!);
  return 1;
}

const viewers: Viewer[] = [
  { accountId: null, role: null, organizationId: null, municipalities: [] },
  { accountId: 'admin', role: 'ADMIN', organizationId: null, municipalities: [] },
];

/** Partner suggestions for the actors and initiatives the writes touched and a sample of the rest, as each viewer; overlaps per kommun and of each of those initiatives. */
function answers(snapshot: NetworkSnapshot, pools: NetworkPools) {
  const strategist: Viewer = { accountId: 'strategist', role: 'STRATEGIST', organizationId: null, municipalities: pools.municipalities.slice(0, 2) };
  const subjects = pools.subjects();
  return {
    suggestions: [...viewers, strategist].map((viewer) => subjects.map((id) => suggestPartners(snapshot, id, 10, viewerParameter(viewer)))),
    overlaps: [
      findOverlaps(snapshot, {}, 25, '2026-06-01'),
      ...pools.municipalities.map((code) => findOverlaps(snapshot, { municipalities: [code] }, 25, '2026-06-01')),
      findOverlaps(snapshot, { themes: pools.themes.slice(0, 2) }, 25, '2026-06-01'),
      ...subjects.map((id) => findOverlaps(snapshot, { initiative: id }, 25, '2026-06-01')),
    ],
  };
}


