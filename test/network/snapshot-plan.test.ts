import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSyntheticNetwork } from '../../bench/synthetic/load.ts';
import { createDriver, Database } from '../../server/db/database.ts';
import { LocalEngine } from '../../server/db/local-engine.ts';
import { prepareDatabase } from '../../server/db/prepare.ts';
import { createLogger } from '../../server/logger.ts';
import { actorRowsStatement } from '../../server/network/network-index/load-snapshot.ts';

type PlanNode = { operatorType: string; children?: PlanNode[] };
const operators = (plan: PlanNode): string[] => [plan.operatorType.replace(/@.*/, ''), ...(plan.children ?? []).flatMap(operators)];
const planOf = async (db: Database, text: string, parameters?: Record<string, unknown>) =>
  operators((await db.query({ text: `EXPLAIN ${text}`, parameters })).summary.plan as unknown as PlanNode);

/**
 * Right after a bulk write, before Neo4j samples its indexes again, their statistics still say they are
 * empty, and a planner that believes them may scan an index once per row where it should expand from the
 * row's node. Each suite has a database of its own, fresh: the shared one's statistics are whatever the
 * other tests left.
 */
function useFreshDatabase() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samverkan-fresh-'));
  const handle: { engine?: LocalEngine; db?: Database } = {};
  beforeAll(async () => {
    handle.engine = await LocalEngine.start({ dataDir, pageCache: '64m', heap: '512m' });
    handle.db = new Database(createDriver({ uri: handle.engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' }), 'neo4j', 60_000);
    await prepareDatabase(handle.db, createLogger('silent'), { seedWhenEmpty: false });
  });
  afterAll(async () => {
    await handle.db?.driver.close();
    await handle.engine?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return () => handle.db!;
}

describe('the network index read, on participations written in one go', { timeout: 180_000 }, () => {
  const db = useFreshDatabase();

  beforeAll(async () => {
    await db().write((tx) =>
      tx.run({
        text: `UNWIND range(1, 2000) AS n
               CREATE (a:Actor:Organization:Association {id: 'fresh-a-' + n, name: 'Förening ' + n, status: 'VERIFIED'})
               CREATE (i:Initiative {id: 'fresh-i-' + n, name: 'Projekt ' + n})
               CREATE (a)-[:PARTICIPATES_IN {role: 'PARTNER', status: CASE WHEN n % 2 = 0 THEN 'CONFIRMED' ELSE 'CLAIMED' END}]->(i)`,
      }),
    );
  });

  it('expands from each actor to its participations instead of scanning an index for them', async () => {
    const used = await planOf(db(), actorRowsStatement.text, actorRowsStatement.parameters);
    expect(used.filter((operator) => /Index(Scan|Seek)/.test(operator))).toEqual([]);
    expect(used).toContain('Expand(All)');
  });

  it('keeps only the confirmed participations', async () => {
    const rows = await db().query<{ id: string; initiatives: number[] }>(actorRowsStatement);
    const participating = rows.records.filter((record) => record.get('initiatives').length > 0).map((record) => record.get('id'));
    expect(participating).toHaveLength(1000);
    expect(participating.every((id) => Number(id.replace('fresh-a-', '')) % 2 === 0)).toBe(true);
  });
});

describe('the synthetic network loader', { timeout: 180_000 }, () => {
  const db = useFreshDatabase();

  it('samples the indexes again once it has written, so that every statement is planned for the network it wrote', async () => {
    await ensureSyntheticNetwork(db().driver, { scale: 0.01, seed: 7 });
    const used = await planOf(db(), `MATCH (a:Actor) RETURN [(a)-[r:PARTICIPATES_IN]->(i:Initiative) WHERE r.status = 'CONFIRMED' | i.id] AS confirmed`);
    expect(used.filter((operator) => /IndexScan/.test(operator))).toEqual([]);
  });
});
