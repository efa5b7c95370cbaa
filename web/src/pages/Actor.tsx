import { useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { History } from '../components/History';
import { PartnerSuggestions } from '../components/PartnerSuggestions';
import { Sources, type SourceData } from '../components/Sources';
import { Status } from '../components/Status';
import { Tags } from '../components/Tags';
import { OrganizationEditLinks } from '../forms/EditLinks';
import { graphql } from '../gql';
import { actorKindLabel, formatDate, formatPeriod, initiativeKindLabel, roleLabel } from '../lib/labels';
import { useTitle } from '../lib/use-title';
import { GraphBuilder } from '../map/graph-data';
import { LazyNetworkGraph } from '../map/LazyNetworkGraph';

const ActorQuery = graphql(`
  query ActorPage($id: ID!) {
    actor(id: $id) {
      __typename
      id
      kind
      name
      description
      themes {
        key
        label
      }
      municipalities {
        code
        name
        county {
          code
          name
        }
      }
      sources {
        ...SourceFields
      }
      participations {
        id
        role
        since
        until
        status
        sources {
          ...SourceFields
        }
        initiative {
          id
          kind
          name
          start
          end
        }
      }
      ... on Organization {
        organizationNumber
        status
        parent {
          id
          name
        }
        units {
          id
          name
        }
        contact {
          email
          phone
        }
      }
      ... on Person {
        title
        organization {
          id
          name
        }
        contact {
          email
          phone
        }
      }
    }
  }
`);

// Read apart from the profile: the initiatives' other participants and grants nest deep enough that one
// query with both would pass the API's cost limit.
const ActorNetworkQuery = graphql(`
  query ActorNetwork($id: ID!) {
    actor(id: $id) {
      id
      participations {
        initiative {
          id
          kind
          name
          grants {
            id
            amount
            currency
            programme
            awarded
            funder {
              id
            }
            sources {
              ...SourceFields
            }
          }
          participants {
            actor {
              id
              kind
              name
            }
          }
        }
      }
    }
  }
`);

const claimStatus: Record<string, string> = { CLAIMED: 'anmäld, inte bekräftad', REJECTED: 'avvisad' };

export function ActorPage({ id }: { id: string }) {
  const [result] = useQuery({ query: ActorQuery, variables: { id } });
  const [network] = useQuery({ query: ActorNetworkQuery, variables: { id } });
  const actor = result.data?.actor;
  const initiatives = network.data?.actor?.participations.map((p) => p.initiative) ?? [];
  useTitle(actor?.name ?? (result.fetching ? null : 'Aktören finns inte'));

  const neighbourhood = useMemo(() => {
    if (!actor) return null;
    const graph = new GraphBuilder();
    graph.addNode({ id: actor.id, name: actor.name, kind: actor.kind, isInitiative: false });
    for (const initiative of initiatives) {
      graph.addNode({ id: initiative.id, name: initiative.name, kind: initiative.kind, isInitiative: true });
      graph.addLink(actor.id, initiative.id);
      for (const other of initiative.participants) {
        graph.addNode({ id: other.actor.id, name: other.actor.name, kind: other.actor.kind, isInitiative: false });
        graph.addLink(initiative.id, other.actor.id);
      }
    }
    return graph.build();
  }, [actor, network.data]);

  if (!actor) {
    return result.fetching || result.error ? (
      <Status fetching={result.fetching} error={result.error} />
    ) : (
      <>
        <h1>Aktören finns inte</h1>
        <p>
          Det finns ingen aktör med den adressen som du kan se. <a href="/">Sök i stället</a>.
        </p>
      </>
    );
  }

  const grantsGiven = initiatives.flatMap((initiative) =>
    initiative.grants.filter((g) => g.funder.id === actor.id).map((g) => ({ ...g, initiative })),
  );
  const organization = actor.__typename === 'Organization' ? actor : null;
  const person = actor.__typename === 'Person' ? actor : null;
  const contact = organization?.contact ?? person?.contact;

  return (
    <article>
      <p class="muted">{actorKindLabel[actor.kind]}</p>
      <h1>{actor.name}</h1>
      {organization && <OrganizationEditLinks organization={organization} />}
      {organization && organization.status !== 'VERIFIED' && (
        <p class="status-error">{organization.status === 'PENDING' ? 'Väntar på granskning.' : 'Avvisad vid granskning.'}</p>
      )}
      {actor.description && <p class="lead">{actor.description}</p>}
      <dl class="facts">
        <dt>Typ</dt>
        <dd>{actorKindLabel[actor.kind]}</dd>
        {person?.title && (
          <>
            <dt>Titel</dt>
            <dd>{person.title}</dd>
          </>
        )}
        {person?.organization && (
          <>
            <dt>Organisation</dt>
            <dd>
              <a href={`/aktor/${person.organization.id}`}>{person.organization.name}</a>
            </dd>
          </>
        )}
        {organization?.organizationNumber && (
          <>
            <dt>Organisationsnummer</dt>
            <dd>{organization.organizationNumber}</dd>
          </>
        )}
        {organization?.parent && (
          <>
            <dt>Del av</dt>
            <dd>
              <a href={`/aktor/${organization.parent.id}`}>{organization.parent.name}</a>
            </dd>
          </>
        )}
        <dt>Teman</dt>
        <dd>
          <Tags items={actor.themes.map((t) => t.label)} empty="Inga teman angivna" />
        </dd>
        <dt>Kommuner</dt>
        <dd>
          <Tags items={actor.municipalities.map((m) => `${m.name} (${m.county.name})`)} empty="Inga kommuner angivna" />
        </dd>
        {contact && (contact.email || contact.phone) && (
          <>
            <dt>Kontakt</dt>
            <dd>
              {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
              {contact.email && contact.phone && ', '}
              {contact.phone && <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>}
            </dd>
          </>
        )}
      </dl>
      <Sources sources={actor.sources as SourceData[]} label="Källor för uppgifterna" />

      {organization && organization.units.length > 0 && (
        <section aria-labelledby="enheter">
          <h2 id="enheter">Enheter</h2>
          <ul class="card-list">
            {organization.units.map((u) => (
              <li key={u.id}>
                <a href={`/aktor/${u.id}`}>{u.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="initiativ">
        <h2 id="initiativ">Initiativ</h2>
        {actor.participations.length === 0 ? (
          <p class="muted">Inga initiativ kända.</p>
        ) : (
          <ul class="card-list">
            {actor.participations.map((p) => (
              <li key={p.id}>
                <a href={`/initiativ/${p.initiative.id}`}>{p.initiative.name}</a>{' '}
                <span class="muted">({initiativeKindLabel[p.initiative.kind]})</span> · {roleLabel[p.role] ?? p.role}
                {(p.since || p.until) && ` · ${formatPeriod(p.since, p.until)}`}
                {claimStatus[p.status] && <span class="muted"> · {claimStatus[p.status]}</span>}
                <Sources sources={p.sources as SourceData[]} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {grantsGiven.length > 0 && (
        <section aria-labelledby="bidrag">
          <h2 id="bidrag">Bidrag som aktören har gett</h2>
          <ul class="card-list">
            {grantsGiven.map((g) => (
              <li key={g.id}>
                <strong>{g.amount.toLocaleString('sv-SE')} {g.currency}</strong> till{' '}
                <a href={`/initiativ/${g.initiative.id}`}>{g.initiative.name}</a>
                {g.programme && `, ${g.programme}`}
                {g.awarded && `, beviljat ${formatDate(g.awarded)}`}
                <Sources sources={g.sources as SourceData[]} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <PartnerSuggestions id={actor.id} />

      <section aria-labelledby="karta">
        <h2 id="karta">Nätverket kring aktören</h2>
        {network.fetching && <p class="status">Hämtar nätverket …</p>}
        {neighbourhood && network.data && <LazyNetworkGraph data={neighbourhood} label={`Nätverket kring ${actor.name}`} small />}
      </section>

      <section aria-labelledby="historik">
        <h2 id="historik">Historik</h2>
        <History id={actor.id} />
      </section>
    </article>
  );
}
