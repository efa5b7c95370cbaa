/** Text shorter than this is left alone: two letters would blank unrelated words everywhere. */
const SHORTEST_TRACE = 3;

/** A text as it stands inside a JSON string. */
const asInJson = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * The texts that betray a person: their name, e-mail and phone as written, and as they stand in JSON text.
 * A change keeps its fields as JSON of JSON values (server/writes/record.ts), so a name with a quotation
 * mark or a backslash is escaped twice there. Longest first, so that no shorter trace cuts into a longer
 * one before it is replaced.
 */
export function personalTraces(person: { name: string; email: string | null; phone: string | null }): string[] {
  const written = [person.name, person.email, person.phone].filter((text): text is string => text !== null && text.trim().length >= SHORTEST_TRACE);
  const traces = new Set(written.flatMap((text) => [text, asInJson(text), asInJson(asInJson(text))]));
  return [...traces].sort((a, b) => b.length - a.length);
}
