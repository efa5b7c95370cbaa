import { z } from 'zod';
import { filterInput, searchText, whereFilterFields } from '../shared/inputs.ts';

export const actorFilterInput = filterInput({
  kinds: z.array(z.string()).nullish(),
  ...whereFilterFields,
  text: searchText.nullish(),
});
