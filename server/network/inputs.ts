import { z } from 'zod';
import { activeOnInput } from '../initiatives/inputs.ts';
import { countyCodes, municipalityCodes, themeKeys } from '../shared/inputs.ts';
import { MAX_PATH_HOPS } from './path-query.ts';

export const overlapFilterInput = z
  .object({
    themes: themeKeys.nullish(),
    municipalities: municipalityCodes.nullish(),
    counties: countyCodes.nullish(),
    activeOn: activeOnInput.nullish(),
  })
  .nullish()
  .transform((filter) => filter ?? {});

export const maxHopsInput = z
  .number()
  .int()
  .min(1, 'must be at least 1')
  .max(MAX_PATH_HOPS, `must be at most ${MAX_PATH_HOPS}`)
  .nullish()
  .transform((value) => value ?? 4);
