import { GraphQLError } from 'graphql';
import type { z } from 'zod';

/** Bad input: names the argument or input field (dotted path) that is wrong. */
export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** Validates an argument with zod and turns the first problem into a BAD_USER_INPUT naming its field. */
export function parseArgument<S extends z.ZodType>(schema: S, value: unknown, argumentName: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = [argumentName, ...issue.path]
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
  throw badUserInput(field, issue.message);
}

export function unauthenticated(message = 'Sign in to do this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message = 'Not allowed'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Something with this natural key exists already; names the field that clashes. */
export function conflict(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'CONFLICT', field } });
}

export function notFound(field: string, message = 'names nothing'): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'NOT_FOUND', field } });
}

export function tooManyRequests(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many attempts; try again in ${retryAfterSeconds} s`, {
    extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds, http: { status: 429 } },
  });
}
