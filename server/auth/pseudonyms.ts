import { createHmac } from 'node:crypto';

/**
 * Stable pseudonyms for people, for callers who may study the network but not know who is in it.
 * Keyed, so that nobody without the secret can link a pseudonym back to an id.
 */
export class Pseudonyms {
  constructor(private readonly secret: string) {}

  of(personId: string): string {
    return `Person ${createHmac('sha256', this.secret).update(personId).digest('hex').slice(0, 10)}`;
  }
}
