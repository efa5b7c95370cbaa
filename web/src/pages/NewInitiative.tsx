import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { ActorSearch } from '../forms/ActorSearch';
import { apiErrors } from '../forms/api-errors';
import { nameProblem } from '../forms/checks';
import { Field, focusField } from '../forms/Field';
import { MunicipalityPicker, ThemePicker } from '../forms/Pickers';
import { useMe } from '../forms/session';
import { SourceFields, emptySource, sourceInput, sourceProblems, type SourceValue } from '../forms/SourceFields';
import { graphql } from '../gql';
import { useTitle } from '../lib/use-title';

const CreateInitiative = graphql(`
  mutation CreateInitiative($input: CreateInitiativeInput!) {
    createInitiative(input: $input) {
      id
      name
      sources {
        id
      }
    }
  }
`);
const AddParticipation = graphql(`
  mutation AddParticipation($input: AddParticipationInput!) {
    addParticipation(input: $input) {
      status
    }
  }
`);

const kinds = [
  ['PROJECT', 'Projekt'],
  ['PROGRAMME', 'Program'],
  ['AGREEMENT', 'Överenskommelse'],
  ['DECLARATION', 'Avsiktsförklaring'],
  ['NETWORK', 'Nätverk'],
  ['ACTIVITY', 'Aktivitet'],
] as const;
const roles = [
  ['LEAD', 'Huvudman'],
  ['PARTNER', 'Partner'],
  ['CO_APPLICANT', 'Medsökande'],
  ['FUNDER', 'Finansiär'],
  ['IMPLEMENTING', 'Genomförare'],
] as const;

interface Partner {
  actor: { id: string; name: string } | null;
  role: string;
}

/** A strategist records an initiative with the organisations in it, each fact citing its source. */
export function NewInitiativePage() {
  useTitle('Nytt initiativ');
  const { me } = useMe();
  const [name, setName] = useState('');
  const [kind, setKind] = useState('PROJECT');
  const [description, setDescription] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [themes, setThemes] = useState<string[]>([]);
  const [municipality, setMunicipality] = useState('');
  const [partners, setPartners] = useState<Partner[]>([{ actor: null, role: 'LEAD' }, { actor: null, role: 'PARTNER' }]);
  const [source, setSource] = useState<SourceValue>(emptySource);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [created, create] = useMutation(CreateInitiative);
  const [added, addParticipation] = useMutation(AddParticipation);
  const [done, setDone] = useState<{ id: string; name: string } | null>(null);
  const server = apiErrors(created.error ?? added.error);
  const errors = { ...server.fields, ...local };

  if (!me) {
    return (
      <p>
        <a href="/logga-in?till=/initiativ/ny">Logga in</a> för att lägga till ett initiativ.
      </p>
    );
  }
  if (done) {
    return (
      <section aria-labelledby="created-heading">
        <h1 id="created-heading">{done.name} är sparat</h1>
        <p role="status">
          <a href={`/initiativ/${done.id}`}>Visa {done.name}</a>
        </p>
        <p>
          <a href="/overlapp">Se överlappande initiativ</a> · <a href="/karta">Visa kartan</a>
        </p>
      </section>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = { ...sourceProblems(source) };
    const nameIssue = nameProblem(name);
    if (nameIssue) problems.name = nameIssue;
    if (themes.length === 0) problems.themes = 'Välj minst ett tema.';
    if (!municipality) problems.municipalities = 'Välj en kommun.';
    setLocal(problems);
    const first = ['name', 'themes', 'municipalities', 'source.title', 'source.url'].find((field) => problems[field]);
    if (first) return focusField(`initiative-${first.replace('source.', 'source-')}`);

    const answer = await create({
      input: {
        kind: kind as never,
        name,
        description: description || null,
        ...(start ? { start } : {}),
        ...(end ? { end } : {}),
        themes,
        municipalities: [municipality],
        source: sourceInput(source),
      },
    });
    if (!answer.data) {
      const field = Object.keys(apiErrors(answer.error).fields)[0];
      if (field) focusField(`initiative-${field.replace('source.', 'source-').replace(/\[\d+\]$/, '')}`);
      return;
    }
    const initiative = answer.data.createInitiative;
    const sourceId = initiative.sources[0]?.id;
    for (const partner of partners) {
      if (!partner.actor) continue;
      const joined = await addParticipation({
        input: { actorId: partner.actor.id, initiativeId: initiative.id, role: partner.role as never, source: sourceId ? { id: sourceId } : sourceInput(source) },
      });
      if (joined.error) return;
    }
    setDone({ id: initiative.id, name: initiative.name });
  };

  return (
    <section aria-labelledby="initiative-heading">
      <h1 id="initiative-heading">Nytt initiativ</h1>
      <form class="form" noValidate onSubmit={submit}>
        <Field id="initiative-name" label="Initiativets namn" required value={name} onInput={setName} error={errors.name} />
        <div class="field">
          <label for="initiative-kind">Typ</label>
          <select id="initiative-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            {kinds.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Field id="initiative-description" label="Beskrivning" multiline value={description} onInput={setDescription} error={errors.description} />
        <Field id="initiative-start" label="Start" hint="År, år-månad eller datum: 2025, 2025-08, 2025-08-15." value={start} onInput={setStart} error={errors.start} />
        <Field id="initiative-end" label="Slut" value={end} onInput={setEnd} error={errors.end} />
        <ThemePicker id="initiative-themes" selected={themes} onChange={setThemes} error={errors.themes} />
        <MunicipalityPicker
          id="initiative-municipalities"
          value={municipality}
          onChange={setMunicipality}
          error={errors.municipalities}
          {...(me.role === 'STRATEGIST' ? { only: me.municipalities.map((m) => m.code) } : {})}
        />
        <fieldset>
          <legend>Deltagare</legend>
          {partners.map((partner, index) => (
            <div key={index} class="participant">
              <ActorSearch
                id={`initiative-partner-${index}`}
                label={index === 0 ? 'Huvudman' : `Partner ${index}`}
                chosen={partner.actor}
                onChoose={(actor) => setPartners(partners.map((p, i) => (i === index ? { ...p, actor } : p)))}
              />
              <div class="field">
                <label for={`initiative-role-${index}`}>Roll för deltagare {index + 1}</label>
                <select id={`initiative-role-${index}`} value={partner.role} onChange={(e) => setPartners(partners.map((p, i) => (i === index ? { ...p, role: e.currentTarget.value } : p)))}>
                  {roles.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => setPartners([...partners, { actor: null, role: 'PARTNER' }])}>
            Lägg till deltagare
          </button>
        </fieldset>
        <SourceFields idPrefix="initiative" value={source} onChange={setSource} errors={errors} />
        {server.general ? (
          <p class="status-error" role="alert">
            {server.general}
          </p>
        ) : null}
        <button type="submit" disabled={created.fetching || added.fetching}>
          {created.fetching || added.fetching ? 'Sparar …' : 'Spara initiativet'}
        </button>
      </form>
    </section>
  );
}
