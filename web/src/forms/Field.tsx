import type { JSX } from 'preact';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url';
  multiline?: boolean;
  required?: boolean;
  autoComplete?: string;
}

/** A labelled field with its hint and its error beside it, tied together for screen readers. */
export function Field({ id, label, value, onInput, error, hint, type = 'text', multiline, required, autoComplete }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onInput: (event: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => onInput(event.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={id}>
        {label}
        {required ? '' : ' (frivilligt)'}
      </label>
      {hint ? (
        <span id={`${id}-hint`} class="hint">
          {hint}
        </span>
      ) : null}
      {multiline ? <textarea rows={4} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />}
      {error ? (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Moves the focus to a field by its id, or to the first control of a group (a fieldset of checkboxes). */
export function focusField(id: string) {
  const element = document.getElementById(id);
  const control = element?.matches('input, select, textarea') ? element : element?.querySelector<HTMLElement>('input, select, textarea');
  control?.focus();
}
