import { useClient, useMutation, useQuery } from '@urql/preact';
import { useMemo, useState } from 'preact/hooks';
import { apiErrors } from '../forms/api-errors';
import { emailProblem, nameProblem } from '../forms/checks';
import { ConflictPanel } from '../forms/ConflictPanel';
import { emptiedAsNull, useVersionedEdit, type Versioned } from '../forms/edit-state';
import { Field } from '../forms/Field';
import { formErrors } from '../forms/field-errors';
import { MunicipalitiesField } from '../forms/MunicipalitiesField';
import { ThemePicker } from '../forms/Pickers';
import { mayEditOrganization, useWriter } from '../forms/permissions';
import { SourceFields, emptySource, sourceInput, sourceProblems, type SourceValue } from '../forms/SourceFields';
import { graphql } from '../gql';
import type { EditOrganizationQuery } from '../gql/graphql';
import { useTitle } from '../lib/use-title';

const EditOrganizationQuery = graphql(`
  query EditOrganization($id: ID!) {
    actor(id: $id) {
      __typename
      ... on Organization {
        id
        name
        description
        version
        themes {
          key
        }
        municipalities {
          code
        }
        contact {
          email
          phone
        }
        history(first: 20) {
          ...ChangeFields
        }
      }
    }
  }
`);

const UpdateOrganization = graphql(`
  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!, $expectedVersion: Int) {
    updateOrganization(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      version
    }
  }
`);

interface OrganizationValues {
  name: string;
  description: string;
  themes: string[];
  municipalities: string[];
  email: string;
  phone: string;
}

type Organization = Extract<NonNullable<EditOrganizationQuery['actor']>, { __typename: 'Organization' }>;

function organizationOf(data: EditOrganizationQuery | undefined): Organization | null {
  const actor = data?.actor;
  return actor?.__typename === 'Organization' ? actor : null;
}

function versioned(organization: Organization): Versioned<OrganizationValues> {
  return {
    version: organization.version,
    values: {
      name: organization.name,
      description: organization.description ?? '',
      themes: organization.themes.map((t) => t.key),
      municipalities: organization.municipalities.map((m) => m.code),
      email: organization.contact?.email ?? '',
      phone: organization.contact?.phone ?? '',
    },
    // The organisation's own changes: its history also tells of the participations and grants it has.
    changes: organization.history.filter((change) => change.fields.length > 0 && /Organization|registerAssociation|reviewRegistration/.test(change.action)),
  };
}

/** A strategist or an admin changes an organisation's facts, citing the source of the change. */
export function EditOrganizationPage({ id }: { id: string }) {
  const [read] = useQuery({ query: EditOrganizationQuery, variables: { id }, requestPolicy: 'network-only' });
  const { writer, fetching } = useWriter();
  const organization = organizationOf(read.data);
  useTitle(organization ? `Ändra ${organization.name}` : 'Ändra organisation');
  if (!organization || (fetching && !writer)) return <p role="status">{read.fetching || fetching ? 'Hämtar …' : 'Organisationen finns inte.'}</p>;
  if (!mayEditOrganization(writer, { municipalities: organization.municipalities.map((m) => m.code) })) {
    return (
      <p>
        Du kan inte ändra den här organisationen. <a href={`/logga-in?till=/aktor/${id}/andra`}>Logga in</a> med ett konto som får göra det.
      </p>
    );
  }
  return <OrganizationForm organization={organization} />;
}

function OrganizationForm({ organization }: { organization: Organization }) {
  const id = organization.id;
  const client = useClient();
  const current = useMemo(() => versioned(organization), [organization]);
  const edit = useVersionedEdit(current);
  const { writer } = useWriter();
  const [source, setSource] = useState<SourceValue>(emptySource);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [result, update] = useMutation(UpdateOrganization);
  const [saved, setSaved] = useState(false);
  const server = apiErrors(result.error);
  const errors = formErrors(server, local);
  const { values } = edit;
  if (!values || edit.baseVersion === null) return <p role="status">Hämtar …</p>;
  const set = <K extends keyof OrganizationValues>(field: K) => (value: OrganizationValues[K]) => {
    edit.setValues({ ...values, [field]: value });
    setSaved(false);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = { ...sourceProblems(source) };
    const nameIssue = nameProblem(values.name);
    if (nameIssue) problems.name = nameIssue;
    if (values.email.trim() && emailProblem(values.email)) problems.email = emailProblem(values.email)!;
    setLocal(problems);
    const done = await edit.save({
      formId: 'edit-organization',
      problems,
      fieldOrder: ['name', 'email', 'source.title', 'source.url'],
      write: async (changed, expectedVersion) => {
        const input = { ...emptiedAsNull(changed, ['description', 'email', 'phone']), source: sourceInput(source) };
        const answer = await update({ id, expectedVersion, input });
        return { version: answer.data?.updateOrganization.version, error: answer.error };
      },
      read: async () => {
        const now = organizationOf((await client.query(EditOrganizationQuery, { id }, { requestPolicy: 'network-only' }).toPromise()).data);
        return now ? versioned(now) : null;
      },
    });
    if (done) setSaved(true);
  };

  return (
    <section aria-labelledby="edit-organization-heading">
      <h1 id="edit-organization-heading">Ändra {organization.name}</h1>
      <p class="lead">
        <a href={`/aktor/${id}`}>Tillbaka till organisationen</a>
      </p>
      {edit.conflict ? <ConflictPanel changes={edit.conflict.changes} onAccept={edit.acceptNewVersion} /> : null}
      <form class="form" noValidate onSubmit={save}>
        <Field id="edit-organization-name" label="Organisationens namn" required value={values.name} onInput={set('name')} error={errors.name} />
        <Field id="edit-organization-description" label="Beskrivning" multiline value={values.description} onInput={set('description')} error={errors.description} />
        <ThemePicker id="edit-organization-themes" selected={values.themes} onChange={set('themes')} error={errors.themes} />
        <MunicipalitiesField
          id="edit-organization-municipalities"
          selected={values.municipalities}
          onChange={set('municipalities')}
          error={errors.municipalities}
          {...(writer?.role === 'STRATEGIST' ? { only: writer.municipalities.map((m) => m.code) } : {})}
        />
        <Field id="edit-organization-email" label="E-post" type="email" value={values.email} onInput={set('email')} error={errors.email} />
        <Field id="edit-organization-phone" label="Telefon" type="tel" value={values.phone} onInput={set('phone')} error={errors.phone} />
        <SourceFields idPrefix="edit-organization" value={source} onChange={setSource} errors={errors} />
        {server.general && server.code !== 'CONFLICT' ? (
          <p class="status-error" role="alert">
            {server.general}
          </p>
        ) : null}
        <button type="submit" disabled={result.fetching || edit.conflict !== null}>
          {result.fetching ? 'Sparar …' : 'Spara ändringarna'}
        </button>
        <p role="status">{saved ? 'Sparat.' : ''}</p>
      </form>
    </section>
  );
}
