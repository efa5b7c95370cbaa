import { int } from 'neo4j-driver';
import { actorConditions, startingPoints, type PatternFilter } from '../../actors/actor-query.ts';
import { actorVisible, initiativeVisible, participationVisible, type ViewerParameter } from '../../auth/visibility.ts';
import type { Statement } from '../../db/database.ts';
import { initiativeConditions } from '../../initiatives/initiative-query.ts';
import { participationOn } from '../as-of.ts';
import type { ExportScope } from './export-scope.ts';

/** Actors of one kind of node at a time (a format that lists people apart), or all; labels come only from here. */
export const actorLabels = { all: 'Actor', people: 'Actor:Person', organizations: 'Actor:Organization' } as const;
export type ActorLabel = keyof typeof actorLabels;
/** The same kinds as a test on an actor `a` found from a place. */
const actorLabelTest: Record<ActorLabel, string> = { all: '', people: ' AND a:Person', organizations: ' AND a:Organization' };

const sourceMap = (s: string) => `${s} { .id, .title, .publisher, published: toString(${s}.published), .url, .document }`;

/**
 * The place an export walks in from, when it names one: a kommun or a län holds a small share of a
 * national network, so its actors and initiatives are found from it by the index on its code rather
 * than by testing every node. A theme is tested instead: it can hold most of the network, and a page
 * that starts from it would walk all of that again for each page.
 */
type PlaceFilter = Extract<PatternFilter, 'municipalities' | 'counties'>;
const placeOf = (scope: ExportScope): PlaceFilter | null =>
  scope.actors.municipalities?.length ? 'municipalities' : scope.actors.counties?.length ? 'counties' : null;

/** The initiatives of a kommun or a län, each once. */
const initiativesIn: Record<PlaceFilter, string> = {
  municipalities: `CALL () {
  MATCH (m:Municipality)<-[:IN_MUNICIPALITY]-(target:Initiative) WHERE m.code IN $municipalities RETURN DISTINCT target
}`,
  counties: `CALL () {
  MATCH (c:County)<-[:IN_COUNTY]-(:Municipality)<-[:IN_MUNICIPALITY]-(target:Initiative) WHERE c.code IN $counties RETURN DISTINCT target
}`,
};

/**
 * The conditions of a scope on an actor `a` and an initiative `target`, with their parameters. Actor and
 * initiative kinds get parameters of their own, since both filters would call theirs `$kinds`. The
 * initiative is not called `i`, nor its participation `r`: the actor's conditions walk its initiatives
 * under those names, and Cypher would read them as the outer ones. `actor` and `initiative` hold every
 * condition; `actorBeyondPlace` and `initiativeBeyondPlace` leave out the place a statement walked in
 * from (`place`).
 */
function scopeConditions(scope: ExportScope, viewer: ViewerParameter, publicOnly: boolean) {
  const parameters: Record<string, unknown> = { viewer };
  const place = placeOf(scope);
  const actorKinds: string[] = [];
  if (scope.actors.kinds?.length) {
    actorKinds.push('a.kind IN $actorKinds');
    parameters.actorKinds = scope.actors.kinds;
  }
  // The public gets no personal data: no people at all, not even consented role models under their names.
  if (publicOnly) actorKinds.push('NOT a:Person');
  const actorFilter = { ...scope.actors, kinds: null };
  const actor = (startsFrom: PlaceFilter | null) => [actorVisible('a'), ...actorConditions('a', actorFilter, parameters, startsFrom), ...actorKinds].join('\n  AND ');

  const initiativeKinds: string[] = [];
  if (scope.initiatives.kinds?.length) {
    initiativeKinds.push('target.kind IN $initiativeKinds');
    parameters.initiativeKinds = scope.initiatives.kinds;
  }
  const initiative = (startsFrom: PlaceFilter | null) =>
    [
      initiativeVisible('target'),
      ...initiativeConditions('target', { ...scope.initiatives, kinds: null, ...(startsFrom ? { [startsFrom]: null } : {}) }, parameters),
      ...initiativeKinds,
    ].join('\n  AND ');
  if (place) parameters[place] = scope.initiatives[place];
  return {
    parameters,
    place,
    actor: actor(null),
    actorBeyondPlace: actor(place),
    initiative: initiative(null),
    initiativeBeyondPlace: initiative(place),
  };
}

/**
 * The statements of an export, each one page after a key: nodes in id order (the unique constraints'
 * indexes give that order without sorting the network), participations by their initiatives' ids.
 * `after` starts at '', before every id.
 */
export function exportStatements(scope: ExportScope, viewer: ViewerParameter, publicOnly: boolean) {
  const where = scopeConditions(scope, viewer, publicOnly);
  const page = (after: string, size: number) => ({ ...where.parameters, after, size: int(size) });
  // A page from a place walks all of the place's nodes and sorts them; a page of the whole network
  // reads the next ids from the unique constraint's index.
  const actorPage = (label: ActorLabel) =>
    where.place
      ? `${startingPoints[where.place](Boolean(scope.actors.asOf))}
WITH a WHERE a.id > $after${actorLabelTest[label]}
  AND ${where.actorBeyondPlace}`
      : `MATCH (a:${actorLabels[label]}) WHERE a.id > $after
  AND ${where.actor}`;
  const initiativePage = where.place
    ? `${initiativesIn[where.place]}
WITH target WHERE target.id > $after
  AND ${where.initiativeBeyondPlace}`
    : `MATCH (target:Initiative) WHERE target.id > $after
  AND ${where.initiative}`;
  return {
    actors: (label: ActorLabel, after: string, size: number): Statement => ({
      text: `${actorPage(label)}
WITH a ORDER BY a.id LIMIT $size
RETURN a { .id, .kind, .name, .status, .organizationNumber, .email, .phone, isPerson: a:Person,
  themes: COLLECT { MATCH (a)-[:HAS_THEME]->(t:Theme) RETURN t.key ORDER BY t.key },
  municipalities: COLLECT { MATCH (a)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code ORDER BY m.code },
  sources: COLLECT { MATCH (a)-[:CITES]->(s:Source) RETURN ${sourceMap('s')} ORDER BY s.id },
  organizationId: COLLECT { MATCH (a)-[:AFFILIATED_WITH]->(o:Organization) RETURN o.id }[0] } AS actor`,
      parameters: page(after, size),
    }),
    initiatives: (after: string, size: number): Statement => ({
      text: `${initiativePage}
WITH target ORDER BY target.id LIMIT $size
RETURN target { .id, .kind, .name, .status, .start, .end,
  themes: COLLECT { MATCH (target)-[:HAS_THEME]->(t:Theme) RETURN t.key ORDER BY t.key },
  municipalities: COLLECT { MATCH (target)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code ORDER BY m.code },
  sources: COLLECT { MATCH (target)-[:CITES]->(s:Source) RETURN ${sourceMap('s')} ORDER BY s.id },
  partOf: COLLECT { MATCH (target)-[:PART_OF]->(whole:Initiative) RETURN whole.id }[0] } AS initiative`,
      parameters: page(after, size),
    }),
    /**
     * The participations into a page of initiatives, from actors in the export, that this viewer may see
     * (and that ran on the day); `last` is null on a page short of full, the last.
     */
    participations: (after: string, size: number): Statement => ({
      text: `${initiativePage}
WITH target ORDER BY target.id LIMIT $size
WITH collect(target) AS initiatives
RETURN CASE WHEN size(initiatives) = $size THEN initiatives[-1].id END AS last, COLLECT {
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
