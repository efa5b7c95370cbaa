import type { z } from 'zod';

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
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    message: string,
    readonly extensions: ErrorExtensions,
  ) {
    super(message);
  }

  get code(): ErrorCode {
    return this.extensions.code;
  }
}

/** Bad input: names the argument or input field (dotted path) that is wrong. */
export function badUserInput(field: string, message: string): ServiceError {
  return new ServiceError(`${field}: ${message}`, { code: 'BAD_USER_INPUT', field });
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
  throw badUserInput(fieldPath([argumentName, ...issue.path]), issue.message);
}

/** Validates a mutation's whole arguments object; the field path starts at the argument (`input.end`, `expectedVersion`). */
export function parseArguments<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? fieldPath(issue.path) : 'arguments';
  throw badUserInput(field, issue.message);
}

export function unauthenticated(message = 'Sign in to do this'): ServiceError {
  return new ServiceError(message, { code: 'UNAUTHENTICATED', http: { status: 401 } });
}

export function forbidden(message = 'Not allowed'): ServiceError {
  return new ServiceError(message, { code: 'FORBIDDEN' });
}

/** Something with this natural key exists already, or the thing changed since the caller read it; names the field. */
export function conflict(field: string, message: string): ServiceError {
  return new ServiceError(`${field}: ${message}`, { code: 'CONFLICT', field });
}

export function notFound(field: string, message = 'names nothing'): ServiceError {
  return new ServiceError(`${field}: ${message}`, { code: 'NOT_FOUND', field });
}

export function tooManyRequests(retryAfterSeconds: number): ServiceError {
  return new ServiceError(`Too many attempts; try again in ${retryAfterSeconds} s`, {
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
  return new ServiceError(
    `The network's measures need Neo4j Graph Data Science (GDS) 2.x in the database, and it lacks ${missing.join(', ')}. ` +
      'Use the local engine (leave NEO4J_URI unset) or install the GDS plugin in your Neo4j.',
    { code: 'GDS_UNAVAILABLE' },
  );
}
