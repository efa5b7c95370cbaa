import { actorVisible, participationPublic, viewerParameter } from '../../auth/visibility.ts';
import { anonymousViewer } from '../../auth/viewer.ts';
import type { PartialDate } from '../../shared/partial-date.ts';

/** Which network a run measures: one län's or all of Sweden's, on a day or as the registry holds it now. */
export interface MeasuresScope {
  county: string | null;
  asOf: PartialDate | null;
}

/** The statement parameters the predicate below reads. */
export function scopeParameters(scope: MeasuresScope) {
  return {
    // The network as the public sees it, whoever computes it: results do not depend on who asked.
    viewer: viewerParameter(anonymousViewer),
    county: scope.county,
    asOfFirst: scope.asOf?.first ?? null,
    asOfLast: scope.asOf?.last ?? null,
  };
}

/**
 * A participation of the measured network: confirmed, in a verified initiative, of an actor the public
 * sees; the initiative works in the län; and with a date, the initiative's period and the
 * participation's meet that date (periods read as `activeOn` reads them: an undated initiative is in no
 * dated network, an undated participation lasts as long as its initiative).
 */
export function inMeasuredNetwork(actor: string, relationship: string, initiative: string): string {
  return `(
    ${participationPublic(relationship, initiative)}
    AND ${actorVisible(actor)}
    AND ($county IS NULL OR EXISTS { MATCH (${initiative})-[:IN_MUNICIPALITY]->(:Municipality)-[:IN_COUNTY]->(:County {code: $county}) })
    AND ($asOfFirst IS NULL OR (
      (${initiative}.startFirst IS NOT NULL OR ${initiative}.endLast IS NOT NULL)
      AND coalesce(${initiative}.startFirst, ${initiative}.endLast) <= date($asOfLast)
      AND (${initiative}.endLast IS NULL OR ${initiative}.endLast >= date($asOfFirst))
      AND (${relationship}.sinceFirst IS NULL OR ${relationship}.sinceFirst <= date($asOfLast))
      AND (${relationship}.untilLast IS NULL OR ${relationship}.untilLast >= date($asOfFirst))))
  )`;
}
