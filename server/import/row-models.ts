import { z } from 'zod';
import { email, organizationNumber, phone } from '../accounts/inputs.ts';
import { organizationKinds } from '../actors/kinds.ts';
import { initiativeKinds, participationRoles } from '../initiatives/vocabulary.ts';
import { printable, partialDate } from '../shared/inputs.ts';
import { description, endsBeforeStart, municipalities, name, themes } from '../writes/inputs.ts';
import { listColumns } from './columns.ts';

/**
 * Each row of a sheet is checked by the same input pieces as the mutations that write the same things
 * (createOrganization, createInitiative, addParticipation), keyed by column, so that every problem
 * names its column.
 */

const upperEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((text) => text.toUpperCase()).pipe(z.enum(values, { message: `must be one of ${values.join(', ')}` }));

export const organizationRow = z.object({
  name,
  organizationNumber: organizationNumber.optional(),
  kind: upperEnum(organizationKinds as unknown as readonly [string, ...string[]]),
  municipality: municipalities.min(1, 'must name at least one kommun (kommunkod)'),
  themes: themes.default([]),
  email: email.optional(),
  phone: phone.optional(),
  description: description.optional(),
});
export type OrganizationRow = z.infer<typeof organizationRow>;

const initiativeFields = {
  initiative: name,
  kind: upperEnum(initiativeKinds).optional(),
  description: description.optional(),
  themes: themes.optional(),
  municipality: municipalities.optional(),
  start: partialDate.optional(),
  end: partialDate.optional(),
  participant: printable(200).optional(),
  role: upperEnum(participationRoles).optional(),
  since: partialDate.optional(),
  until: partialDate.optional(),
};

export const initiativeRow = z
  .object(initiativeFields)
  .refine((row) => !endsBeforeStart(row.start, row.end), { path: ['end'], message: 'must not be before start' })
  .refine((row) => !endsBeforeStart(row.since, row.until), { path: ['until'], message: 'must not be before since' })
  .refine((row) => row.participant || (!row.role && !row.since && !row.until), { path: ['participant'], message: 'is needed for a role or a period' });
export type InitiativeRow = z.infer<typeof initiativeRow>;

/** The fields of an initiative that its first row gives and later rows of it may repeat. */
export const initiativeOwnColumns = ['kind', 'description', 'themes', 'municipality', 'start', 'end'] as const;

/** A problem of one row, naming its column (or `row` for the row as a whole). */
export interface RowError {
  column: string;
  message: string;
}

/** A row's cells as the models read them: list columns split on `;`, a kommunkod Excel stored as a number given its leading zero. */
export function cellsForModel(cells: Record<string, string>, known: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const column of known) {
    const text = cells[column];
    if (text === undefined) continue;
    if (!listColumns.has(column)) values[column] = text;
    else {
      const items = text.split(';').map((item) => item.trim()).filter(Boolean);
      values[column] = column === 'municipality' ? items.map((code) => (/^\d{3}$/.test(code) ? `0${code}` : code)) : items;
    }
  }
  return values;
}

/** Parses a row with a model; every problem, each naming its column. */
export function parseRow<S extends z.ZodType>(model: S, values: Record<string, unknown>): { value: z.infer<S> | null; errors: RowError[] } {
  const parsed = model.safeParse(values);
  if (parsed.success) return { value: parsed.data, errors: [] };
  const errors = parsed.error.issues.map((issue) => ({
    column: issue.path.length > 0 ? String(issue.path[0]) : 'row',
    message: issue.code === 'invalid_type' && issue.message.endsWith('received undefined') ? 'is required' : issue.message,
  }));
  return { value: null, errors };
}
