import type { z } from 'zod';
import type { Language, Texts } from './language.ts';
import { firstMessageInSwedish } from './zod-language.ts';

/** What went wrong, as a client reads it in `extensions.code`. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT' | 'NOT_FOUND' | 'TOO_MANY_REQUESTS' | 'GDS_UNAVAILABLE';

export interface ErrorExtensions {
  code: ErrorCode;
  /** The argument or input field at fault, as a dotted path (`input.themes[1]`). */
  field?: string;
  retryAfterSeconds?: number;
  /** The HTTP status (and headers) the error answers with where it decides one (Apollo reads them from here). */
  http?: { status: number; headers?: Map<string, string> };
}

/**
 * An error written for the client: what happened and which field is at fault. It knows nothing of
 * GraphQL, so the web, the command line and import raise and read the same errors; graphql-js carries
 * `extensions` over when a resolver throws one.
 *
 * It carries its message in every language the API answers in, written where it is raised: the helpers
 * below take the English and the Swedish side by side, so that the two are read (and kept) together.
 * `message` is the English, for logs and for the clients that ask for no language; the answer picks
 * with `messageIn` once the request's language is known.
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly texts: Texts,
    readonly extensions: ErrorExtensions,
  ) {
    super(texts.en);
  }

  get code(): ErrorCode {
    return this.extensions.code;
  }

  messageIn(language: Language): string {
    return this.texts[language];
  }
}

/** The texts prefixed with the field they are about, which stays the same path in every language. */
function aboutField(field: string, en: string, sv: string): Texts {
  return { en: `${field}: ${en}`, sv: `${field}: ${sv}` };
}

/**
 * Bad input: names the argument or input field (dotted path) that is wrong. The Swedish must be given,
 * but may be undefined where zod found none for a failed value: then the English answers in both.
 */
export function badUserInput(field: string, en: string, sv: string | undefined): ServiceError {
  return new ServiceError(aboutField(field, en, sv ?? en), { code: 'BAD_USER_INPUT', field });
}

/** The dotted path of a zod issue under an argument name: `input`, ['themes', 1] → `input.themes[1]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join('');
}

/** Validates a value with zod and turns the first problem into a BAD_USER_INPUT naming its field. */
export function parseArgument<S extends z.ZodType>(schema: S, value: unknown, argumentName: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw badUserInput(fieldPath([argumentName, ...issue.path]), issue.message, firstMessageInSwedish(schema, value));
}

/** Validates a mutation's whole arguments object; the field path starts at the argument (`input.end`, `expectedVersion`). */
export function parseArguments<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? fieldPath(issue.path) : 'arguments';
  throw badUserInput(field, issue.message, firstMessageInSwedish(schema, args));
}

/** A message of one's own in both languages, or none for the helper's own. */
type OwnTexts = [] | [en: string, sv: string];

export function unauthenticated(...[en = 'Sign in to do this', sv = 'Logga in för att göra detta']: OwnTexts): ServiceError {
  return new ServiceError({ en, sv }, { code: 'UNAUTHENTICATED', http: { status: 401 } });
}

export function forbidden(...[en = 'Not allowed', sv = 'Inte tillåtet']: OwnTexts): ServiceError {
  return new ServiceError({ en, sv }, { code: 'FORBIDDEN' });
}

/** Something with this natural key exists already, or the thing changed since the caller read it; names the field. */
export function conflict(field: string, en: string, sv: string): ServiceError {
  return new ServiceError(aboutField(field, en, sv), { code: 'CONFLICT', field });
}

export function notFound(field: string, ...[en = 'names nothing', sv = 'anger inget som finns']: OwnTexts): ServiceError {
  return new ServiceError(aboutField(field, en, sv), { code: 'NOT_FOUND', field });
}

export function tooManyRequests(retryAfterSeconds: number): ServiceError {
  const texts = { en: `Too many attempts; try again in ${retryAfterSeconds} s`, sv: `För många försök; försök igen om ${retryAfterSeconds} s` };
  return new ServiceError(texts, {
    code: 'TOO_MANY_REQUESTS',
    retryAfterSeconds,
    http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });
}

/**
 * The network's measures need Neo4j Graph Data Science, which this Neo4j does not have (Aura Free, a
 * plain Docker image): everything else works without it.
 */
export function gdsUnavailable(missing: string[]): ServiceError {
  const lacking = missing.join(', ');
  return new ServiceError(
    {
      en:
        `The network's measures need Neo4j Graph Data Science (GDS) 2.x in the database, and it lacks ${lacking}. ` +
        'Use the local engine (leave NEO4J_URI unset) or install the GDS plugin in your Neo4j.',
      sv:
        `Nätverkets mått kräver Neo4j Graph Data Science (GDS) 2.x i databasen, och den saknar ${lacking}. ` +
        'Använd den lokala motorn (lämna NEO4J_URI osatt) eller installera GDS-tillägget i er Neo4j.',
    },
    { code: 'GDS_UNAVAILABLE' },
  );
}
