import { useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../gql';
import type { ActorKind, InitiativeKind } from '../gql/graphql';
import { actorKinds, initiativeKinds } from '../lib/labels';
import type { SearchState } from '../pages/Search';
import { Pager } from './Pager';
import { ResultItem } from './ResultItem';
import { Status } from './Status';

const ActorsQuery = graphql(`
  query FilteredActors($filter: ActorFilter!, $after: String) {
    actors(filter: $filter, first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          __typename
          id
          kind
          name
          description
          municipalities {
            code
            name
          }
        }
      }
    }
  }
`);

const InitiativesQuery = graphql(`
  query FilteredInitiatives($filter: InitiativeFilter!, $after: String) {
    initiatives(filter: $filter, first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          __typename
          id
          kind
          name
          description
          municipalities {
            code
            name
          }
        }
      }
    }
  }
`);

const pageSize = 10;

function placeAndTheme(state: SearchState) {
  return {
    ...(state.text ? { text: state.text } : {}),
    ...(state.theme ? { themes: [state.theme] } : {}),
    ...(state.municipality ? { municipalities: [state.municipality] } : {}),
    ...(state.county ? { counties: [state.county] } : {}),
  };
}

/** Cursors of the pages seen so far, so that a page back is the page that was shown. */
function useCursorPages(resetKey: string) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [resetKey]);
  return {
    page: cursors.length,
    after: cursors[cursors.length - 1] ?? null,
    next: (cursor: string | null | undefined) => setCursors([...cursors, cursor ?? null]),
    previous: () => setCursors(cursors.slice(0, -1)),
  };
}

function ActorList({ state }: { state: SearchState }) {
  const kinds = actorKinds.includes(state.kind as ActorKind) ? [state.kind as ActorKind] : undefined;
  const filter = { ...placeAndTheme(state), ...(kinds ? { kinds } : {}) };
  const pages = useCursorPages(JSON.stringify(filter));
  const [result] = useQuery({ query: ActorsQuery, variables: { filter, after: pages.after } });
  const connection = result.data?.actors;
  return (
    <section aria-labelledby="aktorer" class="results">
      <h2 id="aktorer">Aktörer</h2>
      <Status
        fetching={result.fetching}
        error={result.error}
        message={connection ? `${connection.totalCount} aktörer.` : ''}
      />
      <ol class="result-list" aria-busy={result.fetching ? 'true' : 'false'}>
        {connection?.edges.map(({ node }) => <ResultItem key={node.id} item={node} />)}
      </ol>
      <Pager
        label="Sidor med aktörer"
        page={pages.page}
        pageCount={connection ? Math.ceil(connection.totalCount / pageSize) : undefined}
        hasPrevious={pages.page > 1}
        hasNext={connection?.pageInfo.hasNextPage ?? false}
        onPrevious={pages.previous}
        onNext={() => pages.next(connection?.pageInfo.endCursor)}
      />
    </section>
  );
}

function InitiativeList({ state }: { state: SearchState }) {
  const kinds = initiativeKinds.includes(state.kind as InitiativeKind) ? [state.kind as InitiativeKind] : undefined;
  const filter = { ...placeAndTheme(state), ...(kinds ? { kinds } : {}) };
  const pages = useCursorPages(JSON.stringify(filter));
  const [result] = useQuery({ query: InitiativesQuery, variables: { filter, after: pages.after } });
  const connection = result.data?.initiatives;
  return (
    <section aria-labelledby="initiativ" class="results">
      <h2 id="initiativ">Initiativ</h2>
      <Status
        fetching={result.fetching}
        error={result.error}
        message={connection ? `${connection.totalCount} initiativ.` : ''}
      />
      <ol class="result-list" aria-busy={result.fetching ? 'true' : 'false'}>
        {connection?.edges.map(({ node }) => <ResultItem key={node.id} item={node} />)}
      </ol>
      <Pager
        label="Sidor med initiativ"
        page={pages.page}
        pageCount={connection ? Math.ceil(connection.totalCount / pageSize) : undefined}
        hasPrevious={pages.page > 1}
        hasNext={connection?.pageInfo.hasNextPage ?? false}
        onPrevious={pages.previous}
        onNext={() => pages.next(connection?.pageInfo.endCursor)}
      />
    </section>
  );
}

/**
 * With a filter, the API's actor and initiative lists (each with its own filters and cursor), narrowed by
 * the text too; a kind names one of the two lists.
 */
export function FilteredResults({ state }: { state: SearchState }) {
  const showActors = !state.kind || actorKinds.includes(state.kind as ActorKind);
  const showInitiatives = !state.kind || initiativeKinds.includes(state.kind as InitiativeKind);
  return (
    <div class="result-columns">
      {showActors && <ActorList state={state} />}
      {showInitiatives && <InitiativeList state={state} />}
    </div>
  );
}
