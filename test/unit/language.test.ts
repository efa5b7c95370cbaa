import { describe, expect, it } from 'vitest';
import { languageOf } from '../../server/shared/language.ts';

describe('the language of an Accept-Language header', () => {
  it.each([
    ['sv', 'sv'],
    ['sv-SE', 'sv'],
    ['SV-se', 'sv'],
    ['sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7', 'sv'],
    ['de-DE,sv;q=0.5', 'sv'],
    ['en-GB,sv;q=0.8', 'en'],
    ['en;q=0.4, sv;q=0.6', 'sv'],
    ['sv;q=0', 'en'],
    ['fi', 'en'],
    ['*', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    ['svenska', 'en'],
  ] as const)('reads %j as %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});
