import { z } from 'zod';
import type { Language } from './language.ts';

/*
 * zod writes a message when an issue arises, and has no notion of the request it parses for. So a value
 * that fails is parsed a second time for its Swedish (only then, so a valid value costs nothing): zod's
 * own messages come from its Swedish locale, and the schemas' own messages from `inBoth`/`say`, which read
 * the language of the parse under way. That parse is synchronous, so nothing else runs while it is set.
 */
let parsingIn: Language = 'en';
const swedishLocale = z.locales.sv();

/** A schema's own message in both languages, as zod's `error` parameter: `.min(2, inBoth('…', '…'))`. */
export function inBoth(en: string, sv: string): { error: () => string } {
  return { error: () => say(en, sv) };
}

/** The text in the language of the parse under way, for messages made while parsing (`ctx.addIssue`, error functions). */
export function say(en: string, sv: string): string {
  return parsingIn === 'sv' ? sv : en;
}

/** The Swedish message of the first issue of a value that failed `schema` in English. */
export function firstMessageInSwedish(schema: z.ZodType, value: unknown): string | undefined {
  parsingIn = 'sv';
  try {
    return schema.safeParse(value, { error: swedishLocale.localeError }).error?.issues[0]?.message;
  } finally {
    parsingIn = 'en';
  }
}
