import type { Database } from '../db/database.ts';

export interface ThemeRecord {
  id: string;
  key: string;
  label: string;
}

export interface MunicipalityRecord {
  code: string;
  name: string;
  county: { code: string; name: string };
}

/** Reads the theme vocabulary and SCB's places. */
export class ReferenceStore {
  constructor(private readonly db: Database) {}

  async themes(): Promise<ThemeRecord[]> {
    const result = await this.db.query<{ theme: ThemeRecord }>({
      text: 'MATCH (t:Theme) RETURN t { .id, .key, .label } AS theme ORDER BY t.label',
    });
    return result.records.map((record) => record.get('theme'));
  }

  /** Kommuner of one län, or of these codes, or all when neither is given. */
  async municipalities(countyCode: string | null, codes: string[] | null = null): Promise<MunicipalityRecord[]> {
    const result = await this.db.query<{ municipality: MunicipalityRecord }>({
      text: `MATCH (m:Municipality)-[:IN_COUNTY]->(c:County)
             WHERE ($county IS NULL OR c.code = $county) AND ($codes IS NULL OR m.code IN $codes)
             RETURN m { .code, .name, county: c { .code, .name } } AS municipality
             ORDER BY m.code`,
      parameters: { county: countyCode, codes },
    });
    return result.records.map((record) => record.get('municipality'));
  }
}
