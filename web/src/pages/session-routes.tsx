import { lazy, Route } from 'preact-iso';

// The pages of signed-in work and of signing in, each its own chunk like the public pages.
const RegisterPage = lazy(() => import('./Register').then((m) => m.RegisterPage));
const LoginPage = lazy(() => import('./Login').then((m) => m.LoginPage));
const ProfilePage = lazy(() => import('./Profile').then((m) => m.ProfilePage));
const ReviewPage = lazy(() => import('./Review').then((m) => m.ReviewPage));
const NewInitiativePage = lazy(() => import('./NewInitiative').then((m) => m.NewInitiativePage));
const ChangePasswordPage = lazy(() => import('./ChangePassword').then((m) => m.ChangePasswordPage));
const AccountsPage = lazy(() => import('./Accounts').then((m) => m.AccountsPage));

export const sessionRoutes = [
  <Route key="register" path="/registrera" component={RegisterPage} />,
  <Route key="login" path="/logga-in" component={LoginPage} />,
  <Route key="profile" path="/profil" component={ProfilePage} />,
  <Route key="review" path="/granska" component={ReviewPage} />,
  <Route key="new-initiative" path="/initiativ/ny" component={NewInitiativePage} />,
  <Route key="accounts" path="/konton" component={AccountsPage} />,
  <Route key="change-password" path="/byt-losenord" component={ChangePasswordPage} />,
];
