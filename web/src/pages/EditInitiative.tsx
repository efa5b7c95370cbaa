import { useClient, useMutation, useQuery } from '@urql/preact';
import { useMemo, useState } from 'preact/hooks';
import { apiErrors } from '../forms/api-errors';
import { nameProblem } from '../forms/checks';
import { ConflictPanel } from '../forms/ConflictPanel';
import { emptiedAsNull, useVersionedEdit, type Versioned } from '../forms/edit-state';
import { Field } from '../forms/Field';
import { formErrors } from '../forms/field-errors';
import { MunicipalitiesField } from '../forms/MunicipalitiesField';
import { ThemePicker } from '../forms/Pickers';
import { mayEditInitiative, useWriter } from '../forms/permissions';
import { SourceFields, emptySource, sourceInput, sourceProblems, type SourceValue } from '../forms/SourceFields';
import { graphql } from '../gql';
import type { EditInitiativeQuery, InitiativeKind } from '../gql/graphql';
import { initiativeKindLabel, initiativeKinds } from '../lib/labels';
import { useTitle } from '../lib/use-title';

const EditInitiativeQuery = graphql(`
  query EditInitiative($id: ID!) {
    initiative(id: $id) {
      id
      kind
      name
      description
      start
      end
      version
      themes {
        key
      }
      municipalities {
        code
      }
      participants(role: LEAD) {
        status
        actor {
          id
        }
      }
      history(first: 20) {
        ...ChangeFields
      }
    }
  }
`);

const UpdateInitiative = graphql(`
  mutation UpdateInitiative($id: ID!, $input: UpdateInitiativeInput!, $expectedVersion: Int) {
    updateInitiative(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      version
    }
  }
`);

interface InitiativeValues {
  name: string;
  kind: InitiativeKind;
  description: string;
  start: string;
  end: string;
  themes: string[];
  municipalities: string[];
}

type Initiative = NonNullable<EditInitiativeQuery['initiative']>;

function versioned(initiative: Initiative): Versioned<InitiativeValues> {
  return {
    version: initiative.version,
    values: {
      name: initiative.name,
      kind: initiative.kind,
      description: initiative.description ?? '',
      start: initiative.start ?? '',
      end: initiative.end ?? '',
      themes: initiative.themes.map((t) => t.key),
      municipalities: initiative.municipalities.map((m) => m.code),
    },
    // The initiative's own changes: its history also tells of the participations and grants in it.
    changes: initiative.history.filter((change) => change.fields.length > 0 && /Initiative$/.test(change.action)),
  };
}

/** A strategist, an admin, or the association that leads it changes an initiative, citing the source of the change. */
export function EditInitiativePage({ id }: { id: string }) {
  const [read] = useQuery({ query: EditInitiativeQuery, variables: { id }, requestPolicy: 'network-only' });
  const { writer, fetching } = useWriter();
  const initiative = read.data?.initiative;
  useTitle(initiative ? `Ändra ${initiative.name}` : 'Ändra initiativ');
  if (!initiative || (fetching && !writer)) return <p role="status">{read.fetching || fetching ? 'Hämtar …' : 'Initiativet finns inte.'}</p>;
  const leadIds = initiative.participants.filter((p) => p.status === 'CONFIRMED').map((p) => p.actor.id);
  if (!mayEditInitiative(writer, { municipalities: initiative.municipalities.map((m) => m.code), leadIds })) {
    return (
      <p>
        Du kan inte ändra det här initiativet. <a href={`/logga-in?till=/initiativ/${id}/andra`}>Logga in</a> med ett konto som får göra det.
      </p>
    );
  }
  return <InitiativeForm initiative={initiative} />;
}

function InitiativeForm({ initiative }: { initiative: Initiative }) {
  const id = initiative.id;
  const client = useClient();
  const current = useMemo(() => versioned(initiative), [initiative]);
  const edit = useVersionedEdit(current);
  const { writer } = useWriter();
  const [source, setSource] = useState<SourceValue>(emptySource);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [result, update] = useMutation(UpdateInitiative);
  const [saved, setSaved] = useState(false);
  const server = apiErrors(result.error);
  const errors = formErrors(server, local);
  const { values } = edit;
  if (!values || edit.baseVersion === null) return <p role="status">Hämtar …</p>;
  const set = <K extends keyof InitiativeValues>(field: K) => (value: InitiativeValues[K]) => {
    edit.setValues({ ...values, [field]: value });
    setSaved(false);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = { ...sourceProblems(source) };
    const nameIssue = nameProblem(values.name);
    if (nameIssue) problems.name = nameIssue;
    if (values.municipalities.length === 0) problems.municipalities = 'Välj minst en kommun.';
    setLocal(problems);
    const done = await edit.save({
      formId: 'edit-initiative',
      problems,
      fieldOrder: ['name', 'municipalities', 'source.title', 'source.url'],
      write: async (changed, expectedVersion) => {
        const input = { ...emptiedAsNull(changed, ['description', 'start', 'end']), source: sourceInput(source) };
        const answer = await update({ id, expectedVersion, input });
        return { version: answer.data?.updateInitiative.version, error: answer.error };
      },
      read: async () => {
        const now = await client.query(EditInitiativeQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
        return now.data?.initiative ? versioned(now.data.initiative) : null;
      },
    });
    if (done) setSaved(true);
  };

  return (
    <section aria-labelledby="edit-initiative-heading">
      <h1 id="edit-initiative-heading">Ändra {initiative.name}</h1>
      <p class="lead">
        <a href={`/initiativ/${id}`}>Tillbaka till initiativet</a> · <a href={`/initiativ/${id}/deltagare`}>Deltagare</a> ·{' '}
        <a href={`/initiativ/${id}/bidrag`}>Bidrag</a>
      </p>
      {edit.conflict ? <ConflictPanel changes={edit.conflict.changes} onAccept={edit.acceptNewVersion} /> : null}
      <form class="form" noValidate onSubmit={save}>
        <Field id="edit-initiative-name" label="Initiativets namn" required value={values.name} onInput={set('name')} error={errors.name} />
        <div class="field">
          <label for="edit-initiative-kind">Typ</label>
          <select id="edit-initiative-kind" value={values.kind} onChange={(e) => set('kind')(e.currentTarget.value as InitiativeKind)}>
            {initiativeKinds.map((kind) => (
              <option key={kind} value={kind}>
                {initiativeKindLabel[kind]}
              </option>
            ))}
          </select>
        </div>
        <Field id="edit-initiative-description" label="Beskrivning" multiline value={values.description} onInput={set('description')} error={errors.description} />
        <Field id="edit-initiative-start" label="Start" hint="År, år-månad eller datum: 2025, 2025-08, 2025-08-15." value={values.start} onInput={set('start')} error={errors.start} />
        <Field id="edit-initiative-end" label="Slut" value={values.end} onInput={set('end')} error={errors.end} />
        <ThemePicker id="edit-initiative-themes" selected={values.themes} onChange={set('themes')} error={errors.themes} />
        <MunicipalitiesField
          id="edit-initiative-municipalities"
          selected={values.municipalities}
          onChange={set('municipalities')}
          error={errors.municipalities}
          {...(writer?.role === 'STRATEGIST' ? { only: writer.municipalities.map((m) => m.code) } : {})}
        />
        <SourceFields idPrefix="edit-initiative" value={source} onChange={setSource} errors={errors} />
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
