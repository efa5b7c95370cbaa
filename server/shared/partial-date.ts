/** A date of year, month or day precision, and the first and last day it covers. */
export interface PartialDate {
  text: string;
  precision: 'year' | 'month' | 'day';
  /** First day covered, "YYYY-MM-DD". */
  first: string;
  /** Last day covered, "YYYY-MM-DD". */
  last: string;
}

const pattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses "2020", "2020-09" or "2020-09-08"; null for anything else, including impossible days. */
export function parsePartialDate(text: string): PartialDate | null {
  const match = pattern.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) {
    return { text, precision: 'year', first: `${match[1]}-01-01`, last: `${match[1]}-12-31` };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const lastDay = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { text, precision: 'month', first: `${match[1]}-${match[2]}-01`, last: `${match[1]}-${match[2]}-${pad(lastDay)}` };
  }
  const day = Number(match[3]);
  if (day < 1 || day > lastDay) return null;
  return { text, precision: 'day', first: text, last: text };
}
