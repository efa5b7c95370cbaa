/**
 * The statement parts every node shape shares. Each repository writes rows of its shape with these;
 * `n` is the node and `row` its row. Themes, kommuner and sources are relationships to the reference
 * nodes and to Source nodes.
 */

/** How rows are written: CREATE where nothing can exist yet (no lookup first), MERGE by id otherwise (a seed reload). */
export type WriteMode = 'create' | 'merge';

/** Who wrote the rows: an account id, or `seed`, `test`, `synthetic`. */
export interface WriteOptions {
  mode: WriteMode;
  author: string;
}

/** Binds `n` for each `row` of `$rows`: a new node, or the node of that id. */
export function nodeFor(labels: string, mode: WriteMode): string {
  return `UNWIND $rows AS row
${mode === 'create' ? 'CREATE' : 'MERGE'} (n:${labels} {id: row.id})`;
}

const listLinks = {
  themes: { type: 'HAS_THEME', target: '(target:Theme {key: item})' },
  municipalities: { type: 'IN_MUNICIPALITY', target: '(target:Municipality {code: item})' },
  sources: { type: 'CITES', target: '(target:Source {id: item})' },
} as const;
export type ListLink = keyof typeof listLinks;

/**
 * Replaces `n`'s links of each kind with those the row lists, so that writing a row twice leaves what it
 * says and nothing more. A list that is null in the row leaves those links as they are (an edit that
 * does not name them). A node just created has no links yet, so in `create` mode there is nothing to
 * look for and remove first: a bulk load skips that work for every row.
 */
export function replaceLists(kinds: ListLink[], mode: WriteMode): string {
  return kinds
    .map((kind) => {
      const { type, target } = listLinks[kind];
      const removeOld =
        mode === 'create'
          ? ''
          : `
  WITH n, row WHERE row.${kind} IS NOT NULL
  OPTIONAL MATCH (n)-[old:${type}]->()
  DELETE old
  WITH DISTINCT n, row`;
      return `
WITH n, row
CALL (n, row) {${removeOld}
  UNWIND row.${kind} AS item
  MATCH ${target}
  MERGE (n)-[:${type}]->(target)
}`;
    })
    .join('');
}

/** Adds the row's `cite` sources to those `n` cites already: an edit cites its source and keeps the earlier ones. */
export const citeSources = `
WITH n, row
CALL (n, row) {
  UNWIND coalesce(row.cite, []) AS item
  MATCH (target:Source {id: item})
  MERGE (n)-[:CITES]->(target)
}`;

/**
 * Replaces `n`'s one outgoing relationship of a type (an organisation's parent, an initiative's whole, a
 * person's organisation) when the row's `replace` list names the field; null removes it. A node just
 * created (`create` mode) has none to replace: it is linked to what the row names, if anything. `label`
 * must hold one whose id is unique-constrained (Actor for an organisation): the target is found by that
 * index, where any other label would be scanned whole for every row.
 */
export function replaceOne(field: string, type: string, label: string, mode: WriteMode): string {
  const removeOld =
    mode === 'create'
      ? ''
      : `
  WITH n, row WHERE '${field}' IN row.replace
  OPTIONAL MATCH (n)-[old:${type}]->(:${label})
  DELETE old
  WITH DISTINCT n, row`;
  return `
WITH n, row
CALL (n, row) {${removeOld}
  MATCH (target:${label} {id: row.${field}})
  MERGE (n)-[:${type}]->(target)
}`;
}

/** Who made a node and when, and its first version; a reload keeps the first maker and version. */
export const provenance = `n.createdAt = coalesce(n.createdAt, datetime()), n.createdBy = coalesce(n.createdBy, $author),
  n.updatedAt = datetime(), n.version = coalesce(n.version, 1)`;

/** Who edited a node last and when; its version moves by one, so that an edit made against the old one is refused. */
export const edited = (n: string) => `${n}.updatedAt = datetime(), ${n}.updatedBy = $author, ${n}.version = coalesce(${n}.version, 1) + 1`;

/**
 * An edit of one node: the properties it sets (null removes one), the lists it replaces (null leaves a
 * list), the sources it cites besides, and the single links it replaces (named in `replace`). The
 * version moves by one.
 */
export function patchStatement(label: string, lists: ListLink[], ones: [field: string, type: string, label: string][]): string {
  return `MATCH (n:${label} {id: $id})
WITH n, $row AS row
SET n += row.properties, ${edited('n')}
${replaceLists(lists, 'merge')}
${citeSources}
${ones.map(([field, type, target]) => replaceOne(field, type, target, 'merge')).join('\n')}`;
}

/** The row a patch statement reads: lists left out stay as they are. */
export interface PatchRow {
  properties: Record<string, unknown>;
  themes?: string[] | null;
  municipalities?: string[] | null;
  cite: string[];
  replace: string[];
  [single: string]: unknown;
}

/**
 * Takes the node's write lock before reading it (a property set to itself), so that two edits of one
 * node run one after the other and the second reads what the first wrote.
 */
export const lockNode = (n: string) => `SET ${n}.version = coalesce(${n}.version, 1)`;
