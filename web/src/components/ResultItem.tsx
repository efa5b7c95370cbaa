import { kindLabel } from '../lib/labels';

export interface ResultItemData {
  __typename?: string;
  id: string;
  kind: string;
  name: string;
  description?: string | null;
  municipalities: { name: string }[];
}

export function hrefOf(item: { __typename?: string; id: string }): string {
  return item.__typename === 'Initiative' ? `/initiativ/${item.id}` : `/aktor/${item.id}`;
}

const shownMunicipalities = 3;

export function ResultItem({ item }: { item: ResultItemData }) {
  const places = item.municipalities.map((m) => m.name);
  const more = places.length - shownMunicipalities;
  return (
    <li class="result">
      <a class="result-name" href={hrefOf(item)}>
        {item.name}
      </a>
      <p class="result-meta">
        <span class={`kind kind-${item.kind.toLowerCase()}`}>{kindLabel(item.kind)}</span>
        {places.length > 0 && (
          <span>
            {' · '}
            {places.slice(0, shownMunicipalities).join(', ')}
            {more > 0 && ` och ${more} till`}
          </span>
        )}
      </p>
      {item.description && <p class="result-description">{item.description}</p>}
    </li>
  );
}
