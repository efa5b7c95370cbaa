// GraphiQL on a page of its own: React and the Monaco editor load here only, never on the other pages.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

const defaultQuery = `# Sök bland aktörer och initiativ. Ctrl+Enter kör frågan.
query Sok {
  search(text: "läxhjälp", first: 5) {
    __typename
    ... on Organization { id name kind }
    ... on Initiative { id name initiativeKind: kind start end }
  }
}
`;

// GraphiQL's own logo links to its project on GitHub in a faint grey; this page's leads back to the
// registry's pages instead, in a colour that can be read (graphiql.css).
const logo = createElement(GraphiQL.Logo, null, createElement('a', { href: '/', className: 'samverkan-logo-link' }, 'Samverkan'));

createRoot(document.getElementById('graphiql')!).render(createElement(GraphiQL, { fetcher, defaultQuery }, logo));
