import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../server/shared/partial-date.ts';

describe('partial dates', () => {
  it('covers a whole year, month or day', () => {
    expect(parsePartialDate('2020')).toMatchObject({ precision: 'year', first: '2020-01-01', last: '2020-12-31' });
    expect(parsePartialDate('2020-02')).toMatchObject({ precision: 'month', first: '2020-02-01', last: '2020-02-29' });
    expect(parsePartialDate('2021-02')).toMatchObject({ last: '2021-02-28' });
    expect(parsePartialDate('2020-09-08')).toMatchObject({ precision: 'day', first: '2020-09-08', last: '2020-09-08' });
  });

  it.each(['20', '2020-1', '2020-13', '2020-00', '2021-02-29', '2020-04-31', '2020-09-08T10:00', 'igår', ''])('refuses %j', (text) => {
    expect(parsePartialDate(text)).toBeNull();
  });
});
