import { useReference } from '../lib/reference';

interface ThemeProps {
  id: string;
  label?: string;
  selected: string[];
  onChange: (keys: string[]) => void;
  error?: string | undefined;
}

/** Themes as checkboxes in a group named by its legend. */
export function ThemePicker({ id, label = 'Teman', selected, onChange, error }: ThemeProps) {
  const { themes } = useReference();
  const toggle = (key: string, on: boolean) => onChange(on ? [...selected, key] : selected.filter((k) => k !== key));
  return (
    <fieldset class="field choices" id={id} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend>{label}</legend>
      {themes.map((theme) => (
        <label key={theme.key} class="choice">
          <input type="checkbox" name={id} value={theme.key} checked={selected.includes(theme.key)} onChange={(e) => toggle(theme.key, e.currentTarget.checked)} />
          {theme.label}
        </label>
      ))}
      {error ? (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

interface MunicipalityProps {
  id: string;
  label?: string;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  /** Only these kommuner (a strategist's); all when absent. */
  only?: string[];
}

/** One kommun from a list, grouped by län. */
export function MunicipalityPicker({ id, label = 'Kommun', value, onChange, error, only }: MunicipalityProps) {
  const { municipalities, counties } = useReference();
  const offered = only ? municipalities.filter((m) => only.includes(m.code)) : municipalities;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">Välj kommun</option>
        {counties.map((county) => {
          const inCounty = offered.filter((m) => m.county.code === county.code);
          return inCounty.length === 0 ? null : (
            <optgroup key={county.code} label={county.name}>
              {inCounty.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      {error ? (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
