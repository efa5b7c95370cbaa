import { useQuery } from '@urql/preact';
import { graphql } from '../gql';
import { kindLabel, reasonLabel } from '../lib/labels';
import { Status } from './Status';

const PartnerSuggestionsQuery = graphql(`
  query PartnerSuggestions($id: ID!) {
    partnerSuggestions(forId: $id, first: 10) {
      score
      reasons {
        kind
        detail
      }
      actor {
        __typename
        id
        kind
        name
      }
    }
  }
`);

/** Whom the actor or initiative could work with, and why: read separately so the page shows before it. */
export function PartnerSuggestions({ id }: { id: string }) {
  const [result] = useQuery({ query: PartnerSuggestionsQuery, variables: { id } });
  const suggestions = result.data?.partnerSuggestions ?? [];
  return (
    <section aria-labelledby="forslag">
      <h2 id="forslag">Förslag på samarbetspartner</h2>
      <Status
        fetching={result.fetching}
        error={result.error}
        message={suggestions.length === 0 ? 'Inga förslag.' : `${suggestions.length} förslag, bäst först.`}
      />
      <ol class="card-list">
        {suggestions.map((s) => (
          <li key={s.actor.id}>
            <a href={`/aktor/${s.actor.id}`}>{s.actor.name}</a> <span class="muted">({kindLabel(s.actor.kind)}, poäng {s.score.toLocaleString('sv-SE', { maximumFractionDigits: 1 })})</span>
            <ul>
              {s.reasons.map((r, i) => (
                <li key={i}>
                  <strong>{reasonLabel[r.kind] ?? r.kind}:</strong> {r.detail}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
