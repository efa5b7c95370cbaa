import { parsePartialDate } from '../../server/shared/partial-date.ts';
import type { Random } from './random.ts';
import { WeightTable } from './weights.ts';

/** A period as the service stores it: partial dates as written, and the first and last day they cover. */
export interface Period {
  start: string | null;
  end: string | null;
  startFirst: string | null;
  endLast: string | null;
}

const undated: Period = { start: null, end: null, startFirst: null, endLast: null };

const DAY_MS = 86_400_000;
const FIRST_YEAR = 2015;
const LAST_START_YEAR = 2026;
/** Later years hold more: the registry is young and work from before it is recorded less often. */
const startYearTable = new WeightTable([4, 5, 6, 7, 7, 7, 8, 9, 10, 10, 9, 6]);
const precisionTable = new WeightTable([30, 45, 25]);
const precisions = ['year', 'month', 'day'] as const;
type Precision = (typeof precisions)[number];

const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function written(day: number, precision: Precision): string {
  const iso = isoOf(day);
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso;
}

function partial(random: Random, day: number) {
  const text = written(day, precisions[random.weighted(precisionTable)]!);
  return parsePartialDate(text)!;
}

export interface PeriodShape {
  /** Typical length in days, and how far it may stretch. */
  minDays: number;
  maxDays: number;
  /** Share that has a start but no end: still running. */
  openEnded: number;
}

/** A start from 2015–2026 (more of them recent) and an end after it, either of them sometimes unknown. */
export function randomPeriod(random: Random, shape: PeriodShape): Period {
  const roll = random.float();
  if (roll < 0.08) return undated;
  const year = FIRST_YEAR + random.weighted(startYearTable);
  const startDay = dayOf(`${year}-01-01`) + random.int(0, 364);
  const endDay = startDay + random.int(shape.minDays, shape.maxDays);
  const start = partial(random, startDay);
  // The end's precision is drawn apart from the start's; its last day is never before the start's first.
  const end = partial(random, endDay);
  if (roll < 0.1) return { start: null, end: end.text, startFirst: null, endLast: end.last };
  if (random.chance(shape.openEnded)) return { start: start.text, end: null, startFirst: start.first, endLast: null };
  return { start: start.text, end: end.text, startFirst: start.first, endLast: end.last };
}

/**
 * A day written by month when that month stays within [lower, upper], else by day: parts of an
 * initiative and participations are dated as precisely as they must be to fit inside their whole.
 */
function fitted(random: Random, day: number, lower: number, upper: number) {
  const byMonth = parsePartialDate(written(day, 'month'))!;
  const fits = random.chance(0.5) && dayOf(byMonth.first) >= lower && dayOf(byMonth.last) <= upper;
  return fits ? byMonth : parsePartialDate(written(day, 'day'))!;
}

/** A period inside another (a part of a programme, an agreement's term), or a fresh one when the whole is undated. */
export function periodWithin(random: Random, whole: Period, shape: PeriodShape): Period {
  if (!whole.startFirst) return randomPeriod(random, shape);
  const first = dayOf(whole.startFirst);
  const last = whole.endLast ? dayOf(whole.endLast) : dayOf(`${LAST_START_YEAR + 3}-12-31`);
  // Parts start in the same years as everything else, even inside a whole that runs past them.
  const lastStart = Math.max(first, Math.min(last, dayOf(`${LAST_START_YEAR}-12-31`)));
  const startDay = first + random.int(0, lastStart - first);
  const endDay = Math.min(last, startDay + random.int(shape.minDays, shape.maxDays));
  const start = fitted(random, startDay, first, last);
  const end = fitted(random, endDay, first, last);
  if (!whole.endLast && random.chance(shape.openEnded)) return { start: start.text, end: null, startFirst: start.first, endLast: null };
  return { start: start.text, end: end.text, startFirst: start.first, endLast: end.last };
}

/** When an actor joined: the initiative's start, or later within its period. */
export function joinedWithin(random: Random, period: Period): { since: string; sinceFirst: string } | null {
  if (!period.start || !period.startFirst) return null;
  if (random.chance(0.6)) return { since: period.start, sinceFirst: period.startFirst };
  const first = dayOf(period.startFirst);
  const last = period.endLast ? dayOf(period.endLast) : first + 730;
  const joined = fitted(random, first + random.int(0, Math.max(0, last - first)), first, last);
  return { since: joined.text, sinceFirst: joined.first };
}

/** When an actor left before the initiative ended: some time after it joined. */
export function leftAfter(random: Random, sinceFirst: string, period: Period): { until: string; untilLast: string } {
  const first = dayOf(sinceFirst);
  const last = period.endLast ? dayOf(period.endLast) : first + 1095;
  const left = fitted(random, first + random.int(0, Math.max(0, last - first)), first, last);
  return { until: left.text, untilLast: left.last };
}
