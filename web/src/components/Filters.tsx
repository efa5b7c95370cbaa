import type { ComponentChildren } from 'preact';
import { useReference } from '../lib/reference';

export interface PlaceAndThemeFilter {
  theme: string;
  county: string;
  municipality: string;
}

interface Props {
  idPrefix: string;
  value: PlaceAndThemeFilter;
  onChange: (value: PlaceAndThemeFilter) => void;
  children?: ComponentChildren;
}

/** Theme, län and kommun, as the API's filters take them; the kommun list narrows to the chosen län. */
export function PlaceAndThemeFilters({ idPrefix, value, onChange, children }: Props) {
  const reference = useReference();
  const municipalities = value.county
    ? reference.municipalities.filter((m) => m.county.code === value.county)
    : reference.municipalities;
  return (
    <div class="filters">
      {children}
      <div class="field">
        <label for={`${idPrefix}-tema`}>Tema</label>
        <select id={`${idPrefix}-tema`} value={value.theme} onChange={(e) => onChange({ ...value, theme: e.currentTarget.value })}>
          <option value="">Alla teman</option>
          {reference.themes.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-lan`}>Län</label>
        <select
          id={`${idPrefix}-lan`}
          value={value.county}
          onChange={(e) => onChange({ ...value, county: e.currentTarget.value, municipality: '' })}
        >
          <option value="">Alla län</option>
          {reference.counties.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-kommun`}>Kommun</label>
        <select
          id={`${idPrefix}-kommun`}
          value={value.municipality}
          onChange={(e) => onChange({ ...value, municipality: e.currentTarget.value })}
        >
          <option value="">Alla kommuner</option>
          {municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
