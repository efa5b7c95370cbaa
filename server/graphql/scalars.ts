import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { parsePartialDate } from '../shared/partial-date.ts';

function parseDateValue(value: unknown): string {
  if (typeof value !== 'string' || !parsePartialDate(value)) {
    throw new GraphQLError(`Date must be an ISO date such as "2020", "2020-09" or "2020-09-08"; got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'An ISO date, possibly partial: "2020", "2020-09" or "2020-09-08".',
  serialize: (value) => String(value),
  parseValue: parseDateValue,
  parseLiteral: (ast) => parseDateValue(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO 8601 date and time with a zone.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      throw new GraphQLError('DateTime must be an ISO 8601 date and time', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  },
});
