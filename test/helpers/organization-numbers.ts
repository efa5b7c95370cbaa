import { randomInt } from 'node:crypto';

/**
 * A fresh, valid organisationsnummer of an ideell förening: 8, any digit, a third digit of 2 or more
 * (which makes it an organisation's, not a person's), six more digits and the Luhn check digit:
 * 80 million possibilities, so that long runs seldom draw the same one twice.
 */
export function validOrganizationNumber(): string {
  const body = `8${randomInt(10)}${randomInt(2, 10)}${String(randomInt(1_000_000)).padStart(6, '0')}`;
  return `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`;
}

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
