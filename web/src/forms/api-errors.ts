import type { CombinedError } from '@urql/preact';
import { errorText } from '../components/Status';

/** The API's errors sorted by the field they name (`extensions.field`, without its argument: `input.name` → `name`), and the rest. */
export interface ApiErrors {
  fields: Record<string, string>;
  general: string | null;
  code: string | null;
}

export function apiErrors(error: CombinedError | undefined): ApiErrors {
  if (!error) return { fields: {}, general: null, code: null };
  const fields: Record<string, string> = {};
  let general: string | null = null;
  for (const graphQLError of error.graphQLErrors) {
    const field = graphQLError.extensions?.field;
    if (typeof field === 'string') {
      const name = field.replace(/^input\./, '');
      // The message repeats the field's path before its reason; the field is shown beside it already.
      fields[name] = graphQLError.message.startsWith(`${field}: `) ? graphQLError.message.slice(field.length + 2) : graphQLError.message;
    } else {
      general ??= graphQLError.message;
    }
  }
  if (error.networkError || (!general && Object.keys(fields).length === 0)) general = errorText(error);
  const code = error.graphQLErrors[0]?.extensions?.code;
  return { fields, general, code: typeof code === 'string' ? code : null };
}
