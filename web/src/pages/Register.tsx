import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { apiErrors } from '../forms/api-errors';
import { emailProblem, nameProblem, organizationNumberProblem, passwordProblem } from '../forms/checks';
import { Field, focusField } from '../forms/Field';
import { MunicipalityPicker, ThemePicker } from '../forms/Pickers';
import { graphql } from '../gql';
import { useTitle } from '../lib/use-title';

const RegisterMutation = graphql(`
  mutation RegisterAssociation($input: RegisterAssociationInput!) {
    registerAssociation(input: $input) {
      id
      name
      status
    }
  }
`);

const checks = {
  name: nameProblem,
  organizationNumber: organizationNumberProblem,
  municipality: (code: string) => (code ? undefined : 'Välj föreningens kommun.'),
  email: emailProblem,
  password: passwordProblem,
};
type Checked = keyof typeof checks;

/** An association registers itself: checked as it is typed, then by the API, whose errors land beside their fields. */
export function RegisterPage() {
  useTitle('Registrera förening');
  const [values, setValues] = useState<Record<Checked, string>>({ name: '', organizationNumber: '', municipality: '', email: '', password: '' });
  const [themes, setThemes] = useState<string[]>([]);
  const [touched, setTouched] = useState<Partial<Record<Checked | 'themes', boolean>>>({});
  const [result, register] = useMutation(RegisterMutation);
  const server = apiErrors(result.error);
  // An error from the API stands until the field it names is changed.
  const [serverFields, setServerFields] = useState<Record<string, string>>({});

  const set = (field: Checked) => (value: string) => {
    setValues({ ...values, [field]: value });
    setTouched({ ...touched, [field]: true });
    setServerFields(({ [field]: _gone, ...rest }) => rest);
  };
  const problem = (field: Checked) => (touched[field] ? checks[field](values[field]) : undefined) ?? serverFields[field];
  const themeProblem = (touched.themes && themes.length === 0 ? 'Välj minst ett tema.' : undefined) ?? serverFields.themes;

  const submit = async (event: Event) => {
    event.preventDefault();
    setTouched({ name: true, organizationNumber: true, municipality: true, email: true, password: true, themes: true });
    const invalid = (Object.keys(checks) as Checked[]).find((field) => checks[field](values[field]));
    if (invalid || themes.length === 0) {
      focusField(invalid ? `register-${invalid}` : 'register-themes');
      return;
    }
    const answer = await register({ input: { ...values, themes } });
    const errors = apiErrors(answer.error);
    setServerFields(Object.fromEntries(Object.entries(errors.fields).map(([field, message]) => [field.replace(/\[\d+\]$/, ''), message])));
    const first = Object.keys(errors.fields)[0]?.replace(/\[\d+\]$/, '');
    if (first) focusField(`register-${first}`);
  };

  if (result.data) {
    return (
      <section aria-labelledby="register-done">
        <h1 id="register-done" tabIndex={-1}>
          Tack! {result.data.registerAssociation.name} är registrerad
        </h1>
        <p role="status">
          En strateg i kommunen granskar registreringen. Du kan logga in redan nu med e-postadressen och lösenordet; föreningens uppgifter visas
          för alla när registreringen är godkänd.
        </p>
        <p>
          <a href="/logga-in">Logga in</a>
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="register-heading">
      <h1 id="register-heading">Registrera förening</h1>
      <p class="lead">Föreningen syns i registret när en strateg i kommunen har godkänt den.</p>
      <form class="form" noValidate onSubmit={submit}>
        <Field id="register-name" label="Föreningens namn" required value={values.name} onInput={set('name')} error={problem('name')} autoComplete="organization" />
        <Field
          id="register-organizationNumber"
          label="Organisationsnummer"
          required
          hint="Tio siffror, till exempel 802000-0000."
          value={values.organizationNumber}
          onInput={set('organizationNumber')}
          error={problem('organizationNumber')}
        />
        <MunicipalityPicker id="register-municipality" value={values.municipality} onChange={set('municipality')} error={problem('municipality')} />
        <ThemePicker
          id="register-themes"
          selected={themes}
          onChange={(keys) => {
            setThemes(keys);
            setTouched({ ...touched, themes: true });
            setServerFields(({ themes: _gone, ...rest }) => rest);
          }}
          error={themeProblem}
        />
        <Field id="register-email" label="E-post" type="email" required value={values.email} onInput={set('email')} error={problem('email')} autoComplete="email" />
        <Field
          id="register-password"
          label="Lösenord"
          type="password"
          required
          hint="Minst 12 tecken, bokstäver blandade med siffror eller andra tecken."
          value={values.password}
          onInput={set('password')}
          error={problem('password')}
          autoComplete="new-password"
        />
        {server.general && !Object.keys(server.fields).length ? (
          <p class="status-error" role="alert">
            {server.general}
          </p>
        ) : null}
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Skickar …' : 'Registrera'}
        </button>
      </form>
    </section>
  );
}
