import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { apiErrors } from '../forms/api-errors';
import { emailProblem, nameProblem, organizationNumberProblem } from '../forms/checks';
import { Field, focusField } from '../forms/Field';
import { fieldId, formErrors } from '../forms/field-errors';
import { MunicipalityPicker, ThemePicker } from '../forms/Pickers';
import { mayCreateOrganization, useWriter } from '../forms/permissions';
import { SourceFields, emptySource, sourceInput, sourceProblems, type SourceValue } from '../forms/SourceFields';
import { graphql } from '../gql';
import type { ActorKind } from '../gql/graphql';
import { actorKindLabel } from '../lib/labels';
import { useTitle } from '../lib/use-title';

const CreateOrganization = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
      status
    }
  }
`);

/** The kinds of organisation the API creates; people and role models have forms of their own. */
const organizationKinds: ActorKind[] = ['ASSOCIATION', 'AUTHORITY', 'MUNICIPAL_UNIT', 'BUSINESS'];

interface Values {
  kind: ActorKind;
  name: string;
  organizationNumber: string;
  description: string;
  themes: string[];
  municipality: string;
  email: string;
  phone: string;
}

const empty: Values = { kind: 'ASSOCIATION', name: '', organizationNumber: '', description: '', themes: [], municipality: '', email: '', phone: '' };

/** What the form can tell before the API does: each problem keyed by the field the API would name. */
function problemsOf(values: Values, source: SourceValue): Record<string, string> {
  const problems: Record<string, string> = { ...sourceProblems(source) };
  const nameIssue = nameProblem(values.name);
  if (nameIssue) problems.name = nameIssue;
  const numberIssue = values.organizationNumber.trim() ? organizationNumberProblem(values.organizationNumber) : undefined;
  if (numberIssue) problems.organizationNumber = numberIssue;
  if (!values.municipality) problems.municipalities = 'Välj en kommun.';
  const emailIssue = values.email.trim() ? emailProblem(values.email) : undefined;
  if (emailIssue) problems.email = emailIssue;
  return problems;
}

/** A strategist or an admin records an organisation that has not registered itself, citing where it is known from. */
export function NewOrganizationPage() {
  useTitle('Ny organisation');
  const { writer, fetching } = useWriter();
  const [values, setValues] = useState<Values>(empty);
  const [source, setSource] = useState<SourceValue>(emptySource);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [result, create] = useMutation(CreateOrganization);
  const server = apiErrors(result.error);
  const errors = formErrors(server, local);

  if (fetching && !writer) return <p role="status">Hämtar …</p>;
  if (!mayCreateOrganization(writer)) {
    return (
      <p>
        <a href="/logga-in?till=/organisation/ny">Logga in</a> som strateg för att lägga till en organisation.
      </p>
    );
  }
  const created = result.data?.createOrganization;
  if (created) {
    return (
      <section aria-labelledby="created-heading">
        <h1 id="created-heading">{created.name} är sparad</h1>
        <p role="status">
          {created.status === 'PENDING' ? 'Den väntar på granskning. ' : ''}
          <a href={`/aktor/${created.id}`}>Visa {created.name}</a>
        </p>
      </section>
    );
  }
  const set = <K extends keyof Values>(field: K) => (value: Values[K]) => setValues({ ...values, [field]: value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems = problemsOf(values, source);
    setLocal(problems);
    const first = ['name', 'organizationNumber', 'municipalities', 'email', 'source.title', 'source.url'].find((field) => problems[field]);
    if (first) return focusField(fieldId('organization', first));
    const answer = await create({
      input: {
        kind: values.kind,
        name: values.name,
        ...(values.organizationNumber.trim() ? { organizationNumber: values.organizationNumber.trim() } : {}),
        ...(values.description.trim() ? { description: values.description } : {}),
        themes: values.themes,
        municipalities: [values.municipality],
        ...(values.email.trim() ? { email: values.email.trim() } : {}),
        ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
        source: sourceInput(source),
      },
    });
    const field = Object.keys(apiErrors(answer.error).fields)[0];
    if (field) focusField(fieldId('organization', field));
  };

  return (
    <section aria-labelledby="organization-heading">
      <h1 id="organization-heading">Ny organisation</h1>
      <form class="form" noValidate onSubmit={submit}>
        <div class="field">
          <label for="organization-kind">Typ av organisation</label>
          <select id="organization-kind" value={values.kind} onChange={(e) => set('kind')(e.currentTarget.value as ActorKind)}>
            {organizationKinds.map((kind) => (
              <option key={kind} value={kind}>
                {actorKindLabel[kind]}
              </option>
            ))}
          </select>
        </div>
        <Field id="organization-name" label="Organisationens namn" required value={values.name} onInput={set('name')} error={errors.name} />
        <Field
          id="organization-organizationNumber"
          label="Organisationsnummer"
          hint="Tio siffror, till exempel 802000-0000."
          value={values.organizationNumber}
          onInput={set('organizationNumber')}
          error={errors.organizationNumber}
        />
        <Field id="organization-description" label="Beskrivning" multiline value={values.description} onInput={set('description')} error={errors.description} />
        <ThemePicker id="organization-themes" selected={values.themes} onChange={set('themes')} error={errors.themes} />
        <MunicipalityPicker
          id="organization-municipalities"
          value={values.municipality}
          onChange={set('municipality')}
          error={errors.municipalities}
          {...(writer?.role === 'STRATEGIST' ? { only: writer.municipalities.map((m) => m.code) } : {})}
        />
        <Field id="organization-email" label="E-post" type="email" value={values.email} onInput={set('email')} error={errors.email} />
        <Field id="organization-phone" label="Telefon" type="tel" value={values.phone} onInput={set('phone')} error={errors.phone} />
        <SourceFields idPrefix="organization" value={source} onChange={setSource} errors={errors} />
        {server.general ? (
          <p class="status-error" role="alert">
            {server.general}
          </p>
        ) : null}
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Sparar …' : 'Spara organisationen'}
        </button>
      </form>
    </section>
  );
}
