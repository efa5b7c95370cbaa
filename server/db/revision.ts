import type { Statement } from './database.ts';

/**
 * A counter that every write to the network moves. What is derived from the network in memory (the
 * network index) compares it with the revision it was built at, instead of trusting a clock.
 *
 * The write takes this node's lock last, after all of its own, and then only commits: so no two
 * writes can wait on each other through it.
 */
export const moveNetworkRevision = `MERGE (revision:Revision {name: 'network'})
SET revision.value = coalesce(revision.value, 0) + 1`;

export const bumpNetworkRevision: Statement = { text: moveNetworkRevision };

/** Binds `revision` to the current revision, 0 before the first write: for statements that read it along the way. */
export const networkRevisionLookup = `OPTIONAL MATCH (revision:Revision {name: 'network'}) WITH coalesce(revision.value, 0) AS revision`;

export const readNetworkRevision: Statement = { text: `${networkRevisionLookup} RETURN revision` };
