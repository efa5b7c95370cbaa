import Organisationsnummer from 'organisationsnummer';

/** The organisationsnummer as the API checks it: ten digits, a correct check digit, not a personnummer. */
export function organizationNumberProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return 'Fyll i organisationsnumret.';
  if (!/^\d{6}-?\d{4}$/.test(trimmed)) return 'Skriv tio siffror, till exempel 802000-0000.';
  if (!Organisationsnummer.valid(trimmed)) return 'Kontrollsiffran stämmer inte. Kontrollera numret.';
  if (Organisationsnummer.parse(trimmed).isPersonnummer()) return 'Det här är ett personnummer. Ange föreningens organisationsnummer.';
  return undefined;
}

/** The API's password rules: 12 to 200 characters, letters with digits or symbols. */
export function passwordProblem(text: string): string | undefined {
  if (text.length < 12) return `Lösenordet måste ha minst 12 tecken (nu ${text.length}).`;
  if (text.length > 200) return 'Lösenordet får ha högst 200 tecken.';
  if (!/\p{L}/u.test(text) || !/[^\p{L}]/u.test(text)) return 'Blanda bokstäver med siffror eller andra tecken.';
  return undefined;
}

export function emailProblem(text: string): string | undefined {
  if (!text.trim()) return 'Fyll i e-postadressen.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim())) return 'Det här ser inte ut som en e-postadress.';
  return undefined;
}

export function nameProblem(text: string): string | undefined {
  const length = text.trim().length;
  if (length < 2) return 'Namnet måste ha minst 2 tecken.';
  if (length > 200) return 'Namnet får ha högst 200 tecken.';
  return undefined;
}
