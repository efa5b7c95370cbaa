import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { graphql } from '../gql';
import { useDebounced } from '../lib/use-debounced';

const ActorSearchQuery = graphql(`
  query ActorSearch($text: String!) {
    search(text: $text, first: 8) {
      __typename
      ... on Organization {
        id
        name
        municipalities {
          name
        }
      }
    }
  }
`);

interface Props {
  id: string;
  label: string;
  chosen: { id: string; name: string } | null;
  onChoose: (actor: { id: string; name: string } | null) => void;
  error?: string | undefined;
}

/** Finds an organisation by name and picks it: a search field and the hits as buttons, usable by keyboard. */
export function ActorSearch({ id, label, chosen, onChoose, error }: Props) {
  const [text, setText] = useState('');
  const debounced = useDebounced(text, 250);
  const [result] = useQuery({ query: ActorSearchQuery, variables: { text: debounced }, pause: debounced.trim().length < 2 || chosen !== null });
  const hits = (result.data?.search ?? []).flatMap((hit) => (hit.__typename === 'Organization' ? [hit] : []));
  if (chosen) {
    return (
      <div class="field">
        <span class="label">{label}</span>
        <p>
          {chosen.name}{' '}
          <button type="button" class="secondary" onClick={() => onChoose(null)}>
            Byt {label.toLowerCase()}
          </button>
        </p>
      </div>
    );
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} aria-describedby={`${id}-status${error ? ` ${id}-error` : ''}`} />
      <span id={`${id}-status`} class="hint" role="status">
        {result.fetching ? 'Söker …' : debounced.trim().length >= 2 ? `${hits.length} organisationer` : 'Skriv minst två bokstäver av namnet.'}
      </span>
      <ul class="hits">
        {hits.map((hit) => (
          <li key={hit.id}>
            <button type="button" class="secondary" onClick={() => onChoose({ id: hit.id, name: hit.name })}>
              Välj {hit.name}
              {hit.municipalities.length ? ` (${hit.municipalities.map((m) => m.name).join(', ')})` : ''}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
