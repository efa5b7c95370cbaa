import { z } from 'zod';
import { filterInput, partialDate, searchText, whereFilterFields } from '../shared/inputs.ts';
import { parsePartialDate } from '../shared/partial-date.ts';
import { asOfInput } from '../research/as-of.ts';

export const activeOnInput = partialDate.transform((text) => parsePartialDate(text)!);

export const initiativeFilterInput = filterInput({
  kinds: z.array(z.string()).nullish(),
  ...whereFilterFields,
  activeOn: activeOnInput.nullish(),
  text: searchText.nullish(),
  asOf: asOfInput,
});
