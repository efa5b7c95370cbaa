import { useClient, useMutation, useQuery } from '@urql/preact';
import { useMemo, useState } from 'preact/hooks';
import { apiErrors } from '../forms/api-errors';
import { nameProblem } from '../forms/checks';
import { ConflictPanel } from '../forms/ConflictPanel';
import { emptiedAsNull, useVersionedEdit, type Versioned } from '../forms/edit-state';
import { Field } from '../forms/Field';
import { ThemePicker } from '../forms/Pickers';
import { useMe } from '../forms/session';
import { graphql } from '../gql';
import type { OwnProfileQuery } from '../gql/graphql';
import { useTitle } from '../lib/use-title';

const ProfileQuery = graphql(`
  query OwnProfile($id: ID!) {
    actor(id: $id) {
      ... on Organization {
        id
        name
        description
        status
        version
        themes {
          key
        }
        contact {
          email
          phone
        }
        history(first: 10) {
          ...ChangeFields
        }
      }
    }
  }
`);

const UpdateMutation = graphql(`
  mutation UpdateOwnProfile($id: ID!, $input: UpdateOrganizationInput!, $expectedVersion: Int) {
    updateOrganization(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      version
    }
  }
`);

interface ProfileValues {
  name: string;
  description: string;
  email: string;
  phone: string;
  themes: string[];
}

type OwnOrganization = Extract<NonNullable<OwnProfileQuery['actor']>, { version: number }>;

function organizationOf(data: OwnProfileQuery | undefined): OwnOrganization | null {
  const actor = data?.actor;
  return actor && 'version' in actor ? (actor as OwnOrganization) : null;
}

function versioned(organization: OwnOrganization): Versioned<ProfileValues> {
  return {
    version: organization.version,
    values: {
      name: organization.name,
      description: organization.description ?? '',
      email: organization.contact?.email ?? '',
      phone: organization.contact?.phone ?? '',
      themes: organization.themes.map((t) => t.key),
    },
    changes: organization.history,
  };
}

/** An association keeps its own profile: what it does, its themes, how to reach it. */
export function ProfilePage() {
  useTitle('Föreningens profil');
  const { me, fetching } = useMe();
  const organizationId = me?.organization?.id;
  if (fetching && !me) return <p role="status">Hämtar …</p>;
  if (!me) {
    return (
      <p>
        <a href="/logga-in?till=/profil">Logga in</a> för att redigera föreningens profil.
      </p>
    );
  }
  if (!organizationId) return <p>Kontot företräder ingen förening.</p>;
  return <ProfileForm id={organizationId} />;
}

function ProfileForm({ id }: { id: string }) {
  const [profile, refetch] = useQuery({ query: ProfileQuery, variables: { id }, requestPolicy: 'network-only' });
  const [result, update] = useMutation(UpdateMutation);
  const organization = organizationOf(profile.data);
  const current = useMemo(() => (organization ? versioned(organization) : null), [organization]);
  const edit = useVersionedEdit(current);
  const client = useClient();
  const [saved, setSaved] = useState(false);
  const errors = apiErrors(result.error);
  const { values } = edit;

  if (!organization || !values || edit.baseVersion === null) return <p role="status">Hämtar …</p>;
  const set = (field: keyof ProfileValues) => (value: string) => {
    edit.setValues({ ...values, [field]: value });
    setSaved(false);
  };
  const nameError = nameProblem(values.name) ?? errors.fields.name;

  const save = async (event: Event) => {
    event.preventDefault();
    const nameIssue = nameProblem(values.name);
    const done = await edit.save({
      formId: 'profile',
      problems: nameIssue ? { name: nameIssue } : {},
      fieldOrder: ['name'],
      write: async (changed, expectedVersion) => {
        const input = emptiedAsNull(changed, ['description', 'email', 'phone']);
        const answer = await update({ id, expectedVersion, input });
        return { version: answer.data?.updateOrganization.version, error: answer.error };
      },
      read: async () => {
        const now = organizationOf((await client.query(ProfileQuery, { id }, { requestPolicy: 'network-only' }).toPromise()).data);
        return now ? versioned(now) : null;
      },
    });
    if (done) {
      setSaved(true);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section aria-labelledby="profile-heading">
      <h1 id="profile-heading">{organization.name}</h1>
      <p class="lead">
        {organization.status === 'PENDING' ? 'Registreringen väntar på granskning. ' : ''}
        <a href={`/aktor/${id}`}>Visa den offentliga sidan</a>
      </p>
      {edit.conflict ? <ConflictPanel changes={edit.conflict.changes} onAccept={edit.acceptNewVersion} /> : null}
      <form class="form" noValidate onSubmit={save}>
        <Field id="profile-name" label="Föreningens namn" required value={values.name} onInput={set('name')} error={nameError} />
        <Field id="profile-description" label="Beskrivning" multiline value={values.description} onInput={set('description')} error={errors.fields.description} />
        <ThemePicker id="profile-themes" selected={values.themes} onChange={(themes) => edit.setValues({ ...values, themes })} error={errors.fields.themes} />
        <Field id="profile-email" label="E-post" type="email" value={values.email} onInput={set('email')} error={errors.fields.email} />
        <Field id="profile-phone" label="Telefon" type="tel" value={values.phone} onInput={set('phone')} error={errors.fields.phone} />
        {errors.general && errors.code !== 'CONFLICT' ? (
          <p class="status-error" role="alert">
            {errors.general}
          </p>
        ) : null}
        <button type="submit" disabled={result.fetching || edit.conflict !== null}>
          {result.fetching ? 'Sparar …' : 'Spara'}
        </button>
        <p role="status">{saved ? 'Sparat.' : ''}</p>
      </form>
    </section>
  );
}
