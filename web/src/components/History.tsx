import { useQuery } from '@urql/preact';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { Status } from './Status';

// What every page reads of a change; the operations name it as `...ChangeFields`.
export const ChangeFields = graphql(`
  fragment ChangeFields on Change {
    id
    at
    action
    byRole
    byOrganization {
      id
      name
    }
    fields {
      field
      before
      after
    }
    source {
      title
    }
    reason
  }
`);

const HistoryQuery = graphql(`
  query History($id: ID!) {
    history(id: $id, first: 20) {
      edges {
        node {
          ...ChangeFields
        }
      }
    }
  }
`);

export interface ChangeData {
  id: string;
  at: string;
  action: string;
  byRole?: Role | null;
  byOrganization?: { id: string; name: string } | null;
  fields: { field: string; before?: string | null; after?: string | null }[];
  source?: { title: string } | null;
  reason?: string | null;
}

const roleName: Record<string, string> = {
  ADMIN: 'administratör',
  STRATEGIST: 'strateg',
  ASSOCIATION: 'förening',
  RESEARCHER: 'forskare',
};

function shown(json: string | null | undefined): string {
  if (json === null || json === undefined) return '–';
  try {
    const value: unknown = JSON.parse(json);
    if (value === null) return '–';
    if (Array.isArray(value)) return value.join(', ');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  } catch {
    return json;
  }
}

/** Who changed what and when, newest first (the latest 20, as many as the API's cost limit allows with every field), each change with its source. */
export function History({ id }: { id: string }) {
  const [result] = useQuery({ query: HistoryQuery, variables: { id } });
  const changes: ChangeData[] = result.data?.history.edges.map((e) => e.node) ?? [];
  if (!result.data) return <Status fetching={result.fetching} error={result.error} />;
  if (changes.length === 0) return <p class="muted">Inga ändringar.</p>;
  return (
    <ol class="card-list">
      {changes.map((c) => (
        <li key={c.id}>
          <p>
            <strong>{new Date(c.at).toLocaleString('sv-SE', { dateStyle: 'long', timeStyle: 'short' })}</strong>
            {' – '}
            <code>{c.action}</code>
            {c.byRole && ` av ${roleName[c.byRole] ?? c.byRole}`}
            {c.byOrganization && (
              <>
                {' för '}
                <a href={`/aktor/${c.byOrganization.id}`}>{c.byOrganization.name}</a>
              </>
            )}
          </p>
          {c.fields.length > 0 && (
            <details>
              <summary>Ändrade fält ({c.fields.length})</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Fält</th>
                    <th scope="col">Före</th>
                    <th scope="col">Efter</th>
                  </tr>
                </thead>
                <tbody>
                  {c.fields.map((f) => (
                    <tr key={f.field}>
                      <td>{f.field}</td>
                      <td>{shown(f.before)}</td>
                      <td>{shown(f.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          {c.reason && <p>Skäl: {c.reason}</p>}
          {c.source && <p class="sources">Källa: {c.source.title}</p>}
        </li>
      ))}
    </ol>
  );
}
