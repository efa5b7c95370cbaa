import DataLoader from 'dataloader';
import { int } from 'neo4j-driver';
import { currentId } from '../actors/merged-ids.ts';
import { viewerParameter, type ViewerParameter } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import type { Cursor } from '../shared/cursor.ts';
import { changeProjection, changeVisible } from './change-query.ts';
import { changeFromStored, type ChangeRecord, type StoredChange } from './records.ts';

/** The most changes one `history` field lists. */
const HISTORY_FIELD_LIMIT = 100;

/** The changes one viewer may see: a node's history, newest first, and the feed of all, in the order they were made. */
export class HistoryStore {
  private readonly viewer: ViewerParameter;
  private readonly recent: DataLoader<string, ChangeRecord[]>;

  constructor(
    private readonly db: Database,
    viewer: Viewer,
  ) {
    this.viewer = viewerParameter(viewer);
    this.recent = new DataLoader((ids) => this.loadRecent(ids));
  }

  /** The newest changes of a node, for the `history` field of everything listed in one response, in one statement. */
  async recentOf(targetId: string, first: number): Promise<ChangeRecord[]> {
    return (await this.recent.load(targetId)).slice(0, first);
  }

  /** One node's changes newest first, continuing after the change the cursor names; a merged organisation's id reads the kept one's. */
  async page(targetId: string, first: number, after: Cursor | null) {
    return this.readPage(
      `WITH ${currentId('$targetId')} AS targetId
       OPTIONAL MATCH (cursor:Change {id: $after})
       WITH targetId, cursor
       MATCH (c:Change {targetId: targetId})
       WHERE ($after IS NULL OR (cursor IS NOT NULL AND [c.revision, c.ordinal] < [cursor.revision, cursor.ordinal]))
         AND ${changeVisible('c')}
       RETURN ${changeProjection('c')} AS change
       ORDER BY c.revision DESC, c.ordinal DESC
       LIMIT $limit`,
      { targetId, after: after?.id ?? null },
      first,
    );
  }

  /** Every visible change made at or after `since`, oldest first; a cursor continues after the change it names. */
  async feed(since: string | null, first: number, after: Cursor | null) {
    return this.readPage(
      `OPTIONAL MATCH (cursor:Change {id: $after})
       WITH cursor
       MATCH (c:Change)
       WHERE ($after IS NULL OR (cursor IS NOT NULL AND [c.revision, c.ordinal] > [cursor.revision, cursor.ordinal]))
         AND ($since IS NULL OR c.at >= datetime($since))
         AND ${changeVisible('c')}
       RETURN ${changeProjection('c')} AS change
       ORDER BY c.revision, c.ordinal
       LIMIT $limit`,
      { since, after: after?.id ?? null },
      first,
    );
  }

  private async readPage(text: string, parameters: Record<string, unknown>, first: number) {
    const result = await this.db.query<{ change: StoredChange }>({
      text,
      parameters: { ...parameters, limit: int(first + 1), viewer: this.viewer },
    });
    const changes = result.records.map((record) => changeFromStored(record.get('change')));
    return { items: changes.slice(0, first), hasNextPage: changes.length > first };
  }

  private async loadRecent(ids: readonly string[]): Promise<ChangeRecord[][]> {
    const result = await this.db.query<{ id: string; changes: StoredChange[] }>({
      text: `UNWIND $ids AS id
             RETURN id, COLLECT {
               MATCH (c:Change {targetId: id}) WHERE ${changeVisible('c')}
               RETURN ${changeProjection('c')} AS change ORDER BY c.revision DESC, c.ordinal DESC LIMIT $limit
             } AS changes`,
      parameters: { ids, limit: int(HISTORY_FIELD_LIMIT), viewer: this.viewer },
    });
    const found = new Map(result.records.map((record) => [record.get('id'), record.get('changes').map(changeFromStored)]));
    return ids.map((id) => found.get(id) ?? []);
  }
}
