import { z } from 'zod';

/**
 * A keyset cursor names the last item of a page by its id only. The statement looks the item up to
 * continue after its sort key, so that a cursor carries nothing a caller may not see (a person's real
 * name, say, where people are shown under pseudonyms).
 */
export interface Cursor {
  id: string;
}

const cursorShape = z.tuple([z.literal('after'), z.string().min(1)]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(['after', cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/**
 * The Cypher that binds `cursor` (the item a page continues after) and the condition that keeps only
 * items after it in (name, id) order. A cursor whose item is gone ends the list rather than restarting it.
 */
export function afterCursorClauses(label: 'Actor' | 'Initiative', variable: string) {
  return {
    bind: `OPTIONAL MATCH (cursor:${label} {id: $after})\nWITH cursor\n`,
    condition: `($after IS NULL OR (cursor IS NOT NULL AND (${variable}.name > cursor.name OR (${variable}.name = cursor.name AND ${variable}.id > cursor.id))))`,
  };
}
