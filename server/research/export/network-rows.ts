import { allows } from '../../auth/policy.ts';
import type { Pseudonyms } from '../../auth/pseudonyms.ts';
import type { Viewer } from '../../auth/viewer.ts';

/** A source as every node and edge of an export carries it. */
export interface ExportSource {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  document: string | null;
}

/** A node of the exported network: an actor or an initiative, as this viewer may see it. */
export interface ExportNode {
  id: string;
  type: 'actor' | 'initiative';
  /** An actor kind (ASSOCIATION … PERSON) or an initiative kind (PROJECT …). */
  kind: string;
  isPerson: boolean;
  /** A person's pseudonym for a researcher. */
  name: string;
  status: string | null;
  organizationNumber: string | null;
  start: string | null;
  end: string | null;
  /** The initiative this one is a part of. */
  partOf: string | null;
  themes: string[];
  municipalities: string[];
  /** Null unless this viewer may see the actor's contact (as `contact` in the API). */
  email: string | null;
  phone: string | null;
  sources: ExportSource[];
}

/** An edge: a participation of an actor (source) in an initiative (target). */
export interface ExportEdge {
  id: string;
  actor: string;
  initiative: string;
  role: string;
  since: string | null;
  until: string | null;
  status: string;
  sources: ExportSource[];
}

export interface ActorRow {
  id: string;
  kind: string;
  name: string;
  status: string | null;
  organizationNumber: string | null;
  email: string | null;
  phone: string | null;
  isPerson: boolean;
  themes: string[];
  municipalities: string[];
  sources: ExportSource[];
  organizationId: string | null;
}

export interface InitiativeRow {
  id: string;
  kind: string;
  name: string;
  status: string;
  start: string | null;
  end: string | null;
  themes: string[];
  municipalities: string[];
  sources: ExportSource[];
  partOf: string | null;
}

/**
 * What a viewer sees of an actor, by the same rules as the API's fields: a researcher sees people under
 * their pseudonyms, and the contact goes only to those who may see it (seeContact: a person's belongs to
 * the organisation they work for).
 */
export function actorNode(row: ActorRow, viewer: Viewer, pseudonyms: Pseudonyms): ExportNode {
  const pseudonymous = row.isPerson && viewer.role === 'RESEARCHER';
  const organizationId = row.isPerson ? row.organizationId : row.id;
  const contact = (row.email !== null || row.phone !== null) && allows(viewer, 'seeContact', { organizationId, municipalities: row.municipalities });
  return {
    id: row.id,
    type: 'actor',
    kind: row.kind,
    isPerson: row.isPerson,
    name: pseudonymous ? pseudonyms.of(row.id) : row.name,
    status: row.isPerson ? null : (row.status ?? 'VERIFIED'),
    organizationNumber: row.organizationNumber,
    start: null,
    end: null,
    partOf: null,
    themes: row.themes,
    municipalities: row.municipalities,
    email: contact ? row.email : null,
    phone: contact ? row.phone : null,
    sources: row.sources,
  };
}

export function initiativeNode(row: InitiativeRow): ExportNode {
  return {
    ...row,
    type: 'initiative',
    isPerson: false,
    organizationNumber: null,
    email: null,
    phone: null,
  };
}
