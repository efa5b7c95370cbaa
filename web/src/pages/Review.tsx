import { useMutation, useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { apiErrors } from '../forms/api-errors';
import { useMe } from '../forms/session';
import { graphql } from '../gql';
import { useTitle } from '../lib/use-title';

const QueueQuery = graphql(`
  query ReviewQueue {
    reviewQueue(first: 50) {
      __typename
      ... on Organization {
        ...ReviewOrganization
        description
        contact {
          email
        }
      }
      ... on Initiative {
        id
        name
        themes {
          label
        }
        municipalities {
          name
        }
      }
      ... on Participation {
        role
        actor {
          id
          name
        }
        initiative {
          id
          name
        }
      }
    }
  }
  fragment ReviewOrganization on Organization {
    id
    name
    status
    organizationNumber
    themes {
      label
    }
    municipalities {
      name
    }
  }
`);

// A registration's possible duplicates are read one registration at a time: within the queue's query they
// would take it past the API's cost limit.
const DuplicatesQuery = graphql(`
  query PossibleDuplicates($id: ID!) {
    actor(id: $id) {
      ... on Organization {
        id
        possibleDuplicates {
          ...ReviewOrganization
        }
      }
    }
  }
`);

const ReviewRegistration = graphql(`
  mutation ReviewRegistration($id: ID!, $approve: Boolean!, $reason: String) {
    reviewRegistration(id: $id, approve: $approve, reason: $reason) {
      id
      status
    }
  }
`);
const ReviewInitiative = graphql(`
  mutation ReviewInitiative($id: ID!, $approve: Boolean!, $reason: String) {
    reviewInitiative(id: $id, approve: $approve, reason: $reason) {
      id
      status
    }
  }
`);
const ReviewParticipation = graphql(`
  mutation ReviewParticipation($actorId: ID!, $initiativeId: ID!, $confirm: Boolean!) {
    reviewParticipation(actorId: $actorId, initiativeId: $initiativeId, confirm: $confirm) {
      status
    }
  }
`);
const Merge = graphql(`
  mutation MergeOrganizations($keepId: ID!, $mergeId: ID!, $reason: String!) {
    mergeOrganizations(keepId: $keepId, mergeId: $mergeId, reason: $reason) {
      id
    }
  }
`);

interface OrganizationCard {
  id: string;
  name: string;
  status: string;
  organizationNumber?: string | null;
  description?: string | null;
  themes: { label: string }[];
  municipalities: { name: string }[];
  contact?: { email?: string | null } | null;
}

function OrganizationFacts({ organization, heading }: { organization: OrganizationCard; heading: string }) {
  return (
    <div class="review-card">
      <h3>
        {heading}: <a href={`/aktor/${organization.id}`}>{organization.name}</a>
      </h3>
      <dl class="facts">
        <dt>Organisationsnummer</dt>
        <dd>{organization.organizationNumber ?? '–'}</dd>
        <dt>Kommun</dt>
        <dd>{organization.municipalities.map((m) => m.name).join(', ') || '–'}</dd>
        <dt>Teman</dt>
        <dd>{organization.themes.map((t) => t.label).join(', ') || '–'}</dd>
        <dt>E-post</dt>
        <dd>{organization.contact?.email ?? '–'}</dd>
        <dt>Status</dt>
        <dd>{organization.status === 'PENDING' ? 'Väntar' : organization.status === 'VERIFIED' ? 'Godkänd' : 'Avslagen'}</dd>
      </dl>
      {organization.description ? <p>{organization.description}</p> : null}
    </div>
  );
}

interface DuplicateProps {
  registration: { id: string; name: string };
  busy: boolean;
  onMerge: (duplicate: { id: string; name: string }, reason: string) => void;
}

/** The organisations a registration may duplicate, each beside it, with a merge into the existing one. */
function PossibleDuplicates({ registration, busy, onMerge }: DuplicateProps) {
  const [result] = useQuery({ query: DuplicatesQuery, variables: { id: registration.id }, requestPolicy: 'network-only' });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const actor = result.data?.actor;
  const duplicates = actor && 'possibleDuplicates' in actor ? (actor.possibleDuplicates ?? []) : [];
  return (
    <>
      {duplicates.map((duplicate) => {
        const reason = reasons[duplicate.id] ?? '';
        return (
          <div key={duplicate.id}>
            <OrganizationFacts organization={duplicate} heading="Möjlig dubblett" />
            <div class="field">
              <label for={`merge-${registration.id}-${duplicate.id}`}>Varför de är samma organisation</label>
              <input id={`merge-${registration.id}-${duplicate.id}`} value={reason} onInput={(e) => setReasons({ ...reasons, [duplicate.id]: e.currentTarget.value })} />
            </div>
            <button type="button" class="secondary" disabled={busy || reason.trim().length < 3} onClick={() => onMerge(duplicate, reason)}>
              Slå ihop {registration.name} med {duplicate.name}
            </button>
          </div>
        );
      })}
    </>
  );
}

/** Approve or reject with a reason; a rejection must say why. */
function Decision({ id, label, onDecide, busy }: { id: string; label: string; onDecide: (approve: boolean, reason: string) => void; busy: boolean }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div class="decision">
      <div class="field">
        <label for={`reason-${id}`}>Motivering (krävs vid avslag)</label>
        <input id={`reason-${id}`} value={reason} onInput={(e) => setReason(e.currentTarget.value)} aria-describedby={problem ? `reason-${id}-error` : undefined} />
        {problem ? (
          <span id={`reason-${id}-error`} class="field-error">
            {problem}
          </span>
        ) : null}
      </div>
      <div class="buttons">
        <button type="button" disabled={busy} onClick={() => onDecide(true, reason)}>
          Godkänn {label}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() => (reason.trim().length < 3 ? setProblem('Skriv varför, minst 3 tecken.') : onDecide(false, reason))}
        >
          Avslå {label}
        </button>
      </div>
    </div>
  );
}

/** The strategist's queue: registrations, initiatives and claims awaiting a decision, oldest first. */
export function ReviewPage() {
  useTitle('Granska');
  const { me } = useMe();
  const [queue, refetch] = useQuery({ query: QueueQuery, requestPolicy: 'network-only', pause: !me });
  const [registration, reviewRegistration] = useMutation(ReviewRegistration);
  const [initiative, reviewInitiative] = useMutation(ReviewInitiative);
  const [participation, reviewParticipation] = useMutation(ReviewParticipation);
  const [merge, mergeOrganizations] = useMutation(Merge);
  const [done, setDone] = useState('');
  const busy = registration.fetching || initiative.fetching || participation.fetching || merge.fetching;
  const problem = apiErrors(queue.error ?? registration.error ?? initiative.error ?? participation.error ?? merge.error);

  if (!me) {
    return (
      <p>
        <a href="/logga-in?till=/granska">Logga in</a> som strateg för att granska.
      </p>
    );
  }
  const after = (message: string) => (answer: { error?: unknown }) => {
    if (!answer.error) setDone(message);
    refetch({ requestPolicy: 'network-only' });
  };
  const items = queue.data?.reviewQueue ?? [];

  return (
    <section aria-labelledby="review-heading">
      <h1 id="review-heading">Granska</h1>
      <p class="lead">Det som väntar på beslut i dina kommuner, äldst först.</p>
      <p role="status">{queue.fetching ? 'Hämtar …' : done || `${items.length} att granska`}</p>
      {problem.general ? (
        <p class="status-error" role="alert">
          {problem.general}
        </p>
      ) : null}
      <p>
        <a href="/initiativ/ny">Nytt initiativ</a> · <a href="/organisation/ny">Ny organisation</a>
      </p>
      <ol class="review-list">
        {items.map((item) => {
          if (item.__typename === 'Organization') {
            return (
              <li key={item.id} class="review-item">
                <h2>Registrering: {item.name}</h2>
                <div class="side-by-side">
                  <OrganizationFacts organization={item} heading="Ny" />
                  <PossibleDuplicates
                    registration={item}
                    busy={busy}
                    onMerge={(duplicate, reason) =>
                      mergeOrganizations({ keepId: duplicate.id, mergeId: item.id, reason }).then(after(`${item.name} slogs ihop med ${duplicate.name}.`))
                    }
                  />
                </div>
                <Decision
                  id={item.id}
                  label={item.name}
                  busy={busy}
                  onDecide={(approve, reason) =>
                    reviewRegistration({ id: item.id, approve, reason: reason || null }).then(after(`${item.name} ${approve ? 'godkändes' : 'avslogs'}.`))
                  }
                />
              </li>
            );
          }
          if (item.__typename === 'Initiative') {
            return (
              <li key={item.id} class="review-item">
                <h2>
                  Initiativ: <a href={`/initiativ/${item.id}`}>{item.name}</a>
                </h2>
                <p>
                  {item.municipalities.map((m) => m.name).join(', ')} · {item.themes.map((t) => t.label).join(', ')}
                </p>
                <Decision
                  id={item.id}
                  label={item.name}
                  busy={busy}
                  onDecide={(approve, reason) =>
                    reviewInitiative({ id: item.id, approve, reason: reason || null }).then(after(`${item.name} ${approve ? 'godkändes' : 'avslogs'}.`))
                  }
                />
              </li>
            );
          }
          if (item.__typename === 'Participation') {
            const key = `${item.actor.id}-${item.initiative.id}`;
            return (
              <li key={key} class="review-item">
                <h2>
                  Anspråk: {item.actor.name} i {item.initiative.name}
                </h2>
                <div class="buttons">
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => reviewParticipation({ actorId: item.actor.id, initiativeId: item.initiative.id, confirm: true }).then(after('Deltagandet bekräftades.'))}
                  >
                    Bekräfta {item.actor.name}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    disabled={busy}
                    onClick={() => reviewParticipation({ actorId: item.actor.id, initiativeId: item.initiative.id, confirm: false }).then(after('Deltagandet avslogs.'))}
                  >
                    Avslå {item.actor.name}
                  </button>
                </div>
              </li>
            );
          }
          return null;
        })}
      </ol>
    </section>
  );
}
