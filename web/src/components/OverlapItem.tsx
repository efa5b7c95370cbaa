import { initiativeKindLabel } from '../lib/labels';
import type { InitiativeKind } from '../gql/graphql';

export interface OverlapData {
  score: number;
  overlappingDays?: number | null;
  a: { id: string; name: string; kind: InitiativeKind };
  b: { id: string; name: string; kind: InitiativeKind };
  sharedThemes: { key: string; label: string }[];
  sharedMunicipalities: { code: string; name: string }[];
  sharedParticipants: { id: string; name: string }[];
}

function days(count: number | null | undefined): string {
  if (count === null || count === undefined) return 'minst ett av dem saknar datum';
  return count === 1 ? '1 dag samtidigt' : `${count.toLocaleString('sv-SE')} dagar samtidigt`;
}

/** One pair of overlapping initiatives and what they share. */
export function OverlapItem({ overlap }: { overlap: OverlapData }) {
  return (
    <li class="overlap">
      <p>
        <a href={`/initiativ/${overlap.a.id}`}>{overlap.a.name}</a> <span class="muted">({initiativeKindLabel[overlap.a.kind]})</span>
        {' och '}
        <a href={`/initiativ/${overlap.b.id}`}>{overlap.b.name}</a> <span class="muted">({initiativeKindLabel[overlap.b.kind]})</span>
      </p>
      <dl class="facts">
        <dt>Överlapp</dt>
        <dd>{overlap.score.toLocaleString('sv-SE', { maximumFractionDigits: 2 })} av 3</dd>
        <dt>Gemensamma teman</dt>
        <dd>{overlap.sharedThemes.map((t) => t.label).join(', ')}</dd>
        <dt>Gemensamma kommuner</dt>
        <dd>{overlap.sharedMunicipalities.map((m) => m.name).join(', ')}</dd>
        <dt>Tid</dt>
        <dd>{days(overlap.overlappingDays)}</dd>
        <dt>Gemensamma deltagare</dt>
        <dd>
          {overlap.sharedParticipants.length === 0
            ? 'Inga'
            : overlap.sharedParticipants.map((p, i) => (
                <>
                  {i > 0 && ', '}
                  <a key={p.id} href={`/aktor/${p.id}`}>
                    {p.name}
                  </a>
                </>
              ))}
        </dd>
      </dl>
    </li>
  );
}
