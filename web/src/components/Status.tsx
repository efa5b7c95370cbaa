import type { CombinedError } from '@urql/preact';

interface Props {
  fetching: boolean;
  error?: CombinedError | undefined;
  message?: string;
}

/** What a list is doing, read out by screen readers as it changes. */
export function Status({ fetching, error, message }: Props) {
  return (
    <p class={error ? 'status status-error' : 'status'} role="status" aria-live="polite">
      {error ? errorText(error) : fetching ? 'Hämtar …' : message}
    </p>
  );
}

export function errorText(error: CombinedError): string {
  if (error.networkError) return 'Tjänsten svarar inte just nu. Försök igen om en stund.';
  const code = error.graphQLErrors[0]?.extensions?.code;
  if (code === 'TOO_MANY_REQUESTS') return 'För många frågor på kort tid. Vänta en stund och försök igen.';
  if (code === 'SERVICE_UNAVAILABLE') return 'Databasen svarar inte just nu. Försök igen om en stund.';
  return `Något gick fel: ${error.graphQLErrors[0]?.message ?? error.message}`;
}
