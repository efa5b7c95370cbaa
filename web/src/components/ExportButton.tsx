/** The service's export formats (GET /export), named for the people who open them. */
const formats: { value: string; label: string }[] = [
  { value: 'graphml', label: 'GraphML (Gephi, yEd)' },
  { value: 'gexf', label: 'GEXF (Gephi)' },
  { value: 'nodes.csv', label: 'Noder som CSV (R, Excel)' },
  { value: 'edges.csv', label: 'Kopplingar som CSV (R, Excel)' },
  { value: 'popolo.json', label: 'Popolo JSON' },
  { value: 'graphology.json', label: 'Graphology JSON (sigma.js, graphology)' },
];

/** The filters GET /export takes, as the pages hold them; an empty one is left out. */
export interface ExportFilter {
  county?: string;
  municipality?: string;
  theme?: string;
  kind?: string;
  asOf?: string;
}

interface Props {
  idPrefix: string;
  filter: ExportFilter;
}

/**
 * Downloads the network with the filters the page shows, in a format of the user's choice. A plain form
 * sent by GET: the browser downloads the service's answer (an attachment) and stays on the page, and the
 * session cookie goes along by itself, so a signed-in user gets what the API shows them.
 */
export function ExportButton({ idPrefix, filter }: Props) {
  const given = Object.entries(filter).filter(([, value]) => Boolean(value));
  return (
    <form class="filters" method="get" action="/export" aria-label="Exportera nätverket">
      {given.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div class="field">
        <label for={`${idPrefix}-exportformat`}>Exportformat</label>
        <select id={`${idPrefix}-exportformat`} name="format">
          {formats.map((format) => (
            <option key={format.value} value={format.value}>
              {format.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <span aria-hidden="true">&nbsp;</span>
        <button type="submit">Exportera</button>
      </div>
    </form>
  );
}
