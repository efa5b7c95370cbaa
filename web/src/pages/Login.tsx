import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { Field } from '../forms/Field';
import { homeOf, signIn } from '../forms/session';
import { useTitle } from '../lib/use-title';

export function LoginPage() {
  useTitle('Logga in');
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await signIn(email, password);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    // A fresh load: everything the client cached so far was read signed out.
    const next = location.query.till;
    const target = next && /^\/(?!\/)/.test(next) ? next : homeOf(result.role);
    // An account an admin made chooses a password of its own first.
    window.location.assign(result.passwordChangeRequired ? `/byt-losenord?till=${encodeURIComponent(target)}` : target);
  };

  return (
    <section aria-labelledby="login-heading">
      <h1 id="login-heading">Logga in</h1>
      <form class="form" onSubmit={submit}>
        <Field id="login-email" label="E-post" type="email" required value={email} onInput={setEmail} autoComplete="username" />
        <Field id="login-password" label="Lösenord" type="password" required value={password} onInput={setPassword} autoComplete="current-password" />
        {problem ? (
          <p class="status-error" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Loggar in …' : 'Logga in'}
        </button>
      </form>
      <p>
        Ny förening? <a href="/registrera">Registrera föreningen</a>.
      </p>
    </section>
  );
}
