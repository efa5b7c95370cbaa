// Ten digits with or without the dash; a twelve-digit form starts with the century 16.
const organizationNumberPattern = /(?<![\p{L}\p{N}])(?:16)?(\d{6})-?(\d{4})(?![\p{L}\p{N}])/gu;

/** The organisationsnummer written in a search text, in the stored "NNNNNN-NNNN" form, and the text without them. */
export function organizationNumbersIn(text: string): { numbers: string[]; rest: string } {
  const numbers = [...text.matchAll(organizationNumberPattern)].map((match) => `${match[1]}-${match[2]}`);
  return { numbers: [...new Set(numbers)], rest: text.replace(organizationNumberPattern, ' ') };
}
