import { int } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import type { Cursor } from '../shared/cursor.ts';
import type { AuditRecord } from './audit.ts';

const projection = 'e { .id, at: toString(e.at), .accountId, .role, .action, .targetIds, .fields }';

export class AuditStore {
  constructor(private readonly db: Database) {}

  /** Newest first, continuing after the entry the cursor names. */
  async page(first: number, after: Cursor | null, targetId: string | null) {
    const result = await this.db.query<{ entry: AuditRecord }>({
      text: `OPTIONAL MATCH (cursor:AuditEntry {id: $after})
             WITH cursor
             MATCH (e:AuditEntry)
             WHERE ($targetId IS NULL OR $targetId IN e.targetIds)
               AND ($after IS NULL OR (cursor IS NOT NULL AND (e.at < cursor.at OR (e.at = cursor.at AND e.id < cursor.id))))
             RETURN ${projection} AS entry
             ORDER BY e.at DESC, e.id DESC
             LIMIT $limit`,
      parameters: { targetId, after: after?.id ?? null, limit: int(first + 1) },
    });
    const entries = result.records.map((record) => record.get('entry'));
    return { items: entries.slice(0, first), hasNextPage: entries.length > first };
  }

  async about(targetId: string): Promise<AuditRecord[]> {
    const result = await this.db.query<{ entry: AuditRecord }>({
      text: `MATCH (e:AuditEntry) WHERE $id IN e.targetIds RETURN ${projection} AS entry ORDER BY e.at`,
      parameters: { id: targetId },
    });
    return result.records.map((record) => record.get('entry'));
  }
}
