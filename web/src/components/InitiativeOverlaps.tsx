import { useQuery } from '@urql/preact';
import { graphql } from '../gql';
import { OverlapItem } from './OverlapItem';
import { Status } from './Status';

/** The best pairs shown; an initiative in a big kommun may overlap hundreds of others. */
const SHOWN = 20;

const InitiativeOverlapsQuery = graphql(`
  query InitiativeOverlaps($id: ID!, $first: Int!) {
    overlaps(filter: { initiative: $id }, first: $first) {
      ...OverlapFields
    }
  }
`);

export const OverlapFields = graphql(`
  fragment OverlapFields on Overlap {
    score
    overlappingDays
    a {
      id
      name
      kind
    }
    b {
      id
      name
      kind
    }
    sharedThemes {
      key
      label
    }
    sharedMunicipalities {
      code
      name
    }
    sharedParticipants {
      id
      name
    }
  }
`);

export function InitiativeOverlaps({ id }: { id: string }) {
  const [result] = useQuery({ query: InitiativeOverlapsQuery, variables: { id, first: SHOWN } });
  const overlaps = result.data?.overlaps ?? [];
  return (
    <section aria-labelledby="overlapp">
      <h2 id="overlapp">Överlappande initiativ</h2>
      <Status
        fetching={result.fetching}
        error={result.error}
        message={overlapsMessage(overlaps.length)}
      />
      <ol class="card-list">
        {overlaps.map((o) => (
          <OverlapItem key={`${o.a.id}-${o.b.id}`} overlap={o} />
        ))}
      </ol>
    </section>
  );
}

function overlapsMessage(count: number): string {
  if (count === 0) return 'Inga överlappande initiativ hittades.';
  if (count === SHOWN) return `De ${SHOWN} initiativ som överlappar mest, bäst först.`;
  return `${count} överlappande initiativ, bäst först.`;
}
