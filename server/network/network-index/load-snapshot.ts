import type { Transaction } from '../../db/database.ts';
import { readNetworkRevision } from '../../db/revision.ts';
import { RowsBuilder, rowOf, transpose, type Adjacency } from './adjacency.ts';
import { compareIds, compareNames, ranksOf, sortedItems } from './order.ts';
import { readColumns, type Columns } from './read-columns.ts';
import { addBit, memberCount, membersOf, orRow, wordsFor } from './bitset.ts';
import { actorRowsStatement, initiativeRowsStatement } from './row-statements.ts';
import { ActorFlag, type ActorTable, type InitiativeTable, type NetworkSnapshot } from './snapshot.ts';

/**
 * Reads the network into a snapshot. The revision is read first: with read-committed isolation the
 * rest then holds at least what that revision holds, so a snapshot is never older than its label.
 *
 * Nodes refer to each other by Neo4j's internal id, used only inside this one transaction (where it
 * is stable) to number them: lists of integers are cheaper to send and decode than lists of our ids.
 * Actors and initiatives are streamed row by row into flat lists, so the build holds little more than
 * the snapshot it makes.
 */
export async function loadSnapshot(tx: Transaction): Promise<NetworkSnapshot> {
  const revision = Number((await tx.run<{ revision: number }>(readNetworkRevision)).records[0]!.get('revision'));
  const themes = (
    await tx.run<{ node: number; key: string; label: string }>({ text: 'MATCH (t:Theme) RETURN id(t) AS node, t.key AS key, t.label AS label ORDER BY key' })
  ).records.map((r) => r.toObject());
  const places = (
    await tx.run<{ node: number; code: string; name: string; county: string | null; countyName: string | null }>({
      text: `MATCH (m:Municipality) OPTIONAL MATCH (m)-[:IN_COUNTY]->(c:County)
             RETURN id(m) AS node, m.code AS code, m.name AS name, c.code AS county, c.name AS countyName ORDER BY code`,
    })
  ).records.map((r) => r.toObject());
  const countyNames = new Map(places.flatMap((p) => (p.county ? [[p.county, p.countyName!] as const] : [])));
  const countyCodes = [...countyNames.keys()].sort();
  const countyIndex = new Map(countyCodes.map((code, i) => [code, i]));
  const vocabulary: Vocabulary = {
    themes: numbering(themes.map((t) => t.node)),
    themeWords: wordsFor(themes.length),
    municipalities: numbering(places.map((p) => p.node)),
    countyOf: Int32Array.from(places, (p) => (p.county ? countyIndex.get(p.county)! : -1)),
    countyWords: wordsFor(countyCodes.length),
  };

  const initiatives = buildInitiatives(await readInitiatives(tx), vocabulary);
  const actors = buildActors(await readActors(tx), initiatives, vocabulary);
  initiatives.participants = transpose(actors.initiatives, initiatives.count);
  initiatives.candidatesRichestFirst = transpose(actors.initiatives, initiatives.count, actors.candidatesByThemeCount);
  initiatives.familyMembers = transpose(initiatives.roots, initiatives.count);
  initiatives.byMunicipality = transpose(initiatives.municipalities, places.length);
  const { nodes: _actorNodes, ...actorTable } = actors;
  const { nodes: _initiativeNodes, ...initiativeTable } = initiatives;
  return {
    revision,
    themes: { keys: themes.map((t) => t.key), labels: themes.map((t) => t.label), words: vocabulary.themeWords },
    municipalities: {
      codes: places.map((p) => p.code),
      names: places.map((p) => p.name),
      index: new Map(places.map((p, i) => [p.code, i])),
      county: vocabulary.countyOf,
    },
    counties: { codes: countyCodes, names: countyCodes.map((code) => countyNames.get(code)!), words: vocabulary.countyWords },
    actors: actorTable,
    initiatives: initiativeTable,
  };
}

/** Internal ids to our numbers, which are their positions. */
type Numbering = Map<number, number>;

const numbering = (nodes: number[]): Numbering => new Map(nodes.map((node, i) => [node, i]));

interface Vocabulary {
  themes: Numbering;
  themeWords: number;
  municipalities: Numbering;
  countyOf: Int32Array;
  countyWords: number;
}

/**
 * A node another transaction wrote after its kind was read has no number and is left out: the
 * snapshot's revision is then already behind, and the next request builds again.
 */
const through = (numbers: Numbering) => (node: number) => numbers.get(node);

type InitiativeRows = Columns<
  { node: number; id: string; name: string; firstDay: number | null; lastDay: number | null },
  'themes' | 'places' | 'roots'
>;

function readInitiatives(tx: Transaction): Promise<InitiativeRows> {
  return readColumns(tx, initiativeRowsStatement('node'), {
    values: ['node', 'id', 'name', 'firstDay', 'lastDay'],
    lists: ['themes', 'places', 'roots'],
  });
}

type InitiativesWithNodes = InitiativeTable & { nodes: Numbering };

function buildInitiatives(rows: InitiativeRows, vocabulary: Vocabulary): InitiativesWithNodes {
  const count = rows.id.length;
  const nodes = numbering(rows.node);
  const byId = sortedItems(count, compareIds(rows.id));
  const themeRows = rows.themes.build(vocabulary.themeWords * 32, through(vocabulary.themes));
  const themes = new Uint32Array(count * vocabulary.themeWords);
  for (let i = 0; i < count; i++) for (const theme of rowOf(themeRows, i)) addBit(themes, i, vocabulary.themeWords, theme);
  const unfilled = { offsets: new Int32Array(count + 1), targets: new Int32Array(0) };
  const days = (values: (number | null)[]) => Float64Array.from(values, (day) => day ?? Number.NaN);
  return {
    count,
    ids: rows.id,
    idRanks: ranksOf(byId, count),
    byId,
    names: rows.name,
    index: new Map(rows.id.map((id, i) => [id, i])),
    firstDays: days(rows.firstDay),
    lastDays: days(rows.lastDay),
    nodes,
    themes,
    municipalities: rows.places.build(vocabulary.countyOf.length, through(vocabulary.municipalities)),
    roots: rows.roots.build(count, through(nodes)),
    // Read from the other end once the rest is built.
    participants: unfilled,
    candidatesRichestFirst: unfilled,
    familyMembers: unfilled,
    byMunicipality: unfilled,
  };
}

type ActorRows = Columns<
  { node: number; id: string; name: string | null; flags: number },
  'themes' | 'places' | 'initiatives' | 'related' | 'affiliated'
>;

function readActors(tx: Transaction): Promise<ActorRows> {
  return readColumns(tx, actorRowsStatement('node'), {
    values: ['node', 'id', 'name', 'flags'],
    lists: ['themes', 'places', 'initiatives', 'related', 'affiliated'],
  });
}

/** For each theme, the actors whose profile holds it, in order. */
export function actorsByTheme(profileThemes: Uint32Array, count: number, themeWords: number): Adjacency {
  const themesOf = new RowsBuilder();
  for (let a = 0; a < count; a++) themesOf.push(membersOf(profileThemes, a, themeWords));
  return transpose(themesOf.build(themeWords * 32), themeWords * 32);
}

/** The organisations and role models, those with the most profile themes first. */
export function candidatesByThemeCount(flags: Uint8Array, themeCounts: Uint16Array): Int32Array {
  const candidates: number[] = [];
  for (let a = 0; a < flags.length; a++) if (flags[a]! & (ActorFlag.ORGANIZATION | ActorFlag.ROLE_MODEL)) candidates.push(a);
  return Int32Array.from(candidates.sort((x, y) => themeCounts[y]! - themeCounts[x]! || x - y));
}

/** Every actor with its profile: its own themes and kommuner with those of its initiatives, their län, and its families. */
function buildActors(rows: ActorRows, initiatives: InitiativesWithNodes, vocabulary: Vocabulary): ActorTable & { nodes: Numbering } {
  const count = rows.id.length;
  const { themeWords, countyWords, countyOf } = vocabulary;
  const municipalityCount = countyOf.length;
  const nodes = numbering(rows.node);
  const ownThemes = rows.themes.build(themeWords * 32, through(vocabulary.themes));
  const ownMunicipalities = rows.places.build(municipalityCount, through(vocabulary.municipalities));
  const participations = rows.initiatives.build(initiatives.count, through(initiatives.nodes));

  const ownThemeBits = new Uint32Array(count * themeWords);
  for (let a = 0; a < count; a++) for (const theme of rowOf(ownThemes, a)) addBit(ownThemeBits, a, themeWords, theme);
  const profileThemes = ownThemeBits.slice();
  const profileCounties = new Uint32Array(count * countyWords);
  const profileMunicipalities = new RowsBuilder();
  const families = new RowsBuilder();
  for (let a = 0; a < count; a++) {
    const places: number[] = [...rowOf(ownMunicipalities, a)];
    const roots: number[] = [];
    for (const i of rowOf(participations, a)) {
      orRow(profileThemes, a, initiatives.themes, i, themeWords);
      for (const m of rowOf(initiatives.municipalities, i)) places.push(m);
      for (const root of rowOf(initiatives.roots, i)) roots.push(root);
    }
    for (const m of places) if (countyOf[m]! >= 0) addBit(profileCounties, a, countyWords, countyOf[m]!);
    profileMunicipalities.push(places);
    families.push(roots);
  }
  const flags = Uint8Array.from(rows.flags);
  const themeCounts = Uint16Array.from({ length: count }, (_, a) => memberCount(profileThemes, a, themeWords));
  const byName = sortedItems(count, compareNames(rows.name, rows.id));
  return {
    count,
    ids: rows.id,
    names: rows.name,
    nameRanks: ranksOf(byName, count),
    byName,
    index: new Map(rows.id.map((id, i) => [id, i])),
    nodes,
    flags,
    ownThemes: ownThemeBits,
    ownMunicipalities,
    initiatives: participations,
    related: rows.related.build(count, through(nodes)),
    affiliated: rows.affiliated.build(count, through(nodes)),
    profileThemes,
    byProfileTheme: actorsByTheme(profileThemes, count, themeWords),
    themeCounts,
    candidatesByThemeCount: candidatesByThemeCount(flags, themeCounts),
    profileMunicipalities: profileMunicipalities.build(municipalityCount),
    profileCounties,
    families: families.build(initiatives.count),
  };
}

