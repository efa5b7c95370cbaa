import { z } from 'zod';
import type { ActorFilter } from '../../actors/actor-query.ts';
import { organizationKinds } from '../../actors/kinds.ts';
import type { InitiativeFilter } from '../../initiatives/initiative-query.ts';
import { initiativeKinds } from '../../initiatives/vocabulary.ts';
import { countyCodes, municipalityCodes, themeKeys } from '../../shared/inputs.ts';
import { badUserInput, fieldPath } from '../../shared/errors.ts';
import { firstMessageInSwedish, inBoth, say } from '../../shared/zod-language.ts';
import { asOfInput } from '../as-of.ts';

export const exportFormats = ['graphml', 'gexf', 'nodes.csv', 'edges.csv', 'popolo.json', 'graphology.json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const actorKinds: readonly string[] = [...organizationKinds, 'ROLE_MODEL', 'PERSON'];
const kinds: readonly string[] = [...actorKinds, ...initiativeKinds];

/** A query parameter given once, several times, or as a comma-separated list: always a list. */
const list = <T extends z.ZodType<unknown, string[]>>(items: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : [value].flat().flatMap((text) => text.split(',')).map((text) => text.trim()).filter(Boolean)))
    .pipe(items);

const scopeInput = z.object({
  format: z.enum(exportFormats, inBoth(`must be one of ${exportFormats.join(', ')}`, `måste vara ett av ${exportFormats.join(', ')}`)),
  county: list(countyCodes),
  municipality: list(municipalityCodes),
  theme: list(themeKeys),
  kind: list(z.array(z.string().refine((kind) => kinds.includes(kind), { error: (issue) => say(`unknown actor or initiative kind ${JSON.stringify(issue.input)}`, `okänd sorts aktör eller initiativ ${JSON.stringify(issue.input)}`) }))),
  asOf: asOfInput,
});

/**
 * What an export holds: the actors an actor filter finds and the initiatives an initiative filter finds,
 * with the same place, theme and day; `kind` names actor kinds and initiative kinds alike, each
 * narrowing its own side.
 */
export interface ExportScope {
  format: ExportFormat;
  actors: ActorFilter;
  initiatives: InitiativeFilter;
}

/** The query string of GET /export, checked; a bad parameter is a BAD_USER_INPUT naming it. */
export function parseExportScope(query: Record<string, unknown>): ExportScope {
  const parsed = scopeInput.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badUserInput(fieldPath(issue.path), issue.message, firstMessageInSwedish(scopeInput, query));
  }
  const { format, county, municipality, theme, kind, asOf } = parsed.data;
  const where = { counties: county, municipalities: municipality, themes: theme, asOf };
  return {
    format,
    actors: { ...where, kinds: kind.filter((k) => actorKinds.includes(k)) },
    initiatives: { ...where, kinds: kind.filter((k) => (initiativeKinds as readonly string[]).includes(k)) },
  };
}
