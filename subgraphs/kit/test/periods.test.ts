import { describe, expect, it } from 'vitest';
import { parsePeriod, periodOf, periodsBetween, trendKey } from '../src/periods.js';

describe('trend periods', () => {
  it('gives a year and each quarter their first and last day, leap years included', () => {
    expect(periodOf(2024)).toEqual({ id: '2024', year: 2024, quarter: null, start: '2024-01-01', end: '2024-12-31' });
    expect(periodsBetween(2024, 2024, true).map((p) => [p.id, p.start, p.end])).toEqual([
      ['2024-Q1', '2024-01-01', '2024-03-31'],
      ['2024-Q2', '2024-04-01', '2024-06-30'],
      ['2024-Q3', '2024-07-01', '2024-09-30'],
      ['2024-Q4', '2024-10-01', '2024-12-31'],
    ]);
  });

  it('lists every period of a range oldest first, and reads every id back to the same period', () => {
    const years = periodsBetween(2016, 2025, false);
    expect(years.map((p) => p.id)).toEqual(['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    const quarters = periodsBetween(2019, 2020, true);
    expect(quarters).toHaveLength(8);
    for (const period of [...years, ...quarters]) expect(parsePeriod(period.id)).toEqual(period);
  });

  it('refuses malformed periods, years outside 2000 to 2100 and unknown places', () => {
    for (const id of ['2024-Q5', '2024-Q0', '24', '2024Q1', '2024-q1', '1999', '2101', ' 2024']) expect(parsePeriod(id), id).toBeNull();
    expect(trendKey({ place: 'XX', period: '2024' })).toBeNull();
    expect(trendKey({ place: 'NN', period: '2024-Q9' })).toBeNull();
    expect(trendKey({ place: 'NL', period: '2024-Q2' })).toEqual({ place: 'NL', period: '2024-Q2', span: periodOf(2024, 2) });
  });
});
