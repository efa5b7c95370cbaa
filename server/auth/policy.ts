import type { Viewer } from './viewer.ts';

/**
 * Who may see what. Every access decision that is not a visibility filter in Cypher is made here.
 */
export const policy = {
  /** Contact details: admins, the organisation itself, strategists where it acts. */
  seesContactOf(viewer: Viewer, actorId: string, actorMunicipalities: string[]): boolean {
    if (viewer.role === 'ADMIN') return true;
    if (viewer.role === 'ASSOCIATION' && viewer.organizationId === actorId) return true;
    if (viewer.role === 'STRATEGIST') return actorMunicipalities.some((code) => viewer.municipalities.includes(code));
    return false;
  },
};
