import { z } from 'zod';
import { countyCodes, municipalityCodes, partialDate, searchText, themeKeys } from '../shared/inputs.ts';
import { parsePartialDate } from '../shared/partial-date.ts';

export const activeOnInput = partialDate.transform((text) => parsePartialDate(text)!);

export const initiativeFilterInput = z
  .object({
    kinds: z.array(z.string()).nullish(),
    themes: themeKeys.nullish(),
    municipalities: municipalityCodes.nullish(),
    counties: countyCodes.nullish(),
    activeOn: activeOnInput.nullish(),
    text: searchText.nullish(),
  })
  .nullish()
  .transform((filter) => filter ?? {});
