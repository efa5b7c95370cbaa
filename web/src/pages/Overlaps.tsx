import { useQuery } from '@urql/preact';
import { useLocation } from 'preact-iso';
import { PlaceAndThemeFilters } from '../components/Filters';
import { OverlapItem } from '../components/OverlapItem';
import { Status } from '../components/Status';
import { graphql } from '../gql';
import { useTitle } from '../lib/use-title';

const OverlapsQuery = graphql(`
  query OverlapsPage($filter: OverlapFilter, $first: Int!) {
    overlaps(filter: $filter, first: $first) {
      ...OverlapFields
    }
  }
`);

const step = 20;
// The API's cost limit allows about this many pairs with all they share in one query.
const most = 60;

interface OverlapState {
  theme: string;
  county: string;
  municipality: string;
  activeOn: string;
  first: number;
}

function stateOf(query: Record<string, string>): OverlapState {
  const first = Number(query.antal);
  return {
    theme: query.tema ?? '',
    county: query.lan ?? '',
    municipality: query.kommun ?? '',
    activeOn: query.datum ?? '',
    first: Number.isInteger(first) && first >= step && first <= most ? first : step,
  };
}

function urlOf(state: OverlapState): string {
  const params = new URLSearchParams();
  if (state.theme) params.set('tema', state.theme);
  if (state.county) params.set('lan', state.county);
  if (state.municipality) params.set('kommun', state.municipality);
  if (state.activeOn) params.set('datum', state.activeOn);
  if (state.first !== step) params.set('antal', String(state.first));
  const search = params.toString();
  return search ? `/overlapp?${search}` : '/overlapp';
}

/** Initiatives from different families that work on the same themes in the same kommuner at the same time. */
export function OverlapsPage() {
  useTitle('Överlappande initiativ');
  const location = useLocation();
  const state = stateOf(location.query);
  const update = (next: Partial<OverlapState>) => location.route(urlOf({ ...state, first: step, ...next }), true);
  const filter = {
    ...(state.theme ? { themes: [state.theme] } : {}),
    ...(state.municipality ? { municipalities: [state.municipality] } : {}),
    ...(state.county ? { counties: [state.county] } : {}),
    ...(state.activeOn ? { activeOn: state.activeOn } : {}),
  };
  const [result] = useQuery({ query: OverlapsQuery, variables: { filter, first: state.first } });
  const overlaps = result.data?.overlaps ?? [];

  return (
    <>
      <h1>Överlappande initiativ</h1>
      <p class="lead">
        Par av initiativ som inte hör till samma familj men arbetar med samma teman i samma kommuner under samma tid.
        Överlappet går från 0 till 3: likheten i teman, likheten i kommuner och hur stor del av den kortare perioden
        de löper samtidigt.
      </p>
      <form class="search-form" aria-label="Filter för överlapp" onSubmit={(e) => e.preventDefault()}>
        <PlaceAndThemeFilters idPrefix="overlapp" value={state} onChange={(value) => update(value)}>
          <div class="field">
            <label for="overlapp-datum">Aktiva den</label>
            <input id="overlapp-datum" type="date" value={state.activeOn} onChange={(e) => update({ activeOn: e.currentTarget.value })} />
          </div>
        </PlaceAndThemeFilters>
      </form>
      <section aria-labelledby="par" class="results">
        <h2 id="par">Par</h2>
        <Status
          fetching={result.fetching}
          error={result.error}
          message={overlaps.length === 0 ? 'Inga överlappande initiativ med de här filtren.' : `${overlaps.length} par, störst överlapp först.`}
        />
        <ol class="card-list">
          {overlaps.map((o) => (
            <OverlapItem key={`${o.a.id}-${o.b.id}`} overlap={o} />
          ))}
        </ol>
        {overlaps.length === state.first && state.first < most && (
          <button type="button" class="secondary" onClick={() => location.route(urlOf({ ...state, first: state.first + step }), true)}>
            Visa fler par
          </button>
        )}
      </section>
    </>
  );
}
