import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { ExportButton } from '../components/ExportButton';
import { PlaceAndThemeFilters } from '../components/Filters';
import { useTitle } from '../lib/use-title';
import type { GraphData } from '../map/graph-data';
import { loadNetwork, type ReadProgress } from '../map/load-network';
import { mostInitiatives } from '../map/read-limit';
import NetworkGraph from '../map/NetworkGraph';

type Loading =
  | { name: 'idle' }
  | ReadProgress
  | { name: 'ready'; data: GraphData; readMs: number; total: number; shown: number }
  | { name: 'failed'; message: string };

function filterOf(query: Record<string, string>) {
  return { theme: query.tema ?? '', county: query.lan ?? '', municipality: query.kommun ?? '' };
}

function kilobytes(bytes: number) {
  return `${Math.round(bytes / 1024).toLocaleString('sv-SE')} kB`;
}

function seconds(ms: number) {
  return `${(ms / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} s`;
}

/**
 * The network of a län or a kommun: initiatives and the actors in them, coloured by kind. A click on a node
 * opens its page. Reading, laying out and drawing a whole län takes seconds and shows its progress.
 */
export function MapPage() {
  useTitle('Karta');
  const location = useLocation();
  const value = filterOf(location.query);
  const [loading, setLoading] = useState<Loading>({ name: 'idle' });
  const [drawnMs, setDrawnMs] = useState<number | null>(null);

  const update = (next: typeof value) => {
    const params = new URLSearchParams();
    if (next.theme) params.set('tema', next.theme);
    if (next.county) params.set('lan', next.county);
    if (next.municipality) params.set('kommun', next.municipality);
    const search = params.toString();
    location.route(search ? `/karta?${search}` : '/karta', true);
  };

  useEffect(() => {
    setDrawnMs(null);
    if (!value.county && !value.municipality) {
      setLoading({ name: 'idle' });
      return;
    }
    const abort = new AbortController();
    const began = performance.now();
    // Marks that the map's benchmark (bench/map.ts) reads: the network's read, then NetworkGraph's own.
    performance.mark('map:read-start');
    setLoading({ name: 'reading', bytes: 0, nodes: 0, links: 0 });
    loadNetwork(value, setLoading, abort.signal).then(
      ({ data, total, shown }) => {
        performance.mark('map:read-end');
        setLoading({ name: 'ready', data, total, shown, readMs: performance.now() - began });
      },
      (error: Error) => !abort.signal.aborted && setLoading({ name: 'failed', message: error.message }),
    );
    return () => abort.abort();
  }, [value.theme, value.county, value.municipality]);

  return (
    <>
      <h1>Karta över nätverket</h1>
      <p class="lead">
        Välj ett län eller en kommun: kartan visar initiativen där och aktörerna som deltar i dem. Klicka på en punkt för att
        öppna dess sida.
      </p>
      <form class="search-form" aria-label="Filter för kartan" onSubmit={(e) => e.preventDefault()}>
        <PlaceAndThemeFilters idPrefix="karta" value={value} onChange={update} />
      </form>
      <div role="status" aria-live="polite" class="status">
        {loading.name === 'idle' && 'Välj ett län eller en kommun för att rita kartan.'}
        {loading.name === 'reading' && (
          <span class="graph-progress">
            {/* The export does not say its size beforehand: the bar moves without an end, the counts say how far. */}
            <label for="read-progress">
              Hämtar nätverket: {loading.nodes.toLocaleString('sv-SE')} noder och {loading.links.toLocaleString('sv-SE')} kopplingar
              ({kilobytes(loading.bytes)})
            </label>{' '}
            <progress id="read-progress" />
          </span>
        )}
        {loading.name === 'waiting' && (
          <span class="graph-progress">
            Tjänsten ber kartan vänta {loading.seconds} s innan den hämtar nätverket (en gräns för hur mycket en besökare får
            fråga per minut). Kartan hämtar det sedan av sig själv.
          </span>
        )}
        {loading.name === 'failed' && <span class="status-error">Kartan kunde inte hämtas: {loading.message}</span>}
        {loading.name === 'ready' && drawnMs !== null && (
          <span data-testid="map-timing" data-total-ms={Math.round(loading.readMs + drawnMs)}>
            {loading.data.nodes.length.toLocaleString('sv-SE')} noder och {loading.data.links.length.toLocaleString('sv-SE')} kopplingar,
            ritade på {seconds(loading.readMs + drawnMs)} (hämtning {seconds(loading.readMs)}, placering och ritning{' '}
            {seconds(drawnMs)}).
          </span>
        )}
      </div>
      {loading.name === 'ready' && loading.total > loading.shown && (
        <p role="note">
          Kartan visar {loading.shown.toLocaleString('sv-SE')} av urvalets {loading.total.toLocaleString('sv-SE')} initiativ och
          aktörerna i dem (högst {mostInitiatives.toLocaleString('sv-SE')} åt gången). Välj en kommun eller ett tema för att se
          resten, eller exportera hela urvalet.
        </p>
      )}
      {loading.name === 'ready' &&
        (loading.data.nodes.length === 0 ? (
          <p>Inga initiativ med de här filtren.</p>
        ) : (
          <NetworkGraph data={loading.data} label="Nätverkskarta" onDrawn={setDrawnMs} marks="map" />
        ))}
      {(value.county || value.municipality) && (
        <section aria-labelledby="karta-export-rubrik">
          <h2 id="karta-export-rubrik">Exportera</h2>
          <p class="lead">Hela urvalet (län, kommun och tema ovan) som fil, för Gephi, R eller ett kalkylark.</p>
          <ExportButton
            idPrefix="karta"
            filter={{ county: value.municipality ? '' : value.county, municipality: value.municipality, theme: value.theme }}
          />
        </section>
      )}
    </>
  );
}
