import { readFileSync } from 'node:fs';

/**
 * The export runs the analysts' documented operation itself (schema/operations/RegionTrends.graphql, also in the
 * trusted documents), so a download holds exactly what the API answers the same caller with the same variables.
 */
export const TRENDS_OPERATION = readFileSync(new URL('../../../schema/operations/RegionTrends.graphql', import.meta.url), 'utf8');
export const TRENDS_OPERATION_NAME = 'RegionTrends';

/** The operation's variables, as the export's query parameters give them. */
export interface TrendVariables {
  from: number;
  to: number;
  regions?: string[];
  quarters: boolean;
}
