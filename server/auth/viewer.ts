export type Role = 'ADMIN' | 'STRATEGIST' | 'ASSOCIATION' | 'RESEARCHER';

/** Who is asking. Anonymous callers have no account and no role. */
export interface Viewer {
  accountId: string | null;
  role: Role | null;
  /** The organisation an ASSOCIATION account speaks for. */
  organizationId: string | null;
  /** The kommun codes a STRATEGIST works in (a län scope is expanded to its kommuner). */
  municipalities: string[];
}

export const anonymousViewer: Viewer = { accountId: null, role: null, organizationId: null, municipalities: [] };
