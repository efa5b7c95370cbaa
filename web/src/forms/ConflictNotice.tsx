interface Change {
  at: string;
  action: string;
  byRole?: string | null;
  byOrganization?: { name: string } | null;
  fields: { field: string; before?: string | null; after?: string | null }[];
}

const fieldNames: Record<string, string> = {
  name: 'Namn',
  description: 'Beskrivning',
  themes: 'Teman',
  municipalities: 'Kommuner',
  email: 'E-post',
  phone: 'Telefon',
  start: 'Start',
  end: 'Slut',
  kind: 'Typ',
  status: 'Status',
};

/** JSON text of the history, shown as words. */
function shown(value: string | null | undefined): string {
  if (value == null) return '–';
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.join(', ') : String(parsed);
  } catch {
    return value;
  }
}

/**
 * Someone else saved a change while this form was open: says so and shows what they changed, so that
 * the user can keep their own edits, look them over against the new values and save again.
 */
export function ConflictNotice({ changes }: { changes: Change[] }) {
  return (
    <div class="conflict" role="alert" tabIndex={-1} id="conflict-notice">
      <h2>Någon annan har ändrat uppgifterna medan du skrev</h2>
      <p>Dina ändringar är inte sparade. Så här ändrades uppgifterna; se över dina ändringar och spara igen.</p>
      {changes.map((change) => (
        <div key={change.at + change.action}>
          <p>
            {new Date(change.at).toLocaleString('sv-SE')}
            {change.byOrganization ? `, ${change.byOrganization.name}` : change.byRole ? `, ${change.byRole.toLowerCase()}` : ''}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Uppgift</th>
                <th scope="col">Före</th>
                <th scope="col">Efter</th>
              </tr>
            </thead>
            <tbody>
              {change.fields.map((field) => (
                <tr key={field.field}>
                  <th scope="row">{fieldNames[field.field] ?? field.field}</th>
                  <td>{shown(field.before)}</td>
                  <td>{shown(field.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
