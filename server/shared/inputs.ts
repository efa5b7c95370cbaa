import { z } from 'zod';
import { parseArgument } from './errors.ts';
import { referenceCatalog } from '../reference/catalog.ts';
import { decodeCursor } from './cursor.ts';
import { isId } from './ids.ts';
import { parsePartialDate } from './partial-date.ts';
import { inBoth, say } from './zod-language.ts';

/** zod pieces shared by every domain's input models. */

export const idInput = z.string().refine(isId, inBoth('is not a valid id', 'är inget giltigt id'));

/** Text of at most `max` characters, trimmed, without control characters. */
export const printable = (max: number) =>
  z
    .string()
    .trim()
    .max(max, inBoth(`must be at most ${max} characters`, `får vara högst ${max} tecken`))
    // Control characters have no place in names and addresses; line breaks do in descriptions.
    .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), inBoth('must not contain control characters', 'får inte innehålla styrtecken'));

export const themeKeys = z.array(
  z.string().refine((key) => referenceCatalog().isThemeKey(key), {
    error: (issue) => say(`unknown theme key ${JSON.stringify(issue.input)}`, `okänd temanyckel ${JSON.stringify(issue.input)}`),
  }),
);

export const municipalityCodes = z.array(
  z.string().refine((code) => referenceCatalog().isMunicipalityCode(code), {
    error: (issue) => say(`unknown kommun code ${JSON.stringify(issue.input)}`, `okänd kommunkod ${JSON.stringify(issue.input)}`),
  }),
);

export const countyCodes = z.array(
  z.string().refine((code) => referenceCatalog().isCountyCode(code), {
    error: (issue) => say(`unknown län code ${JSON.stringify(issue.input)}`, `okänd länskod ${JSON.stringify(issue.input)}`),
  }),
);

export const partialDate = z.string().refine((text) => parsePartialDate(text) !== null, inBoth('is not an ISO date such as 2020, 2020-09 or 2020-09-08', 'är inget ISO-datum som 2020, 2020-09 eller 2020-09-08'));

export const searchText = z.string().trim().min(1, inBoth('must not be empty', 'får inte vara tom')).max(200, inBoth('must be at most 200 characters', 'får vara högst 200 tecken'));

export const MAX_PAGE_SIZE = 100;

const buildPageSize = (fallback: number, max: number) =>
  z
    .number()
    .int()
    .min(1, inBoth('must be at least 1', 'måste vara minst 1'))
    .max(max, inBoth(`must be at most ${max}`, `får vara högst ${max}`))
    .nullish()
    .transform((value) => value ?? fallback);

// Built once per (default, maximum): building a zod schema costs more than parsing with it, and the
// resolvers ask for one on every request. The pairs are the few that the code names.
const pageSizes = new Map<string, ReturnType<typeof buildPageSize>>();

export function pageSize(fallback: number, max = MAX_PAGE_SIZE) {
  const key = `${fallback}/${max}`;
  let schema = pageSizes.get(key);
  if (!schema) pageSizes.set(key, (schema = buildPageSize(fallback, max)));
  return schema;
}

/** An `after` argument: a cursor that this API handed out, or nothing. */
const afterCursor = z
  .string()
  .nullish()
  .transform((text, ctx) => {
    if (text === null || text === undefined) return null;
    const cursor = decodeCursor(text);
    if (!cursor) {
      ctx.addIssue({ code: 'custom', message: say('is not a cursor from this API', 'är ingen markör från detta API') });
      return z.NEVER;
    }
    return cursor;
  });

/**
 * An ISO date and time that Neo4j's datetime() accepts too: at most nine decimals of a second and a
 * zone offset within ±18:00 (ISO allows more of both).
 */
export const dateTime = z.iso
  .datetime({ offset: true, ...inBoth('must be an ISO date and time, such as 2026-05-01T10:00:00Z', 'måste vara ett ISO-datum med tid, som 2026-05-01T10:00:00Z') })
  .refine((text) => {
    const match = /(?:\.(\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
    const [, fraction = '', , hours = '0', minutes = '0'] = match ?? [];
    return (fraction.length <= 9 && Number(hours) * 60 + Number(minutes) <= 18 * 60);
  }, inBoth('must have at most nine decimals of a second and an offset within ±18:00', 'får ha högst nio decimaler av en sekund och en tidszonsförskjutning inom ±18:00'));

/** `first` and `after` of a connection field, checked. */
export function pageArguments(args: { first?: number | null; after?: string | null }, defaultSize = 20) {
  return {
    first: parseArgument(pageSize(defaultSize), args.first, 'first'),
    after: parseArgument(afterCursor, args.after, 'after'),
  };
}

/** What every list filter may narrow by: themes, kommuner and län, all checked against the vocabularies. */
export const whereFilterFields = {
  themes: themeKeys.nullish(),
  municipalities: municipalityCodes.nullish(),
  counties: countyCodes.nullish(),
};

/** A filter argument: its fields checked, and an absent filter read as an empty one. */
export function filterInput<T extends z.ZodRawShape>(fields: T) {
  return z
    .object(fields)
    .nullish()
    .transform((filter) => filter ?? {});
}
