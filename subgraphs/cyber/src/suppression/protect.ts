import type { Breakdown, Measures, SummaryFilter } from '../db/queries/summaries.js';
import type { SuppressionPattern } from './pattern.js';
import type { Suppression } from './suppress.js';

/** Measures as the graph publishes them: withheld cells carry null instead of their numbers. */
export interface PublishedMeasures {
  scanCount: number | null;
  companyCount: number | null;
  averageScore: number | null;
  averages: { [column in keyof Measures['averages']]: number | null };
  suppressed: boolean;
  suppression: Suppression | null;
}

/** Which cell of the pattern a row of a summary is, and so whether it may be published. */
export function statusOfRow(
  pattern: SuppressionPattern,
  source: { key: string; filter: SummaryFilter },
  breakdown: Breakdown,
  group: string | number | null,
  companyCount: number,
): Suppression | null {
  if (companyCount === 0) return null;
  // Fail closed: a small group is withheld even if the data changed since the pattern was computed.
  if (companyCount < pattern.minGroupSize) return 'PRIMARY';
  const { filter } = source;
  return pattern.statusOf({
    place: source.key,
    year: breakdown === 'year' ? Number(group) : (filter.year ?? null),
    instrument: breakdown === 'instrument' ? String(group) : (filter.instrument ?? null),
    sector: breakdown === 'sector' ? String(group) : (filter.sector ?? null),
  });
}

/** The row as published: its numbers, or nulls and the reason when it is withheld. */
export function publish(measures: Measures, suppression: Suppression | null): PublishedMeasures {
  if (!suppression) return { ...measures, suppressed: false, suppression: null };
  const averages = Object.fromEntries(Object.keys(measures.averages).map((column) => [column, null]));
  return {
    scanCount: null,
    companyCount: null,
    averageScore: null,
    averages: averages as PublishedMeasures['averages'],
    suppressed: true,
    suppression,
  };
}
