/** An actor as the stores read it; resolvers decide which fields a viewer gets. */
export interface ActorRecord {
  id: string;
  kind: 'ASSOCIATION' | 'AUTHORITY' | 'MUNICIPAL_UNIT' | 'BUSINESS' | 'ROLE_MODEL' | 'PERSON';
  name: string;
  description: string | null;
  organizationNumber: string | null;
  status: 'PENDING' | 'VERIFIED' | 'REJECTED' | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  isPerson: boolean;
  version: number;
  /** How a registration was reviewed; all null until it was. */
  reviewApproved: boolean | null;
  reviewReason: string | null;
  reviewedAt: string | null;
}

/** The map projection every actor query returns, so all of them yield the same ActorRecord. */
export const actorProjection = (variable: string) =>
  `${variable} { .id, .kind, .name, .description, .organizationNumber, .status, .title, .email, .phone, isPerson: ${variable}:Person, .version,
     .reviewApproved, .reviewReason, reviewedAt: toString(${variable}.reviewedAt) }`;
