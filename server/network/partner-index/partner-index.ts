import type { ViewerParameter } from '../../auth/visibility.ts';
import type { Database } from '../../db/database.ts';
import { readNetworkRevision } from '../../db/revision.ts';
import type { NetworkSnapshot } from './snapshot.ts';
import { suggestPartners, type SuggestionKeys } from './suggest.ts';

/**
 * Partner suggestions weigh a subject against every actor in the country, which no single statement
 * does in the time a person waits. So the service keeps the network's shape in memory (a snapshot)
 * and scores there. It lives as long as the service and is shared by every request.
 *
 * Answers are never stale: each request reads the network revision (server/db/revision.ts), and if a
 * write has moved it since the snapshot was built, the request waits for a new one. Requests that
 * arrive during a rebuild wait for the same one.
 */
export class PartnerIndex {
  private snapshot: NetworkSnapshot | null = null;
  private building: Promise<NetworkSnapshot> | null = null;

  /**
   * @param db where the network revision is read, on every request
   * @param buildSnapshot reads the network (in the service, buildSnapshotInWorker)
   */
  constructor(
    private readonly db: Database,
    private readonly buildSnapshot: () => Promise<NetworkSnapshot>,
    private readonly onBuilt: (snapshot: NetworkSnapshot, ms: number) => void = () => {},
  ) {}

  async suggest(subjectId: string, first: number, viewer: ViewerParameter): Promise<SuggestionKeys[]> {
    return suggestPartners(await this.current(), subjectId, first, viewer);
  }

  /** A snapshot holding at least every write committed before this call. */
  async current(): Promise<NetworkSnapshot> {
    const revision = await this.db.read(async (tx) => Number((await tx.run(readNetworkRevision)).records[0]!.get('revision')));
    for (;;) {
      if (this.snapshot && this.snapshot.revision >= revision) return this.snapshot;
      // A build already under way may have read its revision before ours: then build again after it.
      const built = await (this.building ??= this.build());
      if (built.revision >= revision) return built;
    }
  }

  private async build(): Promise<NetworkSnapshot> {
    const started = performance.now();
    try {
      const snapshot = await this.buildSnapshot();
      if (!this.snapshot || snapshot.revision > this.snapshot.revision) this.snapshot = snapshot;
      this.onBuilt(snapshot, performance.now() - started);
      return snapshot;
    } finally {
      this.building = null;
    }
  }
}
