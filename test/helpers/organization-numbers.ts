/** A fresh, valid organisationsnummer of an ideell förening (8…), different on every call. */
export function validOrganizationNumber(): string {
  const body = `802${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  return `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`;
}

function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
