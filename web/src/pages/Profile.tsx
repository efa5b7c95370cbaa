import { useClient, useMutation, useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { apiErrors } from '../forms/api-errors';
import { nameProblem } from '../forms/checks';
import { ConflictNotice } from '../forms/ConflictNotice';
import { Field, focusField } from '../forms/Field';
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

function valuesOf(organization: {
  name: string;
  description?: string | null;
  contact?: { email?: string | null; phone?: string | null } | null;
  themes: { key: string }[];
}): ProfileValues {
  return {
    name: organization.name,
    description: organization.description ?? '',
    email: organization.contact?.email ?? '',
    phone: organization.contact?.phone ?? '',
    themes: organization.themes.map((t) => t.key),
  };
}

function same(a: string | string[], b: string | string[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the fields the user changed: a field left alone is not written over someone else's edit. */
function changedFields(before: ProfileValues, after: ProfileValues) {
  const input: { name?: string; description?: string | null; themes?: string[]; email?: string | null; phone?: string | null } = {};
  if (!same(before.name, after.name)) input.name = after.name;
  if (!same(before.description, after.description)) input.description = after.description || null;
  if (!same(before.themes, after.themes)) input.themes = after.themes;
  if (!same(before.email, after.email)) input.email = after.email || null;
  if (!same(before.phone, after.phone)) input.phone = after.phone || null;
  return input;
}

type OwnOrganization = Extract<NonNullable<OwnProfileQuery['actor']>, { version: number }>;

function organizationOf(data: OwnProfileQuery | undefined): OwnOrganization | null {
  const actor = data?.actor;
  return actor && 'version' in actor ? (actor as OwnOrganization) : null;
}

type ChangeList = Parameters<typeof ConflictNotice>[0]['changes'];

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
  const organization = organizationOf(profile.data);
  const [values, setValues] = useState<ProfileValues | null>(null);
  // The values as saved when the form last read them: only what the user changed from these is sent.
  const [loaded, setLoaded] = useState<ProfileValues | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  // Someone else's saves since this form's version: the version they reached and their changes, newest first.
  const [conflict, setConflict] = useState<{ version: number; saved: ProfileValues; changes: ChangeList } | null>(null);
  const client = useClient();
  const [saved, setSaved] = useState(false);
  const errors = apiErrors(result.error);

  useEffect(() => {
    if (!organization) return;
    if (values === null) {
      setValues(valuesOf(organization));
      setLoaded(valuesOf(organization));
      setBaseVersion(organization.version);
    }
  }, [organization]);

  if (!organization || !values || !loaded || baseVersion === null) return <p role="status">Hämtar …</p>;
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
      input: changedFields(loaded, values),
    });
    if (answer.data) {
      setBaseVersion(answer.data.updateOrganization.version);
      setLoaded(values);
      setConflict(null);
      setSaved(true);
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    const problem = apiErrors(answer.error);
    if (problem.code === 'CONFLICT') {
      // Read what is saved now; the user's edits stay in the form, to be saved over the new version. A
      // CONFLICT means a newer version is saved: an answer older than that came from a read that was
      // already under way (the client shares one read of a query among those who ask), so read again.
      let now: OwnOrganization | null = null;
      for (let attempt = 0; attempt < 3 && !(now && now.version > baseVersion); attempt++) {
        const current = await client.query(ProfileQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
        now = organizationOf(current.data);
      }
      if (now) setConflict({ version: now.version, saved: valuesOf(now), changes: now.history.slice(0, Math.max(now.version - baseVersion, 1)) });
    } else {
      const first = Object.keys(problem.fields)[0];
      if (first) focusField(`profile-${first}`);
    }
  };

  // What the user left alone takes the other change's value; what they changed stays theirs.
  const acceptNewVersion = () => {
    if (!conflict) return;
    const merged = Object.fromEntries(
      (Object.keys(values) as (keyof ProfileValues)[]).map((key) => [key, same(values[key], loaded[key]) ? conflict.saved[key] : values[key]]),
    ) as unknown as ProfileValues;
    setValues(merged);
    setLoaded(conflict.saved);
    setBaseVersion(conflict.version);
    setConflict(null);
  };

  return (
    <section aria-labelledby="profile-heading">
      <h1 id="profile-heading">{organization.name}</h1>
      <p class="lead">
        {organization.status === 'PENDING' ? 'Registreringen väntar på granskning. ' : ''}
        <a href={`/aktor/${id}`}>Visa den offentliga sidan</a>
      </p>
      {conflict ? (
        <>
          <ConflictNotice changes={conflict.changes} />
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
        <button type="submit" disabled={result.fetching || conflict !== null}>
          {result.fetching ? 'Sparar …' : 'Spara'}
        </button>
        <p role="status">{saved ? 'Sparat.' : ''}</p>
      </form>
    </section>
  );
}
