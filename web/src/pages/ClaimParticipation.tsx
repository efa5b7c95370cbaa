import { useMutation, useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { apiErrors } from '../forms/api-errors';
import { Field, focusField } from '../forms/Field';
import { fieldId, formErrors } from '../forms/field-errors';
import { claimingOrganization, useWriter } from '../forms/permissions';
import { RoleSelect } from '../forms/RoleSelect';
import { graphql } from '../gql';
import type { ParticipationRole } from '../gql/graphql';
import { roleLabel } from '../lib/labels';
import { useTitle } from '../lib/use-title';

const ClaimInitiativeQuery = graphql(`
  query ClaimInitiative($id: ID!) {
    initiative(id: $id) {
      id
      name
    }
  }
`);

const ClaimParticipation = graphql(`
  mutation ClaimParticipation($input: ClaimParticipationInput!) {
    claimParticipation(input: $input) {
      id
      role
      status
    }
  }
`);

/**
 * An association says that it takes part in an initiative. The claim waits until the initiative's lead, a
 * strategist of its kommun or an admin confirms it (in /granska).
 */
export function ClaimParticipationPage({ id }: { id: string }) {
  const [read] = useQuery({ query: ClaimInitiativeQuery, variables: { id } });
  const { writer, fetching } = useWriter();
  const [role, setRole] = useState('PARTNER');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [result, claim] = useMutation(ClaimParticipation);
  const errors = formErrors(apiErrors(result.error), {});
  const general = apiErrors(result.error).general;
  const initiative = read.data?.initiative;
  useTitle(initiative ? `Anmäl deltagande i ${initiative.name}` : 'Anmäl deltagande');

  if (!initiative || (fetching && !writer)) return <p role="status">{read.fetching || fetching ? 'Hämtar …' : 'Initiativet finns inte.'}</p>;
  if (!claimingOrganization(writer)) {
    return (
      <p>
        <a href={`/logga-in?till=/initiativ/${id}/anmal`}>Logga in</a> som förening för att anmäla att föreningen deltar.
      </p>
    );
  }
  const claimed = result.data?.claimParticipation;
  if (claimed) {
    return (
      <section aria-labelledby="claimed-heading">
        <h1 id="claimed-heading">Anmälan är skickad</h1>
        <p role="status">
          Föreningen är anmäld som {roleLabel[claimed.role]?.toLowerCase()} i {initiative.name}. Anmälan väntar på bekräftelse.
        </p>
        <p>
          <a href={`/initiativ/${id}`}>Tillbaka till initiativet</a>
        </p>
      </section>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await claim({ input: { initiativeId: id, role: role as ParticipationRole, ...(since ? { since } : {}), ...(until ? { until } : {}) } });
    const field = Object.keys(apiErrors(answer.error).fields)[0];
    if (field) focusField(fieldId('claim', field));
  };

  return (
    <section aria-labelledby="claim-heading">
      <h1 id="claim-heading">Anmäl deltagande i {initiative.name}</h1>
      <p class="lead">Anmälan visas för andra när initiativets projektägare eller kommunens strateg har bekräftat den.</p>
      <form class="form" noValidate onSubmit={submit}>
        <RoleSelect id="claim-role" label="Föreningens roll" value={role} onChange={setRole} error={errors.role} />
        <Field id="claim-since" label="Från" hint="År, år-månad eller datum." value={since} onInput={setSince} error={errors.since} />
        <Field id="claim-until" label="Till" value={until} onInput={setUntil} error={errors.until} />
        {general ? (
          <p class="status-error" role="alert">
            {general}
          </p>
        ) : null}
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Skickar …' : 'Anmäl deltagandet'}
        </button>
      </form>
    </section>
  );
}
