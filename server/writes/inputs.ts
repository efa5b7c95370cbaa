import { z } from 'zod';
import { description as descriptionText, organizationName } from '../accounts/inputs.ts';
import { initiativeKinds, participationRoles } from '../initiatives/vocabulary.ts';
import { municipalityCodes, partialDate, printable, themeKeys } from '../shared/inputs.ts';
import { parsePartialDate } from '../shared/partial-date.ts';
import { inBoth } from '../shared/zod-language.ts';

/** The input pieces the write mutations share, with the limits the README states. */

export const name = organizationName;
export const description = descriptionText;
export const themes = themeKeys.max(20, inBoth('must name at most 20 themes', 'får ange högst 20 teman'));
export const municipalities = municipalityCodes.max(50, inBoth('must name at most 50 kommuner', 'får ange högst 50 kommuner'));
export const someMunicipalities = municipalities.min(1, inBoth('must name at least one kommun', 'måste ange minst en kommun'));
export const initiativeKind = z.enum(initiativeKinds);
export const participationRole = z.enum(participationRoles);
export const reason = printable(1000).pipe(z.string().min(3, inBoth('must say why, in at least 3 characters', 'måste säga varför, med minst 3 tecken')));
export const expectedVersion = z.number().int().min(1, inBoth('must be a version this API gave', 'måste vara en version som detta API gett')).nullish();

/** True when a period's end comes before its start; an open end or start never does. */
export function endsBeforeStart(start: string | null | undefined, end: string | null | undefined): boolean {
  if (!start || !end) return false;
  const first = parsePartialDate(start);
  const last = parsePartialDate(end);
  return first !== null && last !== null && last.last < first.first;
}

export const period = { start: partialDate.nullish(), end: partialDate.nullish() };
