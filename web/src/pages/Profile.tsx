import { useMutation, useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { apiErrors } from '../forms/api-errors';
import { nameProblem } from '../forms/checks';
import { ConflictNotice } from '../forms/ConflictNotice';
import { Field, focusField } from '../forms/Field';
import { ThemePicker } from '../forms/Pickers';
import { useMe } from '../forms/session';
import { graphql } from '../gql';
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
          at
          action
          byRole
          byOrganization {
            name
          }
          fields {
            field
            before
            after
          }
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
  const organization = profile.data?.actor && 'version' in profile.data.actor ? profile.data.actor : null;
  const [values, setValues] = useState<ProfileValues | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [conflictSince, setConflictSince] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = apiErrors(result.error);

  useEffect(() => {
    if (!organization) return;
    if (values === null) {
      setValues({
        name: organization.name,
        description: organization.description ?? '',
        email: organization.contact?.email ?? '',
        phone: organization.contact?.phone ?? '',
        themes: organization.themes.map((t) => t.key),
      });
      setBaseVersion(organization.version);
    }
  }, [organization]);

  if (!organization || !values || baseVersion === null) return <p role="status">Hämtar …</p>;
  const set = (field: keyof ProfileValues) => (value: string) => {
    setValues({ ...values, [field]: value });
    setSaved(false);
  };
  const nameError = nameProblem(values.name) ?? errors.fields.name;

  const save = async (event: Event) => {
    event.preventDefault();
    if (nameProblem(values.name)) return focusField('profile-name');
    const answer = await update({
      id,
      expectedVersion: baseVersion,
      input: {
        name: values.name,
        description: values.description || null,
        themes: values.themes,
        email: values.email || null,
        phone: values.phone || null,
      },
    });
    if (answer.data) {
      setBaseVersion(answer.data.updateOrganization.version);
      setConflictSince(null);
      setSaved(true);
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    const problem = apiErrors(answer.error);
    if (problem.code === 'CONFLICT') {
      // Read what is saved now; the user's edits stay in the form, to be saved over the new version.
      setConflictSince(baseVersion);
      refetch({ requestPolicy: 'network-only' });
    } else {
      const first = Object.keys(problem.fields)[0];
      if (first) focusField(`profile-${first}`);
    }
  };

  const newer = conflictSince === null ? [] : organization.history.slice(0, Math.max(organization.version - conflictSince, 0));
  const acceptNewVersion = () => {
    setBaseVersion(organization.version);
    setConflictSince(null);
  };

  return (
    <section aria-labelledby="profile-heading">
      <h1 id="profile-heading">{organization.name}</h1>
      <p class="lead">
        {organization.status === 'PENDING' ? 'Registreringen väntar på granskning. ' : ''}
        <a href={`/aktor/${id}`}>Visa den offentliga sidan</a>
      </p>
      {conflictSince !== null ? (
        <>
          <ConflictNotice changes={newer} />
          <button type="button" class="secondary" onClick={acceptNewVersion}>
            Jag har sett ändringarna – spara mina uppgifter ovanpå dem
          </button>
        </>
      ) : null}
      <form class="form" noValidate onSubmit={save}>
        <Field id="profile-name" label="Föreningens namn" required value={values.name} onInput={set('name')} error={nameError} />
        <Field id="profile-description" label="Beskrivning" multiline value={values.description} onInput={set('description')} error={errors.fields.description} />
        <ThemePicker id="profile-themes" selected={values.themes} onChange={(themes) => setValues({ ...values, themes })} error={errors.fields.themes} />
        <Field id="profile-email" label="E-post" type="email" value={values.email} onInput={set('email')} error={errors.fields.email} />
        <Field id="profile-phone" label="Telefon" type="tel" value={values.phone} onInput={set('phone')} error={errors.fields.phone} />
        {errors.general && errors.code !== 'CONFLICT' ? (
          <p class="status-error" role="alert">
            {errors.general}
          </p>
        ) : null}
        <button type="submit" disabled={result.fetching || conflictSince !== null}>
          {result.fetching ? 'Sparar …' : 'Spara'}
        </button>
        <p role="status">{saved ? 'Sparat.' : ''}</p>
      </form>
    </section>
  );
}
