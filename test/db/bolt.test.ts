import { describe, expect, it } from 'vitest';
import { createDriver, Database } from '../../server/db/database.ts';
import { newId } from '../../server/shared/ids.ts';
import { useTestDatabase } from '../helpers/database.ts';

describe('Neo4j over Bolt', () => {
  const db = useTestDatabase();

  it('writes a node in one transaction and reads it back in another', async () => {
    const id = newId();
    await db.write((tx) => tx.run({ text: 'CREATE (:BoltProbe {id: $id, text: $text})', parameters: { id, text: 'åäö; MATCH (n) DETACH DELETE n' } }));
    const text = await db.read(async (tx) => {
      const result = await tx.run<{ text: string }>({ text: 'MATCH (p:BoltProbe {id: $id}) RETURN p.text AS text', parameters: { id } });
      return result.records.map((record) => record.get('text'));
    });
    expect(text).toEqual(['åäö; MATCH (n) DETACH DELETE n']);
    await db.write((tx) => tx.run({ text: 'MATCH (p:BoltProbe {id: $id}) DELETE p', parameters: { id } }));
  });

  it('rolls a failed write transaction back whole', async () => {
    const id = newId();
    await expect(
      db.write(async (tx) => {
        await tx.run({ text: 'CREATE (:BoltProbe {id: $id})', parameters: { id } });
        await tx.run({ text: 'RETURN 1 / 0' });
      }),
    ).rejects.toThrow(/by zero/i);
    const count = await db.read(async (tx) => {
      const result = await tx.run<{ n: number }>({ text: 'MATCH (p:BoltProbe {id: $id}) RETURN count(p) AS n', parameters: { id } });
      return result.records[0]!.get('n');
    });
    expect(count).toBe(0);
  });

  it('runs a single-statement read as a transaction of its own, told to its listeners', async () => {
    const id = newId();
    await db.write((tx) => tx.run({ text: 'CREATE (:BoltProbe {id: $id, text: $text})', parameters: { id, text: 'ensam' } }));
    const heard: string[] = [];
    const counted = db.withListener((statement) => heard.push(statement.text));
    // CALL … IN TRANSACTIONS is refused inside an explicit transaction and allowed only in an auto-commit one.
    const statement = {
      text: 'CALL () { MATCH (p:BoltProbe {id: $id}) RETURN p.text AS text } IN TRANSACTIONS RETURN text',
      parameters: { id },
    };
    const result = await counted.query<{ text: string }>(statement);
    expect(result.records.map((record) => record.get('text'))).toEqual(['ensam']);
    expect(heard).toEqual([statement.text]);
    await expect(db.read((tx) => tx.run(statement))).rejects.toThrow(/transaction/i);
    await db.write((tx) => tx.run({ text: 'MATCH (p:BoltProbe {id: $id}) DELETE p', parameters: { id } }));
  });

  it('does not retry a statement that is wrong', async () => {
    const heard: string[] = [];
    await expect(db.withListener((statement) => heard.push(statement.text)).query({ text: 'RETURN 1 / 0' })).rejects.toThrow(/by zero/i);
    expect(heard).toHaveLength(1);
  });

  it('pings the database as it is now: it answers while Neo4j does, and fails on the first refusal when it does not', async () => {
    await expect(db.ping()).resolves.toBeUndefined();
    // Port 1 refuses at once: a ping that retried as query() does would still be trying 5 s later.
    const nowhere = createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'unused', database: 'neo4j' });
    try {
      await expect(new Database(nowhere, 'neo4j', 1_000).ping()).rejects.toThrow(/connect|unavailable|refused/i);
    } finally {
      await nowhere.close();
    }
  });
});
