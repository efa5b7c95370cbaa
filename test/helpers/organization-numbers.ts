import { randomInt } from 'node:crypto';
import { luhnCheckDigit } from '../../bench/synthetic/organization-numbers.ts';

/**
 * A fresh, valid organisationsnummer of an ideell förening: 8, any digit, a third digit of 2 or more
 * (which makes it an organisation's, not a person's), six more digits and the Luhn check digit:
 * 80 million possibilities, so that long runs seldom draw the same one twice.
 */
export function validOrganizationNumber(): string {
  const body = `8${randomInt(10)}${randomInt(2, 10)}${String(randomInt(1_000_000)).padStart(6, '0')}`;
  return `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`;
}
