import { z } from 'zod';
import { activeOnInput } from '../../initiatives/inputs.ts';
import { countyCodes, municipalityCodes } from '../../shared/inputs.ts';
import { inBoth } from '../../shared/zod-language.ts';

export const countyInput = countyCodes.element;
export const municipalityInput = municipalityCodes.element;

/** computeMeasures' arguments: which network to measure. */
export const computeMeasuresArguments = z.object({
  input: z
    .object({ county: countyInput.nullish(), asOf: activeOnInput.nullish() })
    .nullish()
    .transform((input) => ({ county: input?.county ?? null, asOf: input?.asOf ?? null })),
});

export type MeasureKind = 'DEGREE' | 'BETWEENNESS' | 'BRIDGING';

export const actorKindsInput = z.array(z.enum(['ASSOCIATION', 'AUTHORITY', 'MUNICIPAL_UNIT', 'ROLE_MODEL', 'BUSINESS', 'PERSON'])).max(6, inBoth('must name at most 6 kinds', 'får ange högst 6 sorter'));

/** A scope as one key, so that the newest run of a scope is one index lookup. */
export function scopeKey(county: string | null, asOf: string | null): string {
  return `${county ?? '*'}|${asOf ?? '*'}`;
}
