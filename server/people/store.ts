import DataLoader from 'dataloader';
import type { AuditRecord } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import type { SourceRecord } from '../shared/links-store.ts';

export interface ConsentRecord {
  id: string;
  purpose: string;
  givenBy: string;
  givenAt: string;
  withdrawnAt: string | null;
}

export interface PersonDataRecord {
  exportedAt: string;
  id: string;
  name: string;
  title: string | null;
  description: string | null;
  email: string | null;
  phone: string | null;
  roleModel: boolean;
  organization: string | null;
  municipalities: string[];
  themes: string[];
  participations: { initiative: string; role: string; since: string | null; until: string | null; status: string }[];
  consents: ConsentRecord[];
  sources: SourceRecord[];
  auditEntries: AuditRecord[];
  createdAt: string | null;
  createdBy: string | null;
}

const consentProjection = (c: string) =>
  `${c} { .id, .purpose, .givenBy, givenAt: toString(${c}.givenAt), withdrawnAt: toString(${c}.withdrawnAt) }`;

/** People's consents and everything held about a person. */
export class PeopleStore {
  private readonly consentLoader: DataLoader<string, ConsentRecord[]>;

  constructor(private readonly db: Database) {
    this.consentLoader = new DataLoader((ids) => this.loadConsents(ids));
  }

  consentsOf(personId: string): Promise<ConsentRecord[]> {
    return this.consentLoader.load(personId);
  }

  /** GDPR art. 15: the person's data, where it came from, and what was done with it. */
  async export(personId: string): Promise<Omit<PersonDataRecord, 'auditEntries'> | null> {
    const result = await this.db.query<{ person: Omit<PersonDataRecord, 'auditEntries'> }>({
      text: `MATCH (p:Actor:Person {id: $id})
             RETURN {
               exportedAt: toString(datetime()), id: p.id, name: p.name, title: p.title, description: p.description,
               email: p.email, phone: p.phone, roleModel: p:RoleModel,
               organization: COLLECT { MATCH (p)-[:AFFILIATED_WITH]->(o:Organization) RETURN o.name }[0],
               municipalities: COLLECT { MATCH (p)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.name ORDER BY m.name },
               themes: COLLECT { MATCH (p)-[:HAS_THEME]->(t:Theme) RETURN t.label ORDER BY t.label },
               participations: COLLECT { MATCH (p)-[r:PARTICIPATES_IN]->(i:Initiative)
                 RETURN { initiative: i.name, role: r.role, since: r.since, until: r.until, status: r.status } AS item ORDER BY item.initiative },
               consents: COLLECT { MATCH (p)-[:GAVE]->(c:Consent) RETURN ${consentProjection('c')} AS consent ORDER BY consent.givenAt },
               sources: COLLECT { MATCH (p)-[:CITES]->(s:Source) RETURN s { .id, .title, .publisher, .published, .url, .document } AS source ORDER BY source.title },
               createdAt: toString(p.createdAt), createdBy: p.createdBy
             } AS person`,
      parameters: { id: personId },
    });
    return result.records[0]?.get('person') ?? null;
  }

  private async loadConsents(ids: readonly string[]): Promise<ConsentRecord[][]> {
    const result = await this.db.query<{ id: string; consents: ConsentRecord[] }>({
      text: `UNWIND $ids AS id MATCH (p:Actor:Person {id: id})
             RETURN id, COLLECT { MATCH (p)-[:GAVE]->(c:Consent) RETURN ${consentProjection('c')} AS consent ORDER BY consent.givenAt } AS consents`,
      parameters: { ids },
    });
    const found = new Map(result.records.map((record) => [record.get('id'), record.get('consents')]));
    return ids.map((id) => found.get(id) ?? []);
  }
}
