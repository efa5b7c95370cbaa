import { rowOf, type Adjacency } from '../../server/network/network-index/adjacency.ts';
import { membersOf } from '../../server/network/network-index/bitset.ts';
import type { NetworkSnapshot } from '../../server/network/network-index/snapshot.ts';

/**
 * A snapshot told by ids, keys and codes instead of its numbers, which a catch-up hands out in another
 * order than a full read: two snapshots of one network describe alike whatever their numbering. Lists
 * whose order carries no meaning are sorted; orders that do (by name, by id, theme-richest first) are
 * told as the sequence of what they order by.
 */
export function describeSnapshot(snapshot: NetworkSnapshot) {
  const { actors, initiatives, themes, municipalities, counties } = snapshot;
  const actorIds = (row: ArrayLike<number>) => Array.from(row, (a) => actors.ids[a]!).sort();
  const initiativeIds = (row: ArrayLike<number>) => Array.from(row, (i) => initiatives.ids[i]!).sort();
  const codes = (row: ArrayLike<number>) => Array.from(row, (m) => municipalities.codes[m]!).sort();
  const themeKeys = (bits: Uint32Array, row: number) => membersOf(bits, row, themes.words).map((t) => themes.keys[t]!);
  const liveActors = [...actors.index.entries()].sort(([x], [y]) => (x < y ? -1 : 1));
  const liveInitiatives = [...initiatives.index.entries()].sort(([x], [y]) => (x < y ? -1 : 1));
  const byTarget = (adjacency: Adjacency, count: number, name: (row: ArrayLike<number>) => string[]) =>
    Array.from({ length: count }, (_, t) => name(rowOf(adjacency, t)));
  return {
    revision: snapshot.revision,
    actors: Object.fromEntries(
      liveActors.map(([id, a]) => [
        id,
        {
          name: actors.names[a],
          flags: actors.flags[a],
          ownThemes: themeKeys(actors.ownThemes, a),
          ownMunicipalities: codes(rowOf(actors.ownMunicipalities, a)),
          initiatives: initiativeIds(rowOf(actors.initiatives, a)),
          related: actorIds(rowOf(actors.related, a)),
          affiliated: actorIds(rowOf(actors.affiliated, a)),
          profileThemes: themeKeys(actors.profileThemes, a),
          themeCount: actors.themeCounts[a],
          profileMunicipalities: codes(rowOf(actors.profileMunicipalities, a)),
          profileCounties: membersOf(actors.profileCounties, a, counties.words).map((c) => counties.codes[c]!),
          families: initiativeIds(rowOf(actors.families, a)),
        },
      ]),
    ),
    initiatives: Object.fromEntries(
      liveInitiatives.map(([id, i]) => [
        id,
        {
          name: initiatives.names[i],
          firstDay: initiatives.firstDays[i],
          lastDay: initiatives.lastDays[i],
          themes: themeKeys(initiatives.themes, i),
          municipalities: codes(rowOf(initiatives.municipalities, i)),
          roots: initiativeIds(rowOf(initiatives.roots, i)),
          participants: actorIds(rowOf(initiatives.participants, i)),
          candidatesByThemeCount: Array.from(rowOf(initiatives.candidatesRichestFirst, i), (a) => actors.themeCounts[a]),
          candidates: actorIds(rowOf(initiatives.candidatesRichestFirst, i)),
          familyMembers: initiativeIds(rowOf(initiatives.familyMembers, i)),
        },
      ]),
    ),
    byMunicipality: byTarget(initiatives.byMunicipality, municipalities.codes.length, initiativeIds),
    byProfileTheme: byTarget(actors.byProfileTheme, themes.keys.length, actorIds),
    candidatesByThemeCount: Array.from(actors.candidatesByThemeCount, (a) => actors.themeCounts[a]),
    candidates: actorIds(actors.candidatesByThemeCount),
    inNameOrder: Array.from(actors.byName, (a) => actors.ids[a]!).filter((id, n) => actors.index.get(id) === actors.byName[n]),
    inIdOrder: Array.from(initiatives.byId, (i) => initiatives.ids[i]!).filter((id, n) => initiatives.index.get(id) === initiatives.byId[n]),
    ascending: {
      participants: everyRowAscending(initiatives.participants),
      familyMembers: everyRowAscending(initiatives.familyMembers),
      byMunicipality: everyRowAscending(initiatives.byMunicipality),
      byProfileTheme: everyRowAscending(actors.byProfileTheme),
    },
    ranksFollowOrder: Array.from(actors.byName).every((a, n) => actors.nameRanks[a] === n) && Array.from(initiatives.byId).every((i, n) => initiatives.idRanks[i] === n),
  };
}

/** Lists read from the other end are in ascending order, which the scoring's scans rely on. */
function everyRowAscending(adjacency: Adjacency): boolean {
  for (let row = 0; row < adjacency.offsets.length - 1; row++) {
    const values = rowOf(adjacency, row);
    for (let k = 1; k < values.length; k++) if (values[k]! <= values[k - 1]!) return false;
  }
  return true;
}
