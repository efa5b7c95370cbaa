import { useState } from 'preact/hooks';
import { useReference } from '../lib/reference';
import { MunicipalityPicker } from './Pickers';

interface Props {
  id: string;
  selected: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
  /** The kommuner that may be added (a strategist's); all when absent. */
  only?: string[];
}

/** The kommuner a thing acts in: each with a button that takes it away, and a list to add one more. */
export function MunicipalitiesField({ id, selected, onChange, error, only }: Props) {
  const { municipalities } = useReference();
  // Chosen first, added by a button: a select that added on every change would add each kommun the arrow keys pass.
  const [adding, setAdding] = useState('');
  const nameOf = (code: string) => municipalities.find((m) => m.code === code)?.name ?? code;
  return (
    <fieldset class="field" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Kommuner</legend>
      <ul class="hits">
        {selected.map((code) => (
          <li key={code}>
            {nameOf(code)}{' '}
            <button type="button" class="secondary" onClick={() => onChange(selected.filter((c) => c !== code))}>
              Ta bort {nameOf(code)}
            </button>
          </li>
        ))}
      </ul>
      <MunicipalityPicker
        id={`${id}-add`}
        label="Kommun att lägga till"
        value={adding}
        onChange={setAdding}
        {...(only ? { only: only.filter((code) => !selected.includes(code)) } : {})}
      />
      <button
        type="button"
        class="secondary"
        disabled={!adding || selected.includes(adding)}
        onClick={() => {
          onChange([...selected, adding]);
          setAdding('');
        }}
      >
        Lägg till kommunen
      </button>
      {error ? (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
