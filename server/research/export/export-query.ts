import { int } from 'neo4j-driver';
import { actorConditions } from '../../actors/actor-query.ts';
import { actorVisible, initiativeVisible, participationVisible, type ViewerParameter } from '../../auth/visibility.ts';
import type { Statement } from '../../db/database.ts';
import { initiativeConditions } from '../../initiatives/initiative-query.ts';
import { participationOn } from '../as-of.ts';
import type { ExportScope } from './export-scope.ts';

/** Actors of one kind of node at a time (a format that lists people apart), or all; labels come only from here. */
export const actorLabels = { all: 'Actor', people: 'Actor:Person', organizations: 'Actor:Organization' } as const;
export type ActorLabel = keyof typeof actorLabels;

const sourceMap = (s: string) => `${s} { .id, .title, .publisher, published: toString(${s}.published), .url, .document }`;

/**
 * The conditions of a scope on an actor `a` and an initiative `target`, with their parameters. Actor and
 * initiative kinds get parameters of their own, since both filters would call theirs `$kinds`. The
 * initiative is not called `i`, nor its participation `r`: the actor's conditions walk its initiatives
 * under those names, and Cypher would read them as the outer ones.
 */
function scopeConditions(scope: ExportScope, viewer: ViewerParameter, publicOnly: boolean) {
  const parameters: Record<string, unknown> = { viewer };
  const actor = [actorVisible('a'), ...actorConditions('a', { ...scope.actors, kinds: null }, parameters)];
  if (scope.actors.kinds?.length) {
    actor.push('a.kind IN $actorKinds');
    parameters.actorKinds = scope.actors.kinds;
  }
  // The public gets no personal data: no people at all, not even consented role models under their names.
  if (publicOnly) actor.push('NOT a:Person');
  const initiative = [initiativeVisible('target'), ...initiativeConditions('target', { ...scope.initiatives, kinds: null }, parameters)];
  if (scope.initiatives.kinds?.length) {
    initiative.push('target.kind IN $initiativeKinds');
    parameters.initiativeKinds = scope.initiatives.kinds;
  }
  return { parameters, actor: actor.join('\n  AND '), initiative: initiative.join('\n  AND ') };
}

/**
 * The statements of an export, each one page after a key: nodes in id order (the unique constraints'
 * indexes give that order without sorting the network), participations by their initiatives' ids.
 * `after` starts at '', before every id.
 */
export function exportStatements(scope: ExportScope, viewer: ViewerParameter, publicOnly: boolean) {
  const where = scopeConditions(scope, viewer, publicOnly);
  const page = (after: string, size: number) => ({ ...where.parameters, after, size: int(size) });
  return {
    actors: (label: ActorLabel, after: string, size: number): Statement => ({
      text: `MATCH (a:${actorLabels[label]}) WHERE a.id > $after
  AND ${where.actor}
WITH a ORDER BY a.id LIMIT $size
RETURN a { .id, .kind, .name, .status, .organizationNumber, .email, .phone, isPerson: a:Person,
  themes: COLLECT { MATCH (a)-[:HAS_THEME]->(t:Theme) RETURN t.key ORDER BY t.key },
  municipalities: COLLECT { MATCH (a)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code ORDER BY m.code },
  sources: COLLECT { MATCH (a)-[:CITES]->(s:Source) RETURN ${sourceMap('s')} ORDER BY s.id },
  organizationId: COLLECT { MATCH (a)-[:AFFILIATED_WITH]->(o:Organization) RETURN o.id }[0] } AS actor`,
      parameters: page(after, size),
    }),
    initiatives: (after: string, size: number): Statement => ({
      text: `MATCH (target:Initiative) WHERE target.id > $after
  AND ${where.initiative}
WITH target ORDER BY target.id LIMIT $size
RETURN target { .id, .kind, .name, .status, .start, .end,
  themes: COLLECT { MATCH (target)-[:HAS_THEME]->(t:Theme) RETURN t.key ORDER BY t.key },
  municipalities: COLLECT { MATCH (target)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code ORDER BY m.code },
  sources: COLLECT { MATCH (target)-[:CITES]->(s:Source) RETURN ${sourceMap('s')} ORDER BY s.id },
  partOf: COLLECT { MATCH (target)-[:PART_OF]->(whole:Initiative) RETURN whole.id }[0] } AS initiative`,
      parameters: page(after, size),
    }),
    /** The participations into a page of initiatives, from actors in the export, that this viewer may see (and that ran on the day). */
    participations: (after: string, size: number): Statement => ({
      text: `MATCH (target:Initiative) WHERE target.id > $after
  AND ${where.initiative}
WITH target ORDER BY target.id LIMIT $size
WITH collect(target) AS initiatives
RETURN initiatives[-1].id AS last, COLLECT {
  UNWIND initiatives AS target
  MATCH (a:Actor)-[part:PARTICIPATES_IN]->(target)
  WHERE ${participationVisible('part', 'a', 'target')}${scope.actors.asOf ? ` AND ${participationOn('part', 'target')}` : ''}
    AND ${where.actor}
  RETURN { id: part.id, actor: a.id, initiative: target.id, role: part.role, since: part.since, until: part.until, status: part.status,
    sources: COLLECT { MATCH (s:Source) WHERE s.id IN coalesce(part.sources, []) RETURN ${sourceMap('s')} ORDER BY s.id } } AS participation
  ORDER BY participation.initiative, participation.id
} AS participations`,
      parameters: page(after, size),
    }),
  };
}
