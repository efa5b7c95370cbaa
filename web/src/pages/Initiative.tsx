import { useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { History } from '../components/History';
import { PartnerSuggestions } from '../components/PartnerSuggestions';
import { Sources, type SourceData } from '../components/Sources';
import { Status } from '../components/Status';
import { Tags } from '../components/Tags';
import { InitiativeEditLinks } from '../forms/EditLinks';
import { graphql } from '../gql';
import { formatDate, formatPeriod, initiativeKindLabel, kindLabel, roleLabel } from '../lib/labels';
import { useTitle } from '../lib/use-title';
import { GraphBuilder } from '../map/graph-data';
import { LazyNetworkGraph } from '../map/LazyNetworkGraph';
import { InitiativeOverlaps } from '../components/InitiativeOverlaps';

const InitiativeQuery = graphql(`
  query InitiativePage($id: ID!) {
    initiative(id: $id) {
      id
      kind
      name
      description
      start
      end
      status
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
      participants {
        id
        role
        since
        until
        status
        actor {
          __typename
          id
          kind
          name
        }
        sources {
          ...SourceFields
        }
      }
      grants {
        id
        amount
        currency
        programme
        awarded
        funder {
          __typename
          id
          kind
          name
        }
        sources {
          ...SourceFields
        }
      }
      partOf {
        id
        kind
        name
      }
      parts {
        id
        kind
        name
        start
        end
      }
      events {
        id
        name
        date
        description
        municipalities {
          code
          name
        }
        sources {
          ...SourceFields
        }
      }
    }
  }
`);

const claimStatus: Record<string, string> = { CLAIMED: 'anmäld, inte bekräftad', REJECTED: 'avvisad' };

function money(amount: number, currency: string) {
  try {
    return amount.toLocaleString('sv-SE', { style: 'currency', currency, maximumFractionDigits: 0 });
  } catch {
    return `${amount.toLocaleString('sv-SE')} ${currency}`;
  }
}

export function InitiativePage({ id }: { id: string }) {
  const [result] = useQuery({ query: InitiativeQuery, variables: { id } });
  const initiative = result.data?.initiative;
  useTitle(initiative?.name ?? (result.fetching ? null : 'Initiativet finns inte'));

  const neighbourhood = useMemo(() => {
    if (!initiative) return null;
    const graph = new GraphBuilder();
    graph.addNode({ id: initiative.id, name: initiative.name, kind: initiative.kind, isInitiative: true });
    for (const p of initiative.participants) {
      graph.addNode({ id: p.actor.id, name: p.actor.name, kind: p.actor.kind, isInitiative: false });
      graph.addLink(initiative.id, p.actor.id);
    }
    for (const related of [...initiative.parts, ...(initiative.partOf ? [initiative.partOf] : [])]) {
      graph.addNode({ id: related.id, name: related.name, kind: related.kind, isInitiative: true });
      graph.addLink(initiative.id, related.id);
    }
    for (const g of initiative.grants) {
      graph.addNode({ id: g.funder.id, name: g.funder.name, kind: g.funder.kind, isInitiative: false });
      graph.addLink(initiative.id, g.funder.id);
    }
    return graph.build();
  }, [initiative]);

  if (!initiative) {
    return result.fetching || result.error ? (
      <Status fetching={result.fetching} error={result.error} />
    ) : (
      <>
        <h1>Initiativet finns inte</h1>
        <p>
          Det finns inget initiativ med den adressen som du kan se. <a href="/">Sök i stället</a>.
        </p>
      </>
    );
  }

  const roles = [...new Set(initiative.participants.map((p) => p.role))];
  return (
    <article>
      <p class="muted">{initiativeKindLabel[initiative.kind]}</p>
      <h1>{initiative.name}</h1>
      <InitiativeEditLinks initiative={initiative} />
      {initiative.status !== 'VERIFIED' && (
        <p class="status-error">{initiative.status === 'PENDING' ? 'Väntar på granskning.' : 'Avvisat vid granskning.'}</p>
      )}
      {initiative.description && <p class="lead">{initiative.description}</p>}
      <dl class="facts">
        <dt>Typ</dt>
        <dd>{initiativeKindLabel[initiative.kind]}</dd>
        <dt>Period</dt>
        <dd>{formatPeriod(initiative.start, initiative.end)}</dd>
        <dt>Teman</dt>
        <dd>
          <Tags items={initiative.themes.map((t) => t.label)} empty="Inga teman angivna" />
        </dd>
        <dt>Kommuner</dt>
        <dd>
          <Tags items={initiative.municipalities.map((m) => `${m.name} (${m.county.name})`)} empty="Inga kommuner angivna" />
        </dd>
        {initiative.partOf && (
          <>
            <dt>Del av</dt>
            <dd>
              <a href={`/initiativ/${initiative.partOf.id}`}>{initiative.partOf.name}</a>
            </dd>
          </>
        )}
      </dl>
      <Sources sources={initiative.sources as SourceData[]} label="Källor för initiativet" />

      <section aria-labelledby="deltagare">
        <h2 id="deltagare">Deltagare</h2>
        {roles.length === 0 && <p class="muted">Inga deltagare kända.</p>}
        {roles.map((role) => (
          <div key={role}>
            <h3>{roleLabel[role] ?? role}</h3>
            <ul class="card-list">
              {initiative.participants
                .filter((p) => p.role === role)
                .map((p) => (
                  <li key={p.id}>
                    <a href={`/aktor/${p.actor.id}`}>{p.actor.name}</a> <span class="muted">({kindLabel(p.actor.kind)})</span>
                    {(p.since || p.until) && <span> · {formatPeriod(p.since, p.until)}</span>}
                    {claimStatus[p.status] && <span class="muted"> · {claimStatus[p.status]}</span>}
                    <Sources sources={p.sources as SourceData[]} />
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="bidrag">
        <h2 id="bidrag">Bidrag</h2>
        {initiative.grants.length === 0 ? (
          <p class="muted">Inga bidrag kända.</p>
        ) : (
          <ul class="card-list">
            {initiative.grants.map((g) => (
              <li key={g.id}>
                <strong>{money(g.amount, g.currency)}</strong> från <a href={`/aktor/${g.funder.id}`}>{g.funder.name}</a>
                {g.programme && `, ${g.programme}`}
                {g.awarded && `, beviljat ${formatDate(g.awarded)}`}
                <Sources sources={g.sources as SourceData[]} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {initiative.parts.length > 0 && (
        <section aria-labelledby="delar">
          <h2 id="delar">Delar</h2>
          <ul class="card-list">
            {initiative.parts.map((part) => (
              <li key={part.id}>
                <a href={`/initiativ/${part.id}`}>{part.name}</a>{' '}
                <span class="muted">
                  ({initiativeKindLabel[part.kind]}, {formatPeriod(part.start, part.end)})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="handelser">
        <h2 id="handelser">Händelser</h2>
        {initiative.events.length === 0 ? (
          <p class="muted">Inga händelser kända.</p>
        ) : (
          <ol class="card-list">
            {initiative.events.map((e) => (
              <li key={e.id}>
                <strong>{e.name}</strong>
                {e.date && ` – ${formatDate(e.date)}`}
                {e.municipalities.length > 0 && <span class="muted"> ({e.municipalities.map((m) => m.name).join(', ')})</span>}
                {e.description && <p>{e.description}</p>}
                <Sources sources={e.sources as SourceData[]} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <InitiativeOverlaps id={initiative.id} />

      <PartnerSuggestions id={initiative.id} />

      <section aria-labelledby="karta">
        <h2 id="karta">Nätverket kring initiativet</h2>
        {neighbourhood && <LazyNetworkGraph data={neighbourhood} label={`Nätverket kring ${initiative.name}`} small />}
      </section>

      <section aria-labelledby="historik">
        <h2 id="historik">Historik</h2>
        <History id={initiative.id} />
      </section>
    </article>
  );
}
