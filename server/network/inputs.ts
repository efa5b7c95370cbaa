import { z } from 'zod';
import { activeOnInput } from '../initiatives/inputs.ts';
import { asOfInput } from '../research/as-of.ts';
import { filterInput, idInput, whereFilterFields } from '../shared/inputs.ts';
import { MAX_PATH_HOPS } from './path-query.ts';
import { inBoth } from '../shared/zod-language.ts';

export const overlapFilterInput = filterInput({
  ...whereFilterFields,
  activeOn: activeOnInput.nullish(),
  asOf: asOfInput,
  initiative: idInput.nullish(),
});

export const maxHopsInput = z
  .number()
  .int()
  .min(1, inBoth('must be at least 1', 'måste vara minst 1'))
  .max(MAX_PATH_HOPS, inBoth(`must be at most ${MAX_PATH_HOPS}`, `får vara högst ${MAX_PATH_HOPS}`))
  .nullish()
  .transform((value) => value ?? 4);
