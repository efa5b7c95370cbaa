import { Neo4jError } from 'neo4j-driver';

/** True for a uniqueness constraint that refused a write; the message names the property. */
export function constraintViolation(error: unknown): { property: string | null } | null {
  if (!(error instanceof Neo4jError) || error.code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') return null;
  return { property: /property `(\w+)`/.exec(error.message)?.[1] ?? null };
}
