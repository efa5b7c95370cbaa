import { z } from 'zod';

/** A keyset cursor: the sort key and id of the last item of a page, opaque to clients. */
export interface Cursor {
  name: string;
  id: string;
}

const cursorShape = z.tuple([z.string(), z.string()]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { name: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
