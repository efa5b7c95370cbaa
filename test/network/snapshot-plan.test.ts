import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, Database } from '../../server/db/database.ts';
import { LocalEngine } from '../../server/db/local-engine.ts';
import { prepareDatabase } from '../../server/db/prepare.ts';
import { createLogger } from '../../server/logger.ts';
import { actorRowsStatement } from '../../server/network/network-index/row-statements.ts';
import { createInitiatives, createOrganizations, createParticipations } from '../helpers/fixtures.ts';

type PlanNode = { operatorType: string; children?: PlanNode[] };
const operators = (plan: PlanNode): string[] => [plan.operatorType.replace(/@.*/, ''), ...(plan.children ?? []).flatMap(operators)];

/**
 * Right after a bulk write, before Neo4j samples its indexes again, their statistics still say they are
 * empty, and a planner that believes them may scan an index once per row where it should expand from the
 * row's node. So this needs a database of its own, fresh and migrated, written in one go: the shared one's
 * statistics are whatever the other tests left.
 */
describe('the network index read, on participations written in one go', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samverkan-fresh-'));
  let engine: LocalEngine;
  let db: Database;

  beforeAll(async () => {
    engine = await LocalEngine.start({ dataDir, pageCache: '64m', heap: '512m' });
    db = new Database(createDriver({ uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' }), 'neo4j', 60_000);
    await prepareDatabase(db, createLogger('silent'));
    const numbers = Array.from({ length: 2000 }, (_, i) => i + 1);
    await createOrganizations(db, numbers.map((n) => ({ id: `fresh-a-${n}`, name: `Förening ${n}` })));
    await createInitiatives(db, numbers.map((n) => ({ id: `fresh-i-${n}`, name: `Projekt ${n}` })));
    await createParticipations(
      db,
      numbers.map((n) => ({ actor: `fresh-a-${n}`, initiative: `fresh-i-${n}`, role: 'PARTNER', status: n % 2 === 0 ? 'CONFIRMED' : 'CLAIMED' })),
    );
  });

  afterAll(async () => {
    await db?.driver.close();
    await engine?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('expands from each actor to its participations instead of scanning an index for them', async () => {
    const statement = actorRowsStatement('node');
    const plan = (await db.query({ ...statement, text: `EXPLAIN ${statement.text}` })).summary.plan as unknown as PlanNode;
    const used = operators(plan);
    expect(used.filter((operator) => /Index(Scan|Seek)/.test(operator))).toEqual([]);
    expect(used).toContain('Expand(All)');
  });

  it('keeps only the confirmed participations', async () => {
    const rows = await db.query<{ id: string; initiatives: number[] }>(actorRowsStatement('node'));
    const participating = rows.records.filter((record) => record.get('initiatives').length > 0).map((record) => record.get('id'));
    expect(participating).toHaveLength(1000);
    expect(participating.every((id) => Number(id.replace('fresh-a-', '')) % 2 === 0)).toBe(true);
  });
});
