import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { apiErrors } from '../forms/api-errors';
import { emailProblem, passwordProblem } from '../forms/checks';
import { Field, focusField } from '../forms/Field';
import { MunicipalityPicker } from '../forms/Pickers';
import { graphql } from '../gql';
import { useTitle } from '../lib/use-title';

const CreateAccount = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      id
      email
      role
    }
  }
`);

const roles = [
  ['STRATEGIST', 'Strateg'],
  ['RESEARCHER', 'Forskare'],
  ['ADMIN', 'Administratör'],
] as const;

/** An admin makes an account; its person chooses a password of their own at first sign-in. */
export function AccountsPage() {
  useTitle('Skapa konto');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('STRATEGIST');
  const [municipality, setMunicipality] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, createAccount] = useMutation(CreateAccount);
  const server = apiErrors(result.error);
  const problems = touched
    ? {
        email: emailProblem(email),
        password: passwordProblem(password),
        municipalities: role === 'STRATEGIST' && !municipality ? 'Välj strategens kommun.' : undefined,
      }
    : {};

  const submit = async (event: Event) => {
    event.preventDefault();
    setTouched(true);
    const first = (['email', 'password'] as const).find((field) => (field === 'email' ? emailProblem(email) : passwordProblem(password)));
    if (first) return focusField(`account-${first}`);
    if (role === 'STRATEGIST' && !municipality) return focusField('account-municipalities');
    const answer = await createAccount({ input: { email, password, role: role as never, ...(role === 'STRATEGIST' ? { municipalities: [municipality] } : {}) } });
    if (answer.data) {
      setEmail('');
      setPassword('');
      setTouched(false);
    }
  };

  return (
    <section aria-labelledby="accounts-heading">
      <h1 id="accounts-heading">Skapa konto</h1>
      <p class="lead">Personen byter lösenordet första gången hon eller han loggar in.</p>
      <form class="form" noValidate onSubmit={submit}>
        <Field id="account-email" label="E-post" type="email" required value={email} onInput={setEmail} error={problems.email ?? server.fields.email} />
        <Field id="account-password" label="Tillfälligt lösenord" type="password" required value={password} onInput={setPassword} error={problems.password ?? server.fields.password} autoComplete="new-password" />
        <div class="field">
          <label for="account-role">Roll</label>
          <select id="account-role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            {roles.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {role === 'STRATEGIST' ? (
          <MunicipalityPicker id="account-municipalities" value={municipality} onChange={setMunicipality} error={problems.municipalities ?? server.fields.municipalities} />
        ) : null}
        {server.general ? (
          <p class="status-error" role="alert">
            {server.general}
          </p>
        ) : null}
        <button type="submit" disabled={result.fetching}>
          Skapa konto
        </button>
        <p role="status">{result.data ? `Kontot ${result.data.createAccount.email} är skapat.` : ''}</p>
      </form>
    </section>
  );
}
