import type { ViewerParameter } from '../../auth/visibility.ts';
import type { OverlapFilter } from '../overlap-query.ts';
import { applyChangedRows } from './catch-up/apply-changed-rows.ts';
import type { ChangedRows } from './catch-up/read-changed-rows.ts';
import { findOverlaps, type OverlapKeys } from './find-overlaps.ts';
import type { NetworkSnapshot } from './snapshot.ts';
import { suggestPartners, type ChosenPartner } from './suggest.ts';

/** Where the index reads the network: whole, or what changed since a revision (null when the changes cannot say). */
export interface NetworkReader {
  readAll(): Promise<NetworkSnapshot>;
  readChanges(since: number, inIndex: (initiativeId: string) => boolean): Promise<ChangedRows | null>;
}

export interface NetworkIndexEvents {
  built?(snapshot: NetworkSnapshot, ms: number): void;
  caughtUp?(snapshot: NetworkSnapshot, ms: number): void;
  /** A catch-up that failed while applying; the snapshot was dropped and the network read whole instead. */
  catchUpFailed?(error: unknown): void;
}

/**
 * Partner suggestions weigh a subject against every actor in the country, and overlaps weigh every two
 * initiatives of a kommun against each other: no single statement does either in the time a person
 * waits. So the service keeps the network's shape in memory (a snapshot) and scores there. It lives as
 * long as the service and is shared by every request.
 *
 * Freshness is the caller's to check, in the statement it sends anyway: it reads the network revision
 * (server/db/revision.ts) and, if a write has moved it past the snapshot's, asks again for a snapshot at
 * least that new. The snapshot then catches up: it reads only what the writes since its revision
 * changed (their change records say which) and applies that in place. The whole network is read only at
 * the start and when the change records cannot bridge the gap; meanwhile the old snapshot answers those
 * that need no newer one, and the rest wait. One update runs at a time, and everyone behind waits for it.
 */
export class NetworkIndex {
  private snapshot: NetworkSnapshot | null = null;
  private updating: Promise<void> | null = null;

  constructor(
    private readonly reader: NetworkReader,
    private readonly events: NetworkIndexEvents = {},
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

  /**
   * A write this process made has moved the network to `revision`: the catch-up starts now rather than
   * when the next question finds the index behind, so that question finds it caught up or on its way.
   * Only a catch-up, and only when none is under way (that one, or the question after it, takes this
   * write along): under a stream of writes the index does no more than one catch-up at a time, and a gap
   * the records cannot bridge (a bulk load, a write through a process without records) waits for a
   * question to read the network whole, rather than every write setting off that read. A catch-up that
   * fails here is left alone: the next question tries again and answers with what failed.
   */
  follow(revision: number): void {
    if (!this.snapshot || this.snapshot.revision >= revision || this.updating) return;
    this.updating = this.update({ readWholeIfNeeded: false })
      .catch(() => undefined)
      .finally(() => (this.updating = null));
  }

  private async atLeast(revision: number): Promise<NetworkSnapshot> {
    for (;;) {
      if (this.snapshot && this.snapshot.revision >= revision) return this.snapshot;
      // An update already under way may have read its revision before ours: then update again after it.
      await (this.updating ??= this.update().finally(() => (this.updating = null)));
    }
  }

  private async update({ readWholeIfNeeded = true } = {}): Promise<void> {
    const started = performance.now();
    const snapshot = this.snapshot;
    if (snapshot) {
      const changed = await this.reader.readChanges(snapshot.revision, (id) => snapshot.initiatives.index.has(id));
      if (changed) {
        try {
          applyChangedRows(snapshot, changed);
          this.events.caughtUp?.(snapshot, performance.now() - started);
          return;
        } catch (error) {
          // Half applied, the snapshot can answer nothing right: no one may use it again.
          this.snapshot = null;
          this.events.catchUpFailed?.(error);
        }
      }
    }
    if (!readWholeIfNeeded && this.snapshot) return;
    const built = await this.reader.readAll();
    if (!this.snapshot || built.revision > this.snapshot.revision) this.snapshot = built;
    this.events.built?.(built, performance.now() - started);
  }
}
