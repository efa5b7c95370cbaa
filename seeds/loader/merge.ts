import type {
  SeedDocument,
  SeedEvent,
  SeedGrant,
  SeedInitiative,
  SeedOrganization,
  SeedParticipation,
  SeedPerson,
  SeedSource,
} from './network-files.ts';

type Sourced<T> = T & { sources: string[] };

export interface MergedNetwork {
  sources: SeedSource[];
  organizations: Sourced<SeedOrganization>[];
  people: Sourced<SeedPerson>[];
  initiatives: Sourced<SeedInitiative>[];
  participations: Sourced<SeedParticipation>[];
  grants: Sourced<SeedGrant>[];
  events: Sourced<SeedEvent>[];
}

/**
 * Several documents may speak of the same organisation, person or initiative under the same key.
 * The merge keeps one entity per key: the first value stated for each field, the union of every
 * list, and every document that speaks of it as a source.
 */
function mergeByKey<T extends object>(
  items: { item: T; source: string }[],
  keyOf: (item: T) => string,
): Sourced<T>[] {
  const merged = new Map<string, Sourced<T>>();
  for (const { item, source } of items) {
    const key = keyOf(item);
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...item, sources: [source] });
      continue;
    }
    const target = existing as Record<string, unknown>;
    for (const [field, value] of Object.entries(item)) {
      const current = target[field];
      if (Array.isArray(current) && Array.isArray(value)) {
        target[field] = [...new Set([...current, ...value])];
      } else if (current === null || current === undefined) {
        target[field] = value;
      } else if (isPlainObject(current) && isPlainObject(value)) {
        target[field] = { ...value, ...Object.fromEntries(Object.entries(current).filter(([, v]) => v != null)) };
      }
    }
    if (!existing.sources.includes(source)) existing.sources.push(source);
  }
  return [...merged.values()];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mergeSeedDocuments(documents: SeedDocument[]): MergedNetwork {
  const all = <T>(pick: (document: SeedDocument) => T[]) =>
    documents.flatMap((document) => pick(document).map((item) => ({ item, source: document.source.key })));
  return {
    sources: documents.map((document) => document.source),
    organizations: mergeByKey(all((d) => d.organizations), (o) => o.key),
    people: mergeByKey(all((d) => d.people), (p) => p.key),
    initiatives: mergeByKey(all((d) => d.initiatives), (i) => i.key),
    participations: mergeByKey(all((d) => d.participations), (p) => `${p.actor}|${p.initiative}|${p.role}`),
    grants: mergeByKey(all((d) => d.grants), (g) => g.key),
    events: mergeByKey(all((d) => d.events), (e) => e.key),
  };
}
