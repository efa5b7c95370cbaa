import { useMutation, useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { ActorSearch } from '../forms/ActorSearch';
import { EditableItem } from '../forms/EditableItem';
import { apiErrors } from '../forms/api-errors';
import { Field, focusField } from '../forms/Field';
import { fieldId, formErrors } from '../forms/field-errors';
import { mayEditInitiative, useWriter } from '../forms/permissions';
import { SourceFields, emptySource, sourceInput, sourceProblems, type SourceValue } from '../forms/SourceFields';
import { graphql } from '../gql';
import { formatDate } from '../lib/labels';
import { useTitle } from '../lib/use-title';

const GrantsQuery = graphql(`
  query InitiativeGrants($id: ID!) {
    initiative(id: $id) {
      id
      name
      municipalities {
        code
      }
      participants(role: LEAD) {
        status
        actor {
          id
        }
      }
      grants {
        id
        amount
        currency
        programme
        awarded
        funder {
          id
          name
        }
      }
    }
  }
`);

const AddGrant = graphql(`
  mutation AddInitiativeGrant($input: AddGrantInput!) {
    addGrant(input: $input) {
      id
    }
  }
`);
const RemoveGrant = graphql(`
  mutation RemoveInitiativeGrant($id: ID!, $reason: String!) {
    removeGrant(id: $id, reason: $reason)
  }
`);
const UpdateGrant = graphql(`
  mutation UpdateInitiativeGrant($id: ID!, $input: UpdateGrantInput!) {
    updateGrant(id: $id, input: $input) {
      id
      amount
      currency
      programme
      awarded
    }
  }
`);

interface Grant {
  id: string;
  amount: number;
  currency: string;
  programme?: string | null;
  awarded?: string | null;
  funder: { id: string; name: string };
}

interface GrantValues {
  funder: { id: string; name: string } | null;
  amount: string;
  currency: string;
  programme: string;
  awarded: string;
}

/** An amount as a Swede writes it: spaces between thousands, a decimal comma. */
function parseAmount(text: string): number | null {
  const normalized = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  const amount = Number(normalized);
  return amount > 0 ? amount : null;
}

function problemsOf(values: GrantValues, source: SourceValue): Record<string, string> {
  const problems: Record<string, string> = { ...sourceProblems(source) };
  if (!values.funder) problems.funderId = 'Sök fram och välj finansiären.';
  if (parseAmount(values.amount) === null) problems.amount = 'Skriv beloppet med siffror, mer än 0, till exempel 250 000.';
  if (!/^[A-Za-z]{3}$/.test(values.currency.trim())) problems.currency = 'Skriv valutans tre bokstäver, till exempel SEK.';
  return problems;
}

const money = (grant: Grant) => `${grant.amount.toLocaleString('sv-SE')} ${grant.currency}`;

/** The money given to an initiative: grants added and corrected, each citing its source. */
export function GrantsPage({ id }: { id: string }) {
  const [read, refetch] = useQuery({ query: GrantsQuery, variables: { id }, requestPolicy: 'network-only' });
  const { writer, fetching } = useWriter();
  const initiative = read.data?.initiative;
  useTitle(initiative ? `Bidrag till ${initiative.name}` : 'Bidrag');
  if (!initiative || (fetching && !writer)) return <p role="status">{read.fetching || fetching ? 'Hämtar …' : 'Initiativet finns inte.'}</p>;
  const leadIds = initiative.participants.filter((p) => p.status === 'CONFIRMED').map((p) => p.actor.id);
  if (!mayEditInitiative(writer, { municipalities: initiative.municipalities.map((m) => m.code), leadIds })) {
    return (
      <p>
        Du kan inte ändra bidragen till det här initiativet. <a href={`/logga-in?till=/initiativ/${id}/bidrag`}>Logga in</a> med ett konto som får göra det.
      </p>
    );
  }
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section aria-labelledby="grants-heading">
      <h1 id="grants-heading">Bidrag till {initiative.name}</h1>
      <p class="lead">
        <a href={`/initiativ/${id}`}>Tillbaka till initiativet</a>
      </p>
      {initiative.grants.length === 0 ? <p class="muted">Inga bidrag kända.</p> : null}
      <ul class="review-list">
        {initiative.grants.map((grant) => (
          <GrantItem key={grant.id} grant={grant} initiativeId={id} onChanged={reload} />
        ))}
      </ul>
      <section aria-labelledby="add-grant-heading">
        <h2 id="add-grant-heading">Lägg till ett bidrag</h2>
        <GrantForm prefix="add-grant" initiativeId={id} grant={null} onSaved={reload} />
      </section>
    </section>
  );
}

function GrantItem({ grant, initiativeId, onChanged }: { grant: Grant; initiativeId: string; onChanged: () => void }) {
  const funder = grant.funder.name;
  return (
    <EditableItem
      id={grant.id}
      heading={
        <>
          {money(grant)} från <a href={`/aktor/${grant.funder.id}`}>{funder}</a>
        </>
      }
      summary={`${grant.programme ?? 'Inget program angivet'}${grant.awarded ? `, beviljat ${formatDate(grant.awarded)}` : ''}`}
      toggleLabel={`Ändra eller ta bort bidraget från ${funder}`}
      editForm={<GrantForm prefix={`grant-${grant.id}`} initiativeId={initiativeId} grant={grant} onSaved={onChanged} />}
      removal={{
        mutation: RemoveGrant,
        removed: (data) => data.removeGrant,
        fieldId: `remove-grant-${grant.id}-reason`,
        reasonLabel: 'Varför bidraget tas bort',
        formLabel: `Ta bort bidraget från ${funder}`,
        buttonLabel: `Ta bort bidraget från ${funder}`,
      }}
      onRemoved={onChanged}
    />
  );
}

/** One form for a new grant and for correcting one: a correction sends only what changed. */
function GrantForm({ prefix, initiativeId, grant, onSaved }: { prefix: string; initiativeId: string; grant: Grant | null; onSaved: () => void }) {
  const initial: GrantValues = {
    funder: grant?.funder ?? null,
    amount: grant ? String(grant.amount).replace('.', ',') : '',
    currency: grant?.currency ?? 'SEK',
    programme: grant?.programme ?? '',
    awarded: grant?.awarded ?? '',
  };
  const [values, setValues] = useState<GrantValues>(initial);
  const [source, setSource] = useState<SourceValue>(emptySource);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [added, add] = useMutation(AddGrant);
  const [updated, update] = useMutation(UpdateGrant);
  const [done, setDone] = useState('');
  const server = apiErrors(grant ? updated.error : added.error);
  const errors = formErrors(server, local);
  const busy = added.fetching || updated.fetching;
  const set = <K extends keyof GrantValues>(field: K) => (value: GrantValues[K]) => {
    setValues({ ...values, [field]: value });
    setDone('');
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems = problemsOf(values, source);
    setLocal(problems);
    const first = ['funderId', 'amount', 'currency', 'source.title', 'source.url'].find((field) => problems[field]);
    if (first) return focusField(first === 'funderId' ? `${prefix}-funder` : fieldId(prefix, first));
    const amount = parseAmount(values.amount)!;
    const currency = values.currency.trim().toUpperCase();
    const answer = grant
      ? await update({
          id: grant.id,
          input: {
            ...(values.funder!.id !== grant.funder.id ? { funderId: values.funder!.id } : {}),
            ...(amount !== grant.amount ? { amount } : {}),
            ...(currency !== grant.currency ? { currency } : {}),
            ...(values.programme !== initial.programme ? { programme: values.programme.trim() || null } : {}),
            ...(values.awarded !== initial.awarded ? { awarded: values.awarded.trim() || null } : {}),
            source: sourceInput(source),
          },
        })
      : await add({
          input: {
            initiativeId,
            funderId: values.funder!.id,
            amount,
            currency,
            ...(values.programme.trim() ? { programme: values.programme.trim() } : {}),
            ...(values.awarded.trim() ? { awarded: values.awarded.trim() } : {}),
            source: sourceInput(source),
          },
        });
    if (answer.data) {
      setDone(grant ? 'Sparat.' : 'Bidraget är tillagt.');
      if (!grant) setValues(initial);
      onSaved();
      return;
    }
    const field = Object.keys(apiErrors(answer.error).fields)[0];
    if (field) focusField(field === 'funderId' ? `${prefix}-funder` : fieldId(prefix, field));
  };

  return (
    <form class="form" noValidate onSubmit={submit} aria-label={grant ? `Ändra bidraget från ${grant.funder.name}` : 'Nytt bidrag'}>
      <ActorSearch id={`${prefix}-funder`} label="Finansiär" chosen={values.funder} onChoose={set('funder')} error={errors.funderId} />
      <Field id={`${prefix}-amount`} label="Belopp" required hint="Till exempel 250 000 eller 12 000,50." value={values.amount} onInput={set('amount')} error={errors.amount} />
      <Field id={`${prefix}-currency`} label="Valuta" required value={values.currency} onInput={set('currency')} error={errors.currency} />
      <Field id={`${prefix}-programme`} label="Bidragsprogram" value={values.programme} onInput={set('programme')} error={errors.programme} />
      <Field id={`${prefix}-awarded`} label="Beviljat" hint="År, år-månad eller datum." value={values.awarded} onInput={set('awarded')} error={errors.awarded} />
      <SourceFields idPrefix={prefix} value={source} onChange={setSource} errors={errors} />
      {server.general ? (
        <p class="status-error" role="alert">
          {server.general}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? 'Sparar …' : grant ? `Spara bidraget från ${grant.funder.name}` : 'Lägg till bidraget'}
      </button>
      <p role="status">{done}</p>
    </form>
  );
}
