import type { TestClient } from './service.ts';

/**
 * Finds seed entities the way a client would: by Swedish full text over names, then the one node whose
 * name is exactly the one asked for. Ids are opaque, so tests never hard-code them.
 */

// Tests read back loosely shaped GraphQL answers; each test asserts the fields it asked for.
export type Node = Record<string, any>;

/** The id of the one node named exactly `name` among those the full-text filter finds for `text`. */
async function idOfExactlyNamed(client: TestClient, field: 'actors' | 'initiatives', name: string, text: string): Promise<string> {
  const data = await client.data<Record<string, { edges: { node: { id: string; name: string } }[] }>>(
    `query ($text: String!) { ${field}(filter: { text: $text }, first: 100) { edges { node { id name } } } }`,
    { text },
  );
  const nodes = data[field]!.edges.map((edge) => edge.node);
  const matches = nodes.filter((node) => node.name === name);
  if (matches.length !== 1) {
    throw new Error(
      `Expected exactly one of ${field} named ${JSON.stringify(name)} (text ${JSON.stringify(text)}); ` +
        `found ${matches.length} among ${JSON.stringify(nodes.map((node) => node.name))}`,
    );
  }
  return matches[0]!.id;
}

/**
 * Finds the node by name, then reads `selection` from it by id. The read goes through `initiative(id)` /
 * `actor(id)` rather than the connection, so that deep selections stay within the API's query-cost limit.
 */
async function exactlyNamed(
  client: TestClient,
  field: 'actors' | 'initiatives',
  name: string,
  selection: string,
  text: string,
): Promise<Node> {
  const id = await idOfExactlyNamed(client, field, name, text);
  const single = field === 'actors' ? 'actor' : 'initiative';
  const data = await client.data<Record<string, Node | null>>(`query ($id: ID!) { ${single}(id: $id) { name ${selection} } }`, { id });
  const node = data[single];
  if (!node) throw new Error(`${single}(id) returned null for ${JSON.stringify(name)}`);
  return node;
}

/** The initiative named exactly `name`, with the fields of `selection`, in one query. */
export function initiativeNamed(client: TestClient, name: string, selection = '', text = name): Promise<Node> {
  return exactlyNamed(client, 'initiatives', name, selection, text);
}

/** The actor named exactly `name`, with the fields of `selection` (fragments allowed), in one query. */
export function actorNamed(client: TestClient, name: string, selection = '', text = name): Promise<Node> {
  return exactlyNamed(client, 'actors', name, selection, text);
}

/** The id of the actor named exactly `name`. */
export function actorId(client: TestClient, name: string, text = name): Promise<string> {
  return idOfExactlyNamed(client, 'actors', name, text);
}

/** The id of the initiative named exactly `name`. */
export function initiativeId(client: TestClient, name: string, text = name): Promise<string> {
  return idOfExactlyNamed(client, 'initiatives', name, text);
}

/** The source documents a list of `sources { document }` names, sorted, without repeats. */
export function documentsOf(sources: { document: string | null }[]): (string | null)[] {
  return [...new Set(sources.map((source) => source.document))].sort();
}

/** Names of a list of participations' actors, sorted, for comparing as a set. */
export function actorNames(participations: { actor: { name: string } }[]): string[] {
  return participations.map((participation) => participation.actor.name).sort((a, b) => a.localeCompare(b, 'sv'));
}

/** Theme keys of a list of themes. */
export function themeKeys(themes: { key: string }[]): string[] {
  return themes.map((theme) => theme.key);
}

/** Kommun codes of a list of municipalities, sorted. */
export function municipalityCodes(municipalities: { code: string }[]): string[] {
  return municipalities.map((municipality) => municipality.code).sort();
}
