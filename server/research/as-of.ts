import { z } from 'zod';
import { parsePartialDate } from '../shared/partial-date.ts';
import { inBoth } from '../shared/zod-language.ts';

/**
 * The network as it was on one day. Periods are stored as written and as the first and last day they
 * cover (startFirst/endLast on an initiative, sinceFirst/untilLast on a participation): an unknown end
 * means still running, an unknown start means the period is known only by its end, and a period with
 * neither covers no day. These predicates are fixed text over bound variables; the day enters only as
 * the `$asOf` parameter ("YYYY-MM-DD").
 */

/** A day, not a year or a month: the network on one day is what a snapshot compares. */
export const asOfInput = z
  .string()
  .refine((text) => parsePartialDate(text)?.precision === 'day', inBoth('must be a day such as 2020-09-08', 'måste vara en dag som 2020-09-08'))
  .nullish()
  .transform((text) => text ?? null);

/**
 * A period covers the day when it began by then and has not ended before it. A period with neither end
 * gives null, which every WHERE, EXISTS and all() reads as not covering. Written as two comparisons and
 * no OR: the planner rewrites ORs into every combination of their parts, and this predicate is repeated
 * in every subquery of a filtered statement, where it made planning the longest part of a small export.
 */
const covers = (first: string, last: string) => `(coalesce(${first}, ${last}) <= date($asOf) AND coalesce(${last}, date($asOf)) >= date($asOf))`;

/** An initiative existed on the day when its period covers it. */
export const initiativeOn = (initiative: string) => covers(`${initiative}.startFirst`, `${initiative}.endLast`);

/**
 * A participation counted on the day when its own period covers it, each end taken from the
 * initiative's period where the participation does not say (a participation dated only "until 2021"
 * began with its initiative).
 */
export const participationOn = (relationship: string, initiative: string) =>
  covers(`coalesce(${relationship}.sinceFirst, ${initiative}.startFirst)`, `coalesce(${relationship}.untilLast, ${initiative}.endLast)`);
