import { useMutation, useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { ActorSearch } from '../forms/ActorSearch';
import { EditableItem } from '../forms/EditableItem';
import { apiErrors } from '../forms/api-errors';
import { Field, focusField } from '../forms/Field';
import { fieldId, formErrors } from '../forms/field-errors';
import { mayEditInitiative, useWriter } from '../forms/permissions';
import { RoleSelect } from '../forms/RoleSelect';
import { SourceFields, emptySource, sourceInput, sourceProblems, type SourceValue } from '../forms/SourceFields';
import { graphql } from '../gql';
import type { ParticipationRole } from '../gql/graphql';
import { formatPeriod, roleLabel } from '../lib/labels';
import { useTitle } from '../lib/use-title';

const ParticipationsQuery = graphql(`
  query InitiativeParticipations($id: ID!) {
    initiative(id: $id) {
      id
      name
      municipalities {
        code
      }
      participants {
        id
        role
        since
        until
        status
        actor {
          id
          name
        }
      }
    }
  }
`);

const AddParticipation = graphql(`
  mutation AddInitiativeParticipation($input: AddParticipationInput!) {
    addParticipation(input: $input) {
      id
      status
    }
  }
`);
const UpdateParticipation = graphql(`
  mutation UpdateInitiativeParticipation($id: ID!, $input: UpdateParticipationInput!) {
    updateParticipation(id: $id, input: $input) {
      id
      role
      since
      until
      status
    }
  }
`);
const RemoveParticipation = graphql(`
  mutation RemoveInitiativeParticipation($id: ID!, $reason: String!) {
    removeParticipation(id: $id, reason: $reason)
  }
`);

const statusLabel: Record<string, string> = { CONFIRMED: 'bekräftad', CLAIMED: 'anmäld, inte bekräftad', REJECTED: 'avvisad' };

interface Participant {
  id: string;
  role: ParticipationRole;
  since?: string | null;
  until?: string | null;
  status: string;
  actor: { id: string; name: string };
}

/** Who takes part in an initiative, in which role and when: added, changed and removed, each change citing its source. */
export function ParticipationsPage({ id }: { id: string }) {
  const [read, refetch] = useQuery({ query: ParticipationsQuery, variables: { id }, requestPolicy: 'network-only' });
  const { writer, fetching } = useWriter();
  const initiative = read.data?.initiative;
  useTitle(initiative ? `Deltagare i ${initiative.name}` : 'Deltagare');
  if (!initiative || (fetching && !writer)) return <p role="status">{read.fetching || fetching ? 'Hämtar …' : 'Initiativet finns inte.'}</p>;
  const leadIds = initiative.participants.filter((p) => p.role === 'LEAD' && p.status === 'CONFIRMED').map((p) => p.actor.id);
  if (!mayEditInitiative(writer, { municipalities: initiative.municipalities.map((m) => m.code), leadIds })) {
    return (
      <p>
        Du kan inte ändra deltagarna i det här initiativet. <a href={`/logga-in?till=/initiativ/${id}/deltagare`}>Logga in</a> med ett konto som får göra det.
      </p>
    );
  }
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section aria-labelledby="participations-heading">
      <h1 id="participations-heading">Deltagare i {initiative.name}</h1>
      <p class="lead">
        <a href={`/initiativ/${id}`}>Tillbaka till initiativet</a> · <a href={`/initiativ/${id}/andra`}>Ändra initiativet</a>
      </p>
      <ul class="review-list">
        {initiative.participants.map((participant) => (
          <ParticipantItem key={participant.id} participant={participant} onChanged={reload} />
        ))}
      </ul>
      <AddParticipationForm initiativeId={id} onAdded={reload} />
    </section>
  );
}

function ParticipantItem({ participant, onChanged }: { participant: Participant; onChanged: () => void }) {
  const name = participant.actor.name;
  return (
    <EditableItem
      id={participant.id}
      heading={<a href={`/aktor/${participant.actor.id}`}>{name}</a>}
      summary={`${roleLabel[participant.role]} · ${formatPeriod(participant.since, participant.until)} · ${statusLabel[participant.status] ?? participant.status}`}
      toggleLabel={`Ändra eller ta bort ${name}`}
      editForm={<EditParticipationForm participant={participant} onSaved={onChanged} />}
      removal={{
        mutation: RemoveParticipation,
        removed: (data) => data.removeParticipation,
        fieldId: `remove-${participant.id}-reason`,
        reasonLabel: 'Varför deltagandet tas bort',
        formLabel: `Ta bort ${name}`,
        buttonLabel: `Ta bort ${name} ur initiativet`,
      }}
      onRemoved={onChanged}
    />
  );
}

function EditParticipationForm({ participant, onSaved }: { participant: Participant; onSaved: () => void }) {
  const prefix = `participation-${participant.id}`;
  const [role, setRole] = useState<string>(participant.role);
  const [since, setSince] = useState(participant.since ?? '');
  const [until, setUntil] = useState(participant.until ?? '');
  const [source, setSource] = useState<SourceValue>(emptySource);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [result, update] = useMutation(UpdateParticipation);
  const [saved, setSaved] = useState(false);
  const server = apiErrors(result.error);
  const errors = formErrors(server, local);

  const save = async (event: Event) => {
    event.preventDefault();
    const problems = sourceProblems(source);
    setLocal(problems);
    const first = Object.keys(problems)[0];
    if (first) return focusField(fieldId(prefix, first));
    const answer = await update({
      id: participant.id,
      input: {
        ...(role !== participant.role ? { role: role as ParticipationRole } : {}),
        ...(since !== (participant.since ?? '') ? { since: since || null } : {}),
        ...(until !== (participant.until ?? '') ? { until: until || null } : {}),
        source: sourceInput(source),
      },
    });
    if (answer.data) {
      setSaved(true);
      onSaved();
      return;
    }
    const field = Object.keys(apiErrors(answer.error).fields)[0];
    if (field) focusField(fieldId(prefix, field));
  };

  return (
    <form class="form" noValidate onSubmit={save} aria-label={`Ändra ${participant.actor.name}`}>
      <RoleSelect id={`${prefix}-role`} value={role} onChange={setRole} error={errors.role} />
      <Field id={`${prefix}-since`} label="Från" hint="År, år-månad eller datum." value={since} onInput={setSince} error={errors.since} />
      <Field id={`${prefix}-until`} label="Till" value={until} onInput={setUntil} error={errors.until} />
      <SourceFields idPrefix={prefix} value={source} onChange={setSource} errors={errors} />
      {server.general ? (
        <p class="status-error" role="alert">
          {server.general}
        </p>
      ) : null}
      <button type="submit" disabled={result.fetching}>
        {result.fetching ? 'Sparar …' : `Spara ändringen av ${participant.actor.name}`}
      </button>
      <p role="status">{saved ? 'Sparat.' : ''}</p>
    </form>
  );
}

function AddParticipationForm({ initiativeId, onAdded }: { initiativeId: string; onAdded: () => void }) {
  const prefix = 'add-participation';
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const [role, setRole] = useState('PARTNER');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [source, setSource] = useState<SourceValue>(emptySource);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [result, add] = useMutation(AddParticipation);
  const [added, setAdded] = useState('');
  const server = apiErrors(result.error);
  const errors = formErrors(server, local);

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = { ...sourceProblems(source) };
    if (!actor) problems.actorId = 'Sök fram och välj organisationen.';
    setLocal(problems);
    const first = ['actorId', 'source.title', 'source.url'].find((field) => problems[field]);
    if (first) return focusField(first === 'actorId' ? `${prefix}-actor` : fieldId(prefix, first));
    const answer = await add({
      input: {
        actorId: actor!.id,
        initiativeId,
        role: role as ParticipationRole,
        ...(since ? { since } : {}),
        ...(until ? { until } : {}),
        source: sourceInput(source),
      },
    });
    if (answer.data) {
      setAdded(`${actor!.name} är tillagd.`);
      setActor(null);
      onAdded();
      return;
    }
    const field = Object.keys(apiErrors(answer.error).fields)[0];
    if (field) focusField(field === 'actorId' ? `${prefix}-actor` : fieldId(prefix, field));
  };

  return (
    <section aria-labelledby="add-participation-heading">
      <h2 id="add-participation-heading">Lägg till en deltagare</h2>
      <form class="form" noValidate onSubmit={submit}>
        <ActorSearch id={`${prefix}-actor`} label="Organisation" chosen={actor} onChoose={setActor} error={errors.actorId} />
        <RoleSelect id={`${prefix}-role`} value={role} onChange={setRole} error={errors.role} />
        <Field id={`${prefix}-since`} label="Från" hint="År, år-månad eller datum." value={since} onInput={setSince} error={errors.since} />
        <Field id={`${prefix}-until`} label="Till" value={until} onInput={setUntil} error={errors.until} />
        <SourceFields idPrefix={prefix} value={source} onChange={setSource} errors={errors} />
        {server.general ? (
          <p class="status-error" role="alert">
            {server.general}
          </p>
        ) : null}
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Sparar …' : 'Lägg till deltagaren'}
        </button>
        <p role="status">{added}</p>
      </form>
    </section>
  );
}
