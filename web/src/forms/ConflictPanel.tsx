import { useReference } from '../lib/reference';
import { ConflictNotice } from './ConflictNotice';
import type { ChangeList } from './edit-state';

/** A list of theme keys or kommun codes, as the history keeps it (JSON text), in the names a reader knows. */
function named(value: string | null | undefined, names: Map<string, string>): string | null | undefined {
  if (value == null) return value;
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? JSON.stringify(parsed.map((item) => names.get(String(item)) ?? item)) : value;
  } catch {
    return value;
  }
}

/** The conflict notice with the one way on: take the other change into the form, keeping the user's own edits. */
export function ConflictPanel({ changes, onAccept }: { changes: ChangeList; onAccept: () => void }) {
  const { themes, municipalities } = useReference();
  const names: Record<string, Map<string, string>> = {
    themes: new Map(themes.map((t) => [t.key, t.label])),
    municipalities: new Map(municipalities.map((m) => [m.code, m.name])),
  };
  const readable = changes.map((change) => ({
    ...change,
    fields: change.fields.map((field) => {
      const list = names[field.field];
      return list ? { ...field, before: named(field.before, list), after: named(field.after, list) } : field;
    }),
  }));
  return (
    <>
      <ConflictNotice changes={readable} />
      <button type="button" class="secondary" onClick={onAccept}>
        Jag har sett ändringarna – spara mina uppgifter ovanpå dem
      </button>
    </>
  );
}
