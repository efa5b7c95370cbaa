import DataLoader from 'dataloader';
import type { Database } from '../db/database.ts';
import type { MunicipalityRecord, ThemeRecord } from '../reference/store.ts';

export interface SourceRecord {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  document: string | null;
}

export interface Links {
  themes: ThemeRecord[];
  municipalities: MunicipalityRecord[];
  sources: SourceRecord[];
}

/** The labels whose nodes carry themes, kommuner and sources; labels come only from here. */
const linkedLabels = ['Actor', 'Initiative', 'Grant', 'Event'] as const;
export type LinkedLabel = (typeof linkedLabels)[number];

const noLinks: Links = { themes: [], municipalities: [], sources: [] };

/** The map of a node's links, as every statement that reads them returns them. */
export const linksProjection = (variable: string) => `{
  themes: COLLECT { MATCH (${variable})-[:HAS_THEME]->(t:Theme) RETURN t { .id, .key, .label } AS theme ORDER BY theme.label },
  municipalities: COLLECT { MATCH (${variable})-[:IN_MUNICIPALITY]->(m:Municipality)-[:IN_COUNTY]->(c:County)
                            RETURN m { .code, .name, county: c { .code, .name } } AS place ORDER BY place.code },
  sources: COLLECT { MATCH (${variable})-[:CITES]->(s:Source)
                     RETURN s { .id, .title, .publisher, .published, .url, .document } AS source ORDER BY source.title }
}`;

/**
 * Themes, kommuner and sources of any node, batched: one statement per label per request, however
 * many nodes a response lists.
 */
export class LinkStore {
  private readonly loaders: Record<LinkedLabel, DataLoader<string, Links>>;
  private readonly sources: DataLoader<string, SourceRecord | null>;

  constructor(private readonly db: Database) {
    this.loaders = Object.fromEntries(linkedLabels.map((label) => [label, new DataLoader((ids: readonly string[]) => this.loadLinks(label, ids))])) as Record<
      LinkedLabel,
      DataLoader<string, Links>
    >;
    this.sources = new DataLoader((ids) => this.loadSources(ids));
  }

  of(label: LinkedLabel, id: string): Promise<Links> {
    return this.loaders[label].load(id);
  }

  /** Links another statement has read already, so that no statement asks for them again. */
  prime(label: LinkedLabel, id: string, links: Links): void {
    this.loaders[label].prime(id, links);
  }

  /** Sources named by id, as a relationship (a participation) keeps them. */
  async sourcesById(ids: string[]): Promise<SourceRecord[]> {
    const found = await this.sources.loadMany(ids);
    return found.filter((source): source is SourceRecord => source !== null && !(source instanceof Error));
  }

  private async loadLinks(label: LinkedLabel, ids: readonly string[]): Promise<Links[]> {
    const result = await this.db.query<{ id: string; links: Links }>({
      text: `UNWIND $ids AS id
             MATCH (n:${label} {id: id})
             RETURN id, ${linksProjection('n')} AS links`,
      parameters: { ids },
    });
    const rows = new Map(result.records.map((record) => [record.get('id'), record.get('links')]));
    return ids.map((id) => rows.get(id) ?? noLinks);
  }

  private async loadSources(ids: readonly string[]): Promise<(SourceRecord | null)[]> {
    const result = await this.db.query<{ source: SourceRecord }>({
      text: `MATCH (s:Source) WHERE s.id IN $ids
             RETURN s { .id, .title, .publisher, .published, .url, .document } AS source`,
      parameters: { ids },
    });
    const rows = new Map(result.records.map((record) => [record.get('source').id, record.get('source')]));
    return ids.map((id) => rows.get(id) ?? null);
  }
}
