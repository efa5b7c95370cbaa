import { z } from 'zod';
import { asOfInput } from '../research/as-of.ts';
import { filterInput, searchText, whereFilterFields } from '../shared/inputs.ts';

export const actorFilterInput = filterInput({
  kinds: z.array(z.string()).nullish(),
  ...whereFilterFields,
  text: searchText.nullish(),
  asOf: asOfInput,
});
