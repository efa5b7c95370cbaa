import { createHash, randomUUID } from 'node:crypto';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A fresh opaque id for something created through the API. */
export function newId(): string {
  return randomUUID();
}

/**
 * The same opaque id every time for the same seeded thing (a name-based UUID, version 5 layout),
 * so that ids stay stable across reloads of the seed data.
 */
export function stableId(kind: string, key: string): string {
  const bytes = createHash('sha1').update(`samverkan:${kind}:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isId(text: string): boolean {
  return uuidPattern.test(text);
}
