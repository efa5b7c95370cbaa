import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { PlaceAndThemeFilters, type PlaceAndThemeFilter } from '../components/Filters';
import { FilteredResults } from '../components/FilteredResults';
import { RankedResults } from '../components/RankedResults';
import { actorKindLabel, actorKinds, initiativeKindLabel, initiativeKinds } from '../lib/labels';
import { useDebounced } from '../lib/use-debounced';
import { useTitle } from '../lib/use-title';

export interface SearchState extends PlaceAndThemeFilter {
  text: string;
  kind: string;
}

function stateOf(query: Record<string, string>): SearchState {
  return {
    text: query.q ?? '',
    kind: query.typ ?? '',
    theme: query.tema ?? '',
    county: query.lan ?? '',
    municipality: query.kommun ?? '',
  };
}

function urlOf(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.text) params.set('q', state.text);
  if (state.kind) params.set('typ', state.kind);
  if (state.theme) params.set('tema', state.theme);
  if (state.county) params.set('lan', state.county);
  if (state.municipality) params.set('kommun', state.municipality);
  const search = params.toString();
  return search ? `/?${search}` : '/';
}

/**
 * The first page: a search over actors and initiatives together, narrowed by kind, theme, län and kommun.
 * What is searched for lives in the address, so a search can be shared, bookmarked and gone back to.
 */
export function SearchPage() {
  useTitle('Sök');
  const location = useLocation();
  const fromUrl = stateOf(location.query);
  const [text, setText] = useState(fromUrl.text);
  const settledText = useDebounced(text.trim(), 250);
  const state: SearchState = { ...fromUrl, text: settledText };

  useEffect(() => {
    if (settledText !== fromUrl.text) location.route(urlOf({ ...fromUrl, text: settledText }), true);
  }, [settledText]);

  const update = (next: SearchState) => location.route(urlOf({ ...next, text: settledText }), true);
  const filtered = Boolean(state.kind || state.theme || state.county || state.municipality);

  return (
    <>
      <h1>Sök i Samverkan</h1>
      <p class="lead">Föreningar, myndigheter, kommunala verksamheter, förebilder, företag och initiativen de driver.</p>
      <form role="search" class="search-form" onSubmit={(e) => e.preventDefault()}>
        <div class="field search-field">
          <label for="sok">Sök</label>
          <input
            id="sok"
            type="search"
            value={text}
            autocomplete="off"
            placeholder="Namn eller ämne, till exempel läxhjälp"
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
        <PlaceAndThemeFilters idPrefix="sok" value={state} onChange={(value) => update({ ...state, ...value })}>
          <div class="field">
            <label for="sok-typ">Typ</label>
            <select id="sok-typ" value={state.kind} onChange={(e) => update({ ...state, kind: e.currentTarget.value })}>
              <option value="">Alla typer</option>
              <optgroup label="Aktörer">
                {actorKinds.map((k) => (
                  <option key={k} value={k}>
                    {actorKindLabel[k]}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Initiativ">
                {initiativeKinds.map((k) => (
                  <option key={k} value={k}>
                    {initiativeKindLabel[k]}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
        </PlaceAndThemeFilters>
      </form>
      {filtered ? (
        <FilteredResults state={state} />
      ) : state.text ? (
        <RankedResults text={state.text} />
      ) : (
        <p class="hint">Skriv i sökfältet eller välj ett filter för att se träffar.</p>
      )}
    </>
  );
}
