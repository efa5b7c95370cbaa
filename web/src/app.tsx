import { Provider } from '@urql/preact';
import { ErrorBoundary, LocationProvider, Router } from 'preact-iso';
import { Layout } from './components/Layout';
import { client } from './lib/client';
import { routes } from './routes';

// /graphiql is a page of its own (React, loaded only there): links to it are followed by the browser.
const inApp = /^\/(?!graphiql)/;

export function App() {
  return (
    <Provider value={client}>
      <LocationProvider scope={inApp}>
        <Layout>
          <ErrorBoundary>
            <Router>{routes}</Router>
          </ErrorBoundary>
        </Layout>
      </LocationProvider>
    </Provider>
  );
}
