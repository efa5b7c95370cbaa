/**
 * The id an organisation answers to, as a Cypher expression over `id` (a variable or a parameter): the id
 * of the organisation it was merged into, for a merged one's (a MergedId, found by its unique id), and
 * any other id as it is. Merges re-point earlier MergedIds, so one step always reaches a live node.
 */
export const currentId = (id: string) => `coalesce(COLLECT { MATCH (mergedAway:MergedId {id: ${id}}) RETURN mergedAway.into }[0], ${id})`;
