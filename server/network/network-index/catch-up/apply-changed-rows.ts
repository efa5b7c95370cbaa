import { rowOf } from '../adjacency.ts';
import { addBit, memberCount, membersOf, orRow } from '../bitset.ts';
import { compareIds, compareNames, ranksOf, reordered } from '../order.ts';
import { ActorFlag, type NetworkSnapshot } from '../snapshot.ts';
import { grown } from './grow.ts';
import { ChangedRowsOf, distinct, mapped, retransposed, rowOrEmpty } from './packed-rows.ts';
import type { ActorRow, ChangedRows, InitiativeRow } from './read-changed-rows.ts';

const isCandidate = (flags: number) => (flags & (ActorFlag.ORGANIZATION | ActorFlag.ROLE_MODEL)) !== 0;

/**
 * Brings a snapshot up to the rows a catch-up read, in place: the changed initiatives, then the changed
 * actors, then the profiles of every actor whose own rows or initiatives changed, then the lists read
 * from the other end (participants, families, kommuner, themes) and the orders (by name, by id, by
 * theme count) for just those. It is synchronous, so no request sees half of it.
 */
export function applyChangedRows(snapshot: NetworkSnapshot, rows: ChangedRows): void {
  const initiatives = applyInitiativeRows(snapshot, rows.initiatives);
  const actors = applyActorRows(snapshot, rows.actors);
  // Whoever takes part in a changed initiative has a changed profile, as has every changed actor.
  const profiled = new Set(actors.changed);
  for (const i of initiatives.changed) for (const a of initiatives.participantsBefore(i)) profiled.add(a);
  refreshProfiles(snapshot, profiled);
  refreshParticipants(snapshot, actors.changed, actors.initiativesBefore, initiatives.changed, profiled);
  snapshot.revision = Math.max(snapshot.revision, rows.revision);
}

const themeIndexOf = (snapshot: NetworkSnapshot) => new Map(snapshot.themes.keys.map((key, t) => [key, t]));

/** Gives each row not in the table yet the next number, its id and its name; returns those numbers. */
function numberNewRows<Name>(table: { count: number; index: Map<string, number>; ids: string[]; names: Name[] }, rows: Map<string, { name: Name } | null>): Set<number> {
  const added = new Set<number>();
  for (const [id, row] of rows) {
    if (!row || table.index.has(id)) continue;
    added.add(table.count);
    table.index.set(id, table.count++);
    table.ids.push(id);
    table.names.push(row.name);
  }
  return added;
}

function applyInitiativeRows(snapshot: NetworkSnapshot, rows: Map<string, InitiativeRow | null>) {
  const table = snapshot.initiatives;
  const words = snapshot.themes.words;
  const themeIndex = themeIndexOf(snapshot);
  const participantsBefore = table.participants;

  const added = numberNewRows(table, rows);
  if (added.size > 0) {
    table.firstDays = grown(table.firstDays, table.count);
    table.lastDays = grown(table.lastDays, table.count);
    table.themes = grown(table.themes, table.count * words);
    table.byId = reordered(table.byId, added, compareIds(table.ids));
    table.idRanks = ranksOf(table.byId, table.count);
  }

  const places = new ChangedRowsOf(table.municipalities);
  const roots = new ChangedRowsOf(table.roots);
  const changed = new Set<number>();
  for (const [id, row] of rows) {
    const i = table.index.get(id);
    if (i === undefined) continue;
    changed.add(i);
    table.themes.fill(0, i * words, (i + 1) * words);
    if (!row) {
      // Hidden now (or gone): the number stays, with nothing in it.
      table.index.delete(id);
      table.firstDays[i] = table.lastDays[i] = Number.NaN;
      places.set(i, []);
      roots.set(i, []);
      continue;
    }
    table.names[i] = row.name;
    table.firstDays[i] = row.firstDay ?? Number.NaN;
    table.lastDays[i] = row.lastDay ?? Number.NaN;
    for (const key of row.themes) if (themeIndex.has(key)) addBit(table.themes, i, words, themeIndex.get(key)!);
    places.set(i, mapped(row.places, (code) => snapshot.municipalities.index.get(code)));
    roots.set(i, mapped(row.roots, (rootId) => table.index.get(rootId)));
  }
  table.municipalities = places.packed(table.count);
  table.roots = roots.packed(table.count);
  table.byMunicipality = retransposed(table.byMunicipality, changed, (i) => places.rowBefore(i), (i) => rowOf(table.municipalities, i), snapshot.municipalities.codes.length);
  table.familyMembers = retransposed(table.familyMembers, changed, (i) => roots.rowBefore(i), (i) => rowOf(table.roots, i), table.count);
  return {
    changed,
    participantsBefore: (i: number) => rowOrEmpty(participantsBefore, i),
  };
}

/** The initiatives that appeared or disappeared were read with all their participants (read-changed-rows.ts), so the actors' rows need nothing more. */
function applyActorRows(snapshot: NetworkSnapshot, rows: Map<string, ActorRow | null>) {
  const table = snapshot.actors;
  const words = snapshot.themes.words;
  const themeIndex = themeIndexOf(snapshot);
  const added = numberNewRows(table, rows);
  if (added.size > 0) {
    table.flags = grown(table.flags, table.count);
    table.ownThemes = grown(table.ownThemes, table.count * words);
    table.profileThemes = grown(table.profileThemes, table.count * words);
    table.profileCounties = grown(table.profileCounties, table.count * snapshot.counties.words);
    table.themeCounts = grown(table.themeCounts, table.count);
  }

  const own = new ChangedRowsOf(table.ownMunicipalities);
  const initiatives = new ChangedRowsOf(table.initiatives);
  const related = new ChangedRowsOf(table.related);
  const affiliated = new ChangedRowsOf(table.affiliated);
  const changed = new Set<number>();
  const renamed = new Set<number>(added);
  for (const [id, row] of rows) {
    const a = table.index.get(id);
    if (a === undefined) continue;
    changed.add(a);
    table.ownThemes.fill(0, a * words, (a + 1) * words);
    if (!row) {
      // Merged away (or erased): the number stays, with nothing in it and no kind, so no one finds it.
      table.index.delete(id);
      table.flags[a] = 0;
      for (const rows of [own, initiatives, related, affiliated]) rows.set(a, []);
      continue;
    }
    if (table.names[a] !== row.name) renamed.add(a);
    table.names[a] = row.name;
    table.flags[a] = row.flags;
    for (const key of row.themes) if (themeIndex.has(key)) addBit(table.ownThemes, a, words, themeIndex.get(key)!);
    own.set(a, mapped(row.places, (code) => snapshot.municipalities.index.get(code)));
    initiatives.set(a, mapped(row.initiatives, (initiativeId) => snapshot.initiatives.index.get(initiativeId)));
    related.set(a, mapped(row.related, (actorId) => table.index.get(actorId)));
    affiliated.set(a, mapped(row.affiliated, (actorId) => table.index.get(actorId)));
  }
  // Links between actors are read from both ends: the other end of a link that came or went changes too.
  for (const links of [related, affiliated]) mirrorLinks(links, changed);

  table.ownMunicipalities = own.packed(table.count);
  table.initiatives = initiatives.packed(table.count);
  table.related = related.packed(table.count);
  table.affiliated = affiliated.packed(table.count);
  if (renamed.size > 0) {
    table.byName = reordered(table.byName, renamed, compareNames(table.names, table.ids));
    table.nameRanks = ranksOf(table.byName, table.count);
  }
  return { changed, initiativesBefore: (a: number) => initiatives.rowBefore(a) };
}

/** For each actor read again, adds it to the rows of those it now links to and takes it from those it no longer does. */
function mirrorLinks(links: ChangedRowsOf, readAgain: Set<number>): void {
  for (const a of readAgain) {
    const before = links.rowBefore(a);
    const after = links.get(a);
    for (const b of before) if (!readAgain.has(b) && !after.includes(b)) links.set(b, Array.from(links.get(b)).filter((other) => other !== a));
    for (const b of after) if (!readAgain.has(b) && !links.get(b).includes(a)) links.set(b, [...links.get(b), a]);
  }
}

/**
 * The profiles of `actors` made again from their own themes and kommuner and their initiatives', as
 * the full read makes them, and their places in the theme-count order.
 */
function refreshProfiles(snapshot: NetworkSnapshot, actors: Set<number>): void {
  const table = snapshot.actors;
  const { initiatives } = snapshot;
  const words = snapshot.themes.words;
  const countyWords = snapshot.counties.words;
  const places = new ChangedRowsOf(table.profileMunicipalities);
  const families = new ChangedRowsOf(table.families);
  const themesBefore = new Map<number, number[]>();
  for (const a of actors) {
    themesBefore.set(a, membersOf(table.profileThemes, a, words));
    table.profileThemes.set(table.ownThemes.subarray(a * words, (a + 1) * words), a * words);
    table.profileCounties.fill(0, a * countyWords, (a + 1) * countyWords);
    const placesOf: number[] = [...rowOf(table.ownMunicipalities, a)];
    const rootsOf: number[] = [];
    for (const i of rowOf(table.initiatives, a)) {
      orRow(table.profileThemes, a, initiatives.themes, i, words);
      placesOf.push(...rowOf(initiatives.municipalities, i));
      rootsOf.push(...rowOf(initiatives.roots, i));
    }
    const distinctPlaces = distinct(placesOf);
    for (const m of distinctPlaces) if (snapshot.municipalities.county[m]! >= 0) addBit(table.profileCounties, a, countyWords, snapshot.municipalities.county[m]!);
    places.set(a, distinctPlaces);
    families.set(a, distinct(rootsOf));
    table.themeCounts[a] = memberCount(table.profileThemes, a, words);
  }
  table.profileMunicipalities = places.packed(table.count);
  table.families = families.packed(table.count);
  table.byProfileTheme = retransposed(table.byProfileTheme, actors, (a) => themesBefore.get(a)!, (a) => membersOf(table.profileThemes, a, words), words * 32);
  const byThemeCount = (x: number, y: number) => table.themeCounts[y]! - table.themeCounts[x]! || x - y;
  table.candidatesByThemeCount = reordered(table.candidatesByThemeCount, actors, byThemeCount, (a) => isCandidate(table.flags[a]!));
}

/**
 * The participants of every initiative a changed actor joined or left, and the theme-richest-first
 * order of the candidates among them wherever one of them changed.
 */
function refreshParticipants(
  snapshot: NetworkSnapshot,
  changedActors: Set<number>,
  initiativesBefore: (actor: number) => Int32Array,
  changedInitiatives: Set<number>,
  reprofiled: Set<number>,
): void {
  const { actors, initiatives } = snapshot;
  initiatives.participants = retransposed(initiatives.participants, changedActors, initiativesBefore, (a) => rowOf(actors.initiatives, a), initiatives.count);
  const reordering = new Set(changedInitiatives);
  for (const a of reprofiled) {
    for (const i of initiativesBefore(a)) reordering.add(i);
    for (const i of rowOf(actors.initiatives, a)) reordering.add(i);
  }
  const candidates = new ChangedRowsOf(initiatives.candidatesRichestFirst);
  const richestFirst = (x: number, y: number) => actors.themeCounts[y]! - actors.themeCounts[x]! || x - y;
  for (const i of reordering) {
    candidates.set(i, Array.from(rowOf(initiatives.participants, i)).filter((a) => isCandidate(actors.flags[a]!)).sort(richestFirst));
  }
  initiatives.candidatesRichestFirst = candidates.packed(initiatives.count);
}
