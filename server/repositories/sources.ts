import type { Transaction } from '../db/database.ts';
import type { SourceRecord } from '../shared/links-store.ts';

/** Where facts come from: a document, a page, a register. Sources are never changed once written, only cited. */
export type SourceShape = SourceRecord;

export async function writeSources(tx: Transaction, rows: SourceShape[], options: { author: string }): Promise<void> {
  if (rows.length === 0) return;
  await tx.run({
    text: `UNWIND $rows AS row
           MERGE (s:Source {id: row.id})
           SET s.title = row.title, s.publisher = row.publisher, s.published = row.published, s.url = row.url, s.document = row.document,
               s.createdAt = coalesce(s.createdAt, datetime()), s.createdBy = coalesce(s.createdBy, $author)`,
    parameters: { rows, author: options.author },
  });
}
