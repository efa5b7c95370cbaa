import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParticipationRole } from '../../server/initiatives/vocabulary.ts';

export const networkDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../network');

interface Contact {
  email: string | null;
  phone: string | null;
  address?: string | null;
}

export interface SeedSource {
  key: string;
  document: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
}

export interface SeedOrganization {
  key: string;
  kind: 'MUNICIPAL_UNIT' | 'AUTHORITY' | 'ASSOCIATION' | 'BUSINESS';
  name: string;
  description: string | null;
  organizationNumber: string | null;
  parent: string | null;
  municipalities: string[];
  themes: string[];
  contact: Contact;
}

export interface SeedPerson {
  key: string;
  name: string;
  roleModel: boolean;
  title: string | null;
  description: string | null;
  organization: string | null;
  municipalities: string[];
  themes: string[];
  contact: Contact;
}

export interface SeedInitiative {
  key: string;
  kind: 'PROJECT' | 'PROGRAMME' | 'AGREEMENT' | 'DECLARATION' | 'NETWORK' | 'ACTIVITY';
  name: string;
  description: string | null;
  start: string | null;
  end: string | null;
  themes: string[];
  municipalities: string[];
  partOf: string | null;
}

export interface SeedParticipation {
  actor: string;
  initiative: string;
  role: ParticipationRole;
  since: string | null;
  until: string | null;
}

export interface SeedGrant {
  key: string;
  funder: string;
  initiative: string;
  amount: number;
  currency: string;
  programme: string | null;
  awarded: string | null;
}

export interface SeedEvent {
  key: string;
  name: string;
  date: string | null;
  initiative: string | null;
  description: string | null;
  municipalities: string[];
}

/** One source document's facts, as written in seeds/network/<document>.json. */
export interface SeedDocument {
  source: SeedSource;
  organizations: SeedOrganization[];
  people: SeedPerson[];
  initiatives: SeedInitiative[];
  participations: SeedParticipation[];
  grants: SeedGrant[];
  events: SeedEvent[];
}

export function readSeedDocuments(dir = networkDir): SeedDocument[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as SeedDocument);
}
