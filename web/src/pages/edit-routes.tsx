import { lazy, Route } from 'preact-iso';

// The forms that change what is known about an initiative or an organisation, each its own chunk.
const EditInitiativePage = lazy(() => import('./EditInitiative').then((m) => m.EditInitiativePage));
const ParticipationsPage = lazy(() => import('./Participations').then((m) => m.ParticipationsPage));
const GrantsPage = lazy(() => import('./Grants').then((m) => m.GrantsPage));
const ClaimParticipationPage = lazy(() => import('./ClaimParticipation').then((m) => m.ClaimParticipationPage));
const EditOrganizationPage = lazy(() => import('./EditOrganization').then((m) => m.EditOrganizationPage));
const NewOrganizationPage = lazy(() => import('./NewOrganization').then((m) => m.NewOrganizationPage));

export const editRoutes = [
  <Route key="edit-initiative" path="/initiativ/:id/andra" component={EditInitiativePage} />,
  <Route key="participations" path="/initiativ/:id/deltagare" component={ParticipationsPage} />,
  <Route key="grants" path="/initiativ/:id/bidrag" component={GrantsPage} />,
  <Route key="claim" path="/initiativ/:id/anmal" component={ClaimParticipationPage} />,
  <Route key="edit-organization" path="/aktor/:id/andra" component={EditOrganizationPage} />,
  <Route key="new-organization" path="/organisation/ny" component={NewOrganizationPage} />,
];
