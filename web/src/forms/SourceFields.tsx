import { Field } from './Field';

export interface SourceValue {
  title: string;
  url: string;
  publisher: string;
}

export const emptySource: SourceValue = { title: '', url: '', publisher: '' };

/** The source as the API takes it: a title with a web address or a publisher. */
export function sourceInput(source: SourceValue) {
  return {
    title: source.title.trim(),
    ...(source.url.trim() ? { url: source.url.trim() } : {}),
    ...(source.publisher.trim() ? { publisher: source.publisher.trim() } : {}),
  };
}

export function sourceProblems(source: SourceValue): Record<string, string> {
  const problems: Record<string, string> = {};
  if (source.title.trim().length < 2) problems['source.title'] = 'Ange källans titel, minst 2 tecken.';
  if (!source.url.trim() && !source.publisher.trim()) problems['source.url'] = 'Ange en webbadress eller en utgivare.';
  else if (source.url.trim() && !/^https?:\/\/\S+$/.test(source.url.trim())) problems['source.url'] = 'Webbadressen ska börja med http:// eller https://.';
  return problems;
}

interface Props {
  idPrefix: string;
  value: SourceValue;
  onChange: (value: SourceValue) => void;
  errors: Record<string, string | undefined>;
}

/** Every fact written cites where it came from: these fields ask for it. */
export function SourceFields({ idPrefix, value, onChange, errors }: Props) {
  return (
    <fieldset class="source-fields">
      <legend>Källa</legend>
      <p class="hint">Var kommer uppgiften ifrån? Ett beslut, en webbsida, ett register.</p>
      <Field id={`${idPrefix}-source-title`} label="Källans titel" required value={value.title} onInput={(title) => onChange({ ...value, title })} error={errors['source.title']} />
      <Field id={`${idPrefix}-source-url`} label="Källans webbadress" type="url" value={value.url} onInput={(url) => onChange({ ...value, url })} error={errors['source.url']} />
      <Field id={`${idPrefix}-source-publisher`} label="Utgivare" value={value.publisher} onInput={(publisher) => onChange({ ...value, publisher })} error={errors['source.publisher']} />
    </fieldset>
  );
}
