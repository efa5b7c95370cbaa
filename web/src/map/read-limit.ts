/**
 * The most initiatives one map reads: the largest län of the national network fits, and a selection
 * beyond it is drawn in part, with a word that it is, rather than read for minutes. Each initiative
 * brings its participants, so the read is bounded in nodes and links as well. The map's benchmark
 * (bench/map.ts) reads as far as the page does.
 */
export const mostInitiatives = 4_000;
