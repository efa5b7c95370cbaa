/**
 * The most initiatives one map draws: the largest län of the national network fits, and a selection
 * beyond it is drawn in part, with a word that it is. Each initiative brings its participants, so the
 * drawing is bounded in nodes and links as well. The map's benchmark (bench/map.ts) reports it.
 */
export const mostInitiatives = 4_000;
