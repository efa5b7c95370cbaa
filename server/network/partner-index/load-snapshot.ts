import type { Transaction } from '../../db/database.ts';
import { readNetworkRevision } from '../../db/revision.ts';
import { AdjacencyBuilder, adjacencyFromPairs, rowOf, type Adjacency } from './adjacency.ts';
import { addBit, orRow, wordsFor } from './bitset.ts';
import { ActorFlag, type ActorTable, type InitiativeTable, type NetworkSnapshot } from './snapshot.ts';

/**
 * Reads the network into a snapshot. The revision is read first: with read-committed isolation the
 * rest then holds at least what that revision holds, so a snapshot is never older than its label.
 * Actors and initiatives are streamed row by row, so the driver never holds the whole network at once.
 */
export async function loadSnapshot(tx: Transaction): Promise<NetworkSnapshot> {
  const revision = Number((await tx.run<{ revision: number }>(readNetworkRevision)).records[0]!.get('revision'));
  const themeKeys = (await tx.run<{ key: string }>({ text: 'MATCH (t:Theme) RETURN t.key AS key ORDER BY key' })).records.map((r) => r.get('key'));
  const places = (
    await tx.run<{ code: string; county: string | null }>({
      text: 'MATCH (m:Municipality) OPTIONAL MATCH (m)-[:IN_COUNTY]->(c:County) RETURN m.code AS code, c.code AS county ORDER BY code',
    })
  ).records.map((r) => r.toObject());
  const countyCodes = [...new Set(places.flatMap((p) => (p.county ? [p.county] : [])))].sort();
  const countyIndex = new Map(countyCodes.map((code, i) => [code, i]));
  const municipalityIndex = new Map(places.map((p, i) => [p.code, i]));
  const vocabulary = { themes: new Map(themeKeys.map((key, i) => [key, i])), municipalities: municipalityIndex };
  const themeWords = wordsFor(themeKeys.length);
  const countyWords = wordsFor(countyCodes.length);
  const countyOf = Int32Array.from(places, (p) => (p.county ? countyIndex.get(p.county)! : -1));

  const initiativeRows = await readInitiatives(tx, vocabulary);
  const actorRows = await readActors(tx, vocabulary);
  const initiatives = buildInitiatives(initiativeRows, themeWords);
  const actors = buildActors(actorRows, initiatives, themeWords, countyWords, countyOf);
  initiatives.participants = transpose(initiatives.count, actors.count, actors.initiatives);
  initiatives.familyMembers = transpose(initiatives.count, initiatives.count, initiatives.roots);
  return {
    revision,
    themes: { keys: themeKeys, words: themeWords },
    municipalities: { codes: places.map((p) => p.code), index: municipalityIndex, county: countyOf },
    counties: { codes: countyCodes, words: countyWords },
    actors,
    initiatives,
  };
}

interface Vocabulary {
  themes: Map<string, number>;
  municipalities: Map<string, number>;
}

/** Keys the snapshot knows, as indices; one it does not know is left out. */
const indicesOf = (index: Map<string, number>, keys: string[]) => keys.flatMap((key) => (index.has(key) ? [index.get(key)!] : []));

interface InitiativeRows {
  ids: string[];
  themes: number[][];
  municipalities: number[][];
  rootIds: string[][];
}

async function readInitiatives(tx: Transaction, vocabulary: Vocabulary): Promise<InitiativeRows> {
  const rows: InitiativeRows = { ids: [], themes: [], municipalities: [], rootIds: [] };
  const records = tx.stream<{ id: string; themes: string[]; places: string[]; roots: string[] }>({
    text: `MATCH (i:Initiative)
           RETURN i.id AS id,
             [(i)-[:HAS_THEME]->(t:Theme) | t.key] AS themes,
             [(i)-[:IN_MUNICIPALITY]->(m:Municipality) | m.code] AS places,
             COLLECT { MATCH (i)-[:PART_OF*0..]->(root:Initiative) WHERE NOT (root)-[:PART_OF]->(:Initiative) RETURN DISTINCT root.id } AS roots`,
  });
  for await (const record of records) {
    rows.ids.push(record.get('id'));
    rows.themes.push(indicesOf(vocabulary.themes, record.get('themes')));
    rows.municipalities.push(indicesOf(vocabulary.municipalities, record.get('places')));
    rows.rootIds.push(record.get('roots'));
  }
  return rows;
}

interface ActorRows {
  ids: string[];
  names: (string | null)[];
  flags: number[];
  themes: number[][];
  municipalities: number[][];
  initiativeIds: string[][];
  relatedIds: string[][];
  affiliatedIds: string[][];
}

async function readActors(tx: Transaction, vocabulary: Vocabulary): Promise<ActorRows> {
  const rows: ActorRows = { ids: [], names: [], flags: [], themes: [], municipalities: [], initiativeIds: [], relatedIds: [], affiliatedIds: [] };
  const records = tx.stream<{
    id: string;
    name: string | null;
    flags: number;
    themes: string[];
    places: string[];
    initiatives: string[];
    related: string[];
    affiliated: string[];
  }>({
    text: `MATCH (a:Actor)
           RETURN a.id AS id, a.name AS name,
             CASE WHEN a:Organization THEN $flag.ORGANIZATION ELSE 0 END
               + CASE WHEN a:Person THEN $flag.PERSON ELSE 0 END
               + CASE WHEN a:RoleModel THEN $flag.ROLE_MODEL ELSE 0 END
               + CASE WHEN a.status = 'VERIFIED' THEN $flag.VERIFIED ELSE 0 END
               + CASE WHEN a.consentGiven = true THEN $flag.CONSENTED ELSE 0 END AS flags,
             [(a)-[:HAS_THEME]->(t:Theme) | t.key] AS themes,
             [(a)-[:IN_MUNICIPALITY]->(m:Municipality) | m.code] AS places,
             [(a)-[r:PARTICIPATES_IN]->(i:Initiative) WHERE r.status = 'CONFIRMED' | i.id] AS initiatives,
             [(a)-[:PART_OF]-(b:Actor) | b.id] AS related,
             [(a)-[:AFFILIATED_WITH]-(b:Actor) | b.id] AS affiliated`,
    parameters: { flag: ActorFlag },
  });
  for await (const record of records) {
    rows.ids.push(record.get('id'));
    rows.names.push(record.get('name'));
    rows.flags.push(record.get('flags'));
    rows.themes.push(indicesOf(vocabulary.themes, record.get('themes')));
    rows.municipalities.push(indicesOf(vocabulary.municipalities, record.get('places')));
    rows.initiativeIds.push(record.get('initiatives'));
    rows.relatedIds.push(record.get('related'));
    rows.affiliatedIds.push(record.get('affiliated'));
  }
  return rows;
}

const pack = (rows: Iterable<number>[]) => {
  const builder = new AdjacencyBuilder();
  for (const row of rows) builder.push(row);
  return builder.build();
};

function buildInitiatives(rows: InitiativeRows, themeWords: number): InitiativeTable {
  const count = rows.ids.length;
  const index = new Map(rows.ids.map((id, i) => [id, i]));
  const themes = new Uint32Array(count * themeWords);
  rows.themes.forEach((row, i) => row.forEach((theme) => addBit(themes, i, themeWords, theme)));
  const empty = { offsets: new Int32Array(count + 1), targets: new Int32Array(0) };
  return {
    count,
    ids: rows.ids,
    index,
    themes,
    municipalities: pack(rows.municipalities),
    roots: pack(rows.rootIds.map((ids) => indicesOf(index, ids))),
    // Filled from the actors' side once they are read.
    participants: empty,
    familyMembers: empty,
  };
}

/** Every actor with its profile: its own themes and kommuner with those of its initiatives, their län, and its families. */
function buildActors(rows: ActorRows, initiatives: InitiativeTable, themeWords: number, countyWords: number, countyOf: Int32Array): ActorTable {
  const count = rows.ids.length;
  const index = new Map(rows.ids.map((id, i) => [id, i]));
  // An id read after its node was written in another transaction may be missing from an index: the
  // snapshot's revision is then already behind, and the next request rebuilds it.
  const byIndex = (ids: string[][]) => pack(ids.map((row) => indicesOf(index, row)));
  const participations = pack(rows.initiativeIds.map((ids) => indicesOf(initiatives.index, ids)));
  const profileThemes = new Uint32Array(count * themeWords);
  const profileCounties = new Uint32Array(count * countyWords);
  const profileMunicipalities: number[][] = [];
  const families: number[][] = [];
  for (let a = 0; a < count; a++) {
    for (const theme of rows.themes[a]!) addBit(profileThemes, a, themeWords, theme);
    const places = [...rows.municipalities[a]!];
    const roots: number[] = [];
    for (const i of rowOf(participations, a)) {
      orRow(profileThemes, a, initiatives.themes, i, themeWords);
      places.push(...rowOf(initiatives.municipalities, i));
      roots.push(...rowOf(initiatives.roots, i));
    }
    for (const m of places) if (countyOf[m]! >= 0) addBit(profileCounties, a, countyWords, countyOf[m]!);
    profileMunicipalities.push(places);
    families.push(roots);
  }
  return {
    count,
    ids: rows.ids,
    names: rows.names,
    index,
    flags: Uint8Array.from(rows.flags),
    ownMunicipalities: pack(rows.municipalities),
    initiatives: participations,
    related: byIndex(rows.relatedIds),
    affiliated: byIndex(rows.affiliatedIds),
    profileThemes,
    profileMunicipalities: pack(profileMunicipalities),
    profileCounties,
    families: pack(families),
  };
}

/** The same links read from the other end: for each target, the rows that list it. */
function transpose(targets: number, rows: number, adjacency: Adjacency): Adjacency {
  const from: number[] = [];
  const to: number[] = [];
  for (let row = 0; row < rows; row++) {
    for (const target of rowOf(adjacency, row)) {
      from.push(target);
      to.push(row);
    }
  }
  return adjacencyFromPairs(targets, from, to);
}
