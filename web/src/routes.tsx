import { lazy, Route } from 'preact-iso';
import { NotFound } from './pages/NotFound';
import { SearchPage } from './pages/Search';
import { editRoutes } from './pages/edit-routes';
import { sessionRoutes } from './pages/session-routes';

// Every page but the first is its own chunk, loaded when it is visited: the map's code (sigma, graphology)
// never reaches the first page.
const ActorPage = lazy(() => import('./pages/Actor').then((m) => m.ActorPage));
const InitiativePage = lazy(() => import('./pages/Initiative').then((m) => m.InitiativePage));
const MapPage = lazy(() => import('./pages/Map').then((m) => m.MapPage));
const OverlapsPage = lazy(() => import('./pages/Overlaps').then((m) => m.OverlapsPage));

export const routes = [
  <Route key="search" path="/" component={SearchPage} />,
  <Route key="actor" path="/aktor/:id" component={ActorPage} />,
  ...sessionRoutes,
  ...editRoutes,
  <Route key="initiative" path="/initiativ/:id" component={InitiativePage} />,
  <Route key="map" path="/karta" component={MapPage} />,
  <Route key="overlaps" path="/overlapp" component={OverlapsPage} />,
  <Route key="not-found" default component={NotFound} />,
];
