import { z } from 'zod';
import { countyCodes, municipalityCodes, searchText, themeKeys } from '../shared/inputs.ts';

export const actorFilterInput = z
  .object({
    kinds: z.array(z.string()).nullish(),
    themes: themeKeys.nullish(),
    municipalities: municipalityCodes.nullish(),
    counties: countyCodes.nullish(),
    text: searchText.nullish(),
  })
  .nullish()
  .transform((filter) => filter ?? {});
