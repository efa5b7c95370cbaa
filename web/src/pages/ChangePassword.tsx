import { useMutation } from '@urql/preact';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { apiErrors } from '../forms/api-errors';
import { passwordProblem } from '../forms/checks';
import { Field, focusField } from '../forms/Field';
import { graphql } from '../gql';
import { useTitle } from '../lib/use-title';

const ChangePassword = graphql(`
  mutation ChangePassword($current: String!, $new: String!) {
    changePassword(current: $current, new: $new)
  }
`);

/** Everyone signed in changes their own password; an account an admin made is sent here at first sign-in. */
export function ChangePasswordPage() {
  useTitle('Byt lösenord');
  const location = useLocation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [result, changePassword] = useMutation(ChangePassword);
  const server = apiErrors(result.error);
  const onwards = location.query.till && /^\/(?!\/)/.test(location.query.till) ? location.query.till : '/';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (passwordProblem(next)) return focusField('password-new');
    const answer = await changePassword({ current, new: next });
    const field = Object.keys(apiErrors(answer.error).fields)[0];
    if (field) focusField(field === 'current' ? 'password-current' : 'password-new');
  };

  if (result.data?.changePassword) {
    return (
      <section aria-labelledby="password-done">
        <h1 id="password-done">Lösenordet är bytt</h1>
        <p>
          <a href={onwards}>Fortsätt</a>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="password-heading">
      <h1 id="password-heading">Byt lösenord</h1>
      <p class="lead">Välj ett eget lösenord i stället för det du fick.</p>
      <form class="form" noValidate onSubmit={submit}>
        <Field id="password-current" label="Nuvarande lösenord" type="password" required value={current} onInput={setCurrent} error={server.fields.current} autoComplete="current-password" />
        <Field
          id="password-new"
          label="Nytt lösenord"
          type="password"
          required
          hint="Minst 12 tecken, bokstäver blandade med siffror eller andra tecken."
          value={next}
          onInput={setNext}
          error={(next ? passwordProblem(next) : undefined) ?? server.fields.new}
          autoComplete="new-password"
        />
        {server.general ? (
          <p class="status-error" role="alert">
            {server.code === 'UNAUTHENTICATED' ? 'Det nuvarande lösenordet stämmer inte.' : server.general}
          </p>
        ) : null}
        <button type="submit" disabled={result.fetching}>
          Byt lösenord
        </button>
      </form>
    </section>
  );
}
