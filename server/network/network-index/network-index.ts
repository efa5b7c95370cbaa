import type { ViewerParameter } from '../../auth/visibility.ts';
import type { OverlapFilter } from '../overlap-query.ts';
import { findOverlaps, type OverlapKeys } from './find-overlaps.ts';
import type { NetworkSnapshot } from './snapshot.ts';
import { suggestPartners, type ChosenPartner } from './suggest.ts';

/**
 * Partner suggestions weigh a subject against every actor in the country, and overlaps weigh every two
 * initiatives of a kommun against each other: no single statement does either in the time a person
 * waits. So the service keeps the network's shape in memory (a snapshot) and scores there. It lives as
 * long as the service and is shared by every request.
 *
 * Freshness is the caller's to check, in the statement it sends anyway: it reads the network revision
 * (server/db/revision.ts) and, if a write has moved it past the snapshot's, asks again for a snapshot at
 * least that new and waits for it. Requests that arrive during a rebuild wait for the same one.
 */
export class NetworkIndex {
  private snapshot: NetworkSnapshot | null = null;
  private building: Promise<NetworkSnapshot> | null = null;

  /** @param buildSnapshot reads the network (in the service, buildSnapshotInWorker) */
  constructor(
    private readonly buildSnapshot: () => Promise<NetworkSnapshot>,
    private readonly onBuilt: (snapshot: NetworkSnapshot, ms: number) => void = () => {},
  ) {}

  /** The best partners from a snapshot at `revision` or newer (0: whatever snapshot there is, the first one built if need be). */
  async suggest(subjectId: string, first: number, viewer: ViewerParameter, revision = 0): Promise<{ revision: number; suggestions: ChosenPartner[] }> {
    const snapshot = await this.atLeast(revision);
    return { revision: snapshot.revision, suggestions: suggestPartners(snapshot, subjectId, first, viewer) };
  }

  /** The best overlaps from a snapshot at `revision` or newer. */
  async overlaps(filter: OverlapFilter, first: number, today: string, revision = 0): Promise<{ revision: number; overlaps: OverlapKeys[] }> {
    const snapshot = await this.atLeast(revision);
    return { revision: snapshot.revision, overlaps: findOverlaps(snapshot, filter, first, today) };
  }

  private async atLeast(revision: number): Promise<NetworkSnapshot> {
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
