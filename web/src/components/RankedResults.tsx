import { useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../gql';
import { Pager } from './Pager';
import { ResultItem } from './ResultItem';
import { Status } from './Status';

const SearchQuery = graphql(`
  query Search($text: String!) {
    search(text: $text, first: 50) {
      __typename
      ... on Organization {
        id
        kind
        name
        description
        municipalities {
          code
          name
        }
      }
      ... on Person {
        id
        kind
        name
        description
        municipalities {
          code
          name
        }
      }
      ... on Initiative {
        id
        initiativeKind: kind
        name
        description
        municipalities {
          code
          name
        }
      }
    }
  }
`);

const pageSize = 10;

/** The API's ranked search, best first; its at most 50 hits are paged here. */
export function RankedResults({ text }: { text: string }) {
  const [result] = useQuery({ query: SearchQuery, variables: { text } });
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [text]);
  const hits = result.data?.search ?? [];
  const pageCount = Math.ceil(hits.length / pageSize);
  return (
    <section aria-labelledby="traffar" class="results">
      <h2 id="traffar">Träffar</h2>
      <Status
        fetching={result.fetching && !result.data}
        error={result.error}
        message={hits.length === 0 ? `Inga träffar på ”${text}”.` : `${hits.length}${hits.length === 50 ? ' eller fler' : ''} träffar på ”${text}”, bäst först.`}
      />
      <ol class="result-list">
        {hits.slice((page - 1) * pageSize, page * pageSize).map((hit) => (
          <ResultItem key={hit.id} item={hit.__typename === 'Initiative' ? { ...hit, kind: hit.initiativeKind } : hit} />
        ))}
      </ol>
      <Pager
        label="Sidor med träffar"
        page={page}
        pageCount={pageCount}
        hasPrevious={page > 1}
        hasNext={page < pageCount}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
      />
    </section>
  );
}
