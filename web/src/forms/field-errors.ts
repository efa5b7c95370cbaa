import type { ApiErrors } from './api-errors';

/**
 * The API's errors by the form field they belong to: an item of a list (`municipalities[0]`) is shown
 * beside the list; the form's own checks take their place where they found something.
 */
export function formErrors(server: ApiErrors, local: Record<string, string>): Record<string, string | undefined> {
  const fields = Object.fromEntries(Object.entries(server.fields).map(([field, message]) => [field.replace(/\[\d+\]$/, ''), message]));
  return { ...fields, ...local };
}

/** The id of a form's field that the API or the form's checks named: `source.title` is `<prefix>-source-title`. */
export function fieldId(prefix: string, field: string): string {
  return `${prefix}-${field.replace('source.', 'source-').replace(/\[\d+\]$/, '')}`;
}
