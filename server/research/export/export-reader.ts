import type { Pseudonyms } from '../../auth/pseudonyms.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { viewerParameter } from '../../auth/visibility.ts';
import type { Database } from '../../db/database.ts';
import { exportStatements, type ActorLabel } from './export-query.ts';
import type { ExportScope } from './export-scope.ts';
import { actorNode, initiativeNode, type ActorRow, type ExportEdge, type ExportNode, type InitiativeRow } from './network-rows.ts';

type EdgePage = { last: string | null; participations: ExportEdge[] };

/**
 * Pages small enough that each statement ends well within the query timeout on a national network, and
 * that one page of rows is all an export holds in memory.
 */
export const NODE_PAGE = 2_000;
export const INITIATIVES_PER_EDGE_PAGE = 200;

/**
 * Reads the network of an export page by page, each page a statement of its own: an export of the whole
 * country takes longer than one transaction may run, and never sits in memory whole. Pages are read
 * after each other, so a write landing meanwhile may show in the later ones.
 */
export class ExportReader {
  private readonly statements;

  /** @param beforePage waits, before each page is read, until the client may spend on it (ExportCharges) */
  constructor(
    private readonly db: Database,
    private readonly viewer: Viewer,
    private readonly pseudonyms: Pseudonyms,
    scope: ExportScope,
    private readonly beforePage: () => Promise<void>,
  ) {
    this.statements = exportStatements(scope, viewerParameter(viewer), viewer.role === null);
  }

  async *actors(label: ActorLabel = 'all'): AsyncGenerator<ExportNode[]> {
    for (let after = ''; ; ) {
      await this.beforePage();
      const result = await this.db.query<{ actor: ActorRow }>(this.statements.actors(label, after, NODE_PAGE));
      const rows = result.records.map((record) => record.get('actor'));
      if (rows.length > 0) yield rows.map((row) => actorNode(row, this.viewer, this.pseudonyms));
      // A page short of full is the last: no statement is spent on finding nothing after it.
      if (rows.length < NODE_PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  async *initiatives(): AsyncGenerator<ExportNode[]> {
    for (let after = ''; ; ) {
      await this.beforePage();
      const result = await this.db.query<{ initiative: InitiativeRow }>(this.statements.initiatives(after, NODE_PAGE));
      const rows = result.records.map((record) => record.get('initiative'));
      if (rows.length > 0) yield rows.map(initiativeNode);
      if (rows.length < NODE_PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  /** Actors, then initiatives. */
  async *nodes(): AsyncGenerator<ExportNode[]> {
    yield* this.actors();
    yield* this.initiatives();
  }

  async *edges(): AsyncGenerator<ExportEdge[]> {
    let after: string | null = '';
    while (after !== null) {
      await this.beforePage();
      const page: EdgePage = (await this.db.query<EdgePage>(this.statements.participations(after, INITIATIVES_PER_EDGE_PAGE))).records[0]!.toObject();
      if (page.participations.length > 0) yield page.participations;
      after = page.last;
    }
  }
}
