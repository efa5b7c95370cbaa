import type { Viewer } from '../auth/viewer.ts';

/** Who the nodes a write makes or edits name as their author: the account, or `anonymous` for a registration. */
export const authorOf = (viewer: Viewer): string => viewer.accountId ?? 'anonymous';
