import type { Transaction } from '../db/database.ts';
import type { FieldChange } from '../writes/changes.ts';

const REDACTED = '[borttaget]';

/**
 * Replaces every trace of the person in any other node's or relationship's text: a description that
 * names them, a contact copied onto an organisation, a source's title, and the JSON text of every
 * change that holds such a text. A full scan, which an erasure, being rare, can afford.
 */
export async function redactTraces(tx: Transaction, personId: string, traces: string[]): Promise<void> {
  if (traces.length === 0) return;
  await tx.run({
    text: `MATCH (n) WHERE NOT n:Person OR n.id <> $id
           UNWIND keys(n) AS key
           WITH n, key WHERE n[key] IS :: STRING AND any(trace IN $traces WHERE n[key] CONTAINS trace)
           SET n[key] = reduce(text = n[key], trace IN $traces | replace(text, trace, $redacted))`,
    parameters: { id: personId, traces, redacted: REDACTED },
  });
  await tx.run({
    text: `MATCH ()-[r]->()
           UNWIND keys(r) AS key
           WITH r, key WHERE r[key] IS :: STRING AND any(trace IN $traces WHERE r[key] CONTAINS trace)
           SET r[key] = reduce(text = r[key], trace IN $traces | replace(text, trace, $redacted))`,
    parameters: { traces, redacted: REDACTED },
  });
}

/**
 * Empties the values of every change about the person (they are its target, or one of its subjects),
 * keeping which fields changed: the history says that something was recorded, no longer what. The
 * fields are JSON text, which Cypher cannot edit, so they are rewritten here.
 */
export async function blankChangesAbout(tx: Transaction, personId: string): Promise<void> {
  const found = await tx.run<{ id: string; fields: string }>({
    text: `MATCH (c:Change) WHERE c.targetId = $id OR $id IN c.subjectIds RETURN c.id AS id, c.fields AS fields`,
    parameters: { id: personId },
  });
  const rows = found.records.map((record) => ({
    id: record.get('id'),
    fields: JSON.stringify((JSON.parse(record.get('fields')) as FieldChange[]).map((field) => ({ ...field, before: null, after: null }))),
  }));
  if (rows.length === 0) return;
  await tx.run({ text: `UNWIND $rows AS row MATCH (c:Change {id: row.id}) SET c.fields = row.fields`, parameters: { rows } });
}
