import { useQuery } from '@urql/preact';
import { graphql } from '../gql';
import { OverlapItem } from './OverlapItem';
import { Status } from './Status';

// The API's overlaps take place and theme filters, not an initiative: the best pairs in this initiative's
// kommuner and themes are read, and those it is part of are shown.
const InitiativeOverlapsQuery = graphql(`
  query InitiativeOverlaps($filter: OverlapFilter!) {
    overlaps(filter: $filter, first: 60) {
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

interface Props {
  id: string;
  municipalities: string[];
  themes: string[];
}

export function InitiativeOverlaps({ id, municipalities, themes }: Props) {
  const paused = municipalities.length === 0 || themes.length === 0;
  const [result] = useQuery({
    query: InitiativeOverlapsQuery,
    variables: { filter: { municipalities, themes } },
    pause: paused,
  });
  const mine = (result.data?.overlaps ?? []).filter((o) => o.a.id === id || o.b.id === id);
  return (
    <section aria-labelledby="overlapp">
      <h2 id="overlapp">Överlappande initiativ</h2>
      <Status
        fetching={result.fetching}
        error={result.error}
        message={mine.length === 0 ? 'Inga överlappande initiativ hittades.' : `${mine.length} överlappande initiativ.`}
      />
      <ol class="card-list">
        {mine.map((o) => (
          <OverlapItem key={`${o.a.id}-${o.b.id}`} overlap={o} />
        ))}
      </ol>
    </section>
  );
}
