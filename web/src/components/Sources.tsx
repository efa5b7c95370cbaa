import { graphql } from '../gql';
import { formatDate } from '../lib/labels';

// The fields every page reads of a source; the operations name it as `...SourceFields`.
export const SourceFields = graphql(`
  fragment SourceFields on Source {
    id
    title
    publisher
    published
    url
    document
  }
`);

export interface SourceData {
  id: string;
  title: string;
  publisher?: string | null;
  published?: string | null;
  url?: string | null;
  document?: string | null;
}

function safeUrl(url: string | null | undefined): string | null {
  // Only web addresses become links: a source's url is entered by users.
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** The sources of one fact, folded away until asked for so that a page stays readable. */
export function Sources({ sources, label = 'Källor' }: { sources: SourceData[]; label?: string }) {
  if (sources.length === 0) return <p class="sources">Ingen källa angiven.</p>;
  return (
    <details class="sources">
      <summary>
        {label} ({sources.length})
      </summary>
      <ul>
        {sources.map((s) => {
          const url = safeUrl(s.url);
          const detail = [s.publisher, formatDate(s.published), s.document].filter(Boolean).join(', ');
          return (
            <li key={s.id}>
              {url ? (
                <a href={url} rel="noopener noreferrer external">
                  {s.title}
                </a>
              ) : (
                s.title
              )}
              {detail && ` (${detail})`}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
