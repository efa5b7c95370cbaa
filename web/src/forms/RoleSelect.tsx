import { roleLabel } from '../lib/labels';

/** The roles an organisation takes in an initiative, as the API names them, in Swedish. */
export const participationRoles = ['LEAD', 'PARTNER', 'CO_APPLICANT', 'FUNDER', 'IMPLEMENTING', 'SIGNATORY', 'MEMBER'] as const;

export function RoleSelect({ id, label = 'Roll', value, onChange, error }: { id: string; label?: string; value: string; onChange: (role: string) => void; error?: string | undefined }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {participationRoles.map((role) => (
          <option key={role} value={role}>
            {roleLabel[role]}
          </option>
        ))}
      </select>
      {error ? (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
