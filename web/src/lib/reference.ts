import { useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { graphql } from '../gql';

const ReferenceQuery = graphql(`
  query Reference {
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
  }
`);

export interface County {
  code: string;
  name: string;
}

/** The themes, kommuner and län that the filters offer, read once and kept by the client's cache. */
export function useReference() {
  const [result] = useQuery({ query: ReferenceQuery });
  return useMemo(() => {
    const themes = result.data?.themes ?? [];
    const municipalities = result.data?.municipalities ?? [];
    const counties = new Map<string, County>();
    for (const m of municipalities) counties.set(m.county.code, m.county);
    return {
      fetching: result.fetching,
      error: result.error,
      themes,
      municipalities,
      counties: [...counties.values()].sort((a, b) => a.code.localeCompare(b.code)),
    };
  }, [result]);
}
