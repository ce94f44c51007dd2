import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../identity.js';
import type { TrendRowData } from './columns.js';
import { TRENDS_OPERATION, TRENDS_OPERATION_NAME, type TrendVariables } from './operation.js';

/** One line of the export: a place in a period, and why any of its cells is empty although it has the figure. */
export interface ExportRow {
  data: TrendRowData;
  errors: string[];
}

export interface TrendTable {
  variables: TrendVariables;
  /** The region rows in the order the API gives them (region by region, periods oldest first), then the national rows. */
  rows: ExportRow[];
  /** The GraphQL errors as the API gives them. */
  errors: readonly GraphQLFormattedError[];
}

export type TrendOutcome = { table: TrendTable } | { failed: { status: number; errors: readonly GraphQLFormattedError[] } };

/** The HTTP status of an answer without a table, from its first error's code. */
function statusOf(errors: readonly GraphQLFormattedError[]): number {
  const code = errors[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') return 401;
  if (code === 'FORBIDDEN') return 403;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) return 500;
  return 400;
}

/** "funding.byFunder: FORBIDDEN: This is detail of region LB ...": the field of the row that failed, and why. */
const note = (error: GraphQLFormattedError, field: readonly (string | number)[]) =>
  `${field.join('.') || 'row'}: ${String(error.extensions?.code ?? 'ERROR')}: ${error.message}`;

/**
 * Runs the trend operation through the gateway's own executor, with the caller's verified token in its context:
 * the same parsing, limits, plan and subgraph calls as a POST to /graphql, so access rules and small-group
 * suppression apply exactly as in the API. Each error inside a row is noted on that row; one that names no row
 * (a subgraph that could not be reached) on every row.
 */
export async function runTrends(apollo: ApolloServer<GatewayContext>, context: GatewayContext, variables: TrendVariables): Promise<TrendOutcome> {
  const response = await apollo.executeOperation<{ trends: { rows: TrendRowData[]; national: TrendRowData[] } | null }>(
    { query: TRENDS_OPERATION, operationName: TRENDS_OPERATION_NAME, variables: { ...variables } },
    { contextValue: context },
  );
  if (response.body.kind !== 'single') throw new Error('The trend operation answered incrementally, which the export cannot write.');
  const { data, errors = [] } = response.body.singleResult;
  if (!data?.trends) return { failed: { status: response.http.status ?? statusOf(errors), errors } };
  const sections = { rows: data.trends.rows, national: data.trends.national };
  const offset = { rows: 0, national: sections.rows.length };
  const rows: ExportRow[] = [...sections.rows, ...sections.national].map((row) => ({ data: row, errors: [] }));
  for (const error of errors) {
    const [root, section, index, ...field] = error.path ?? [];
    const row = root === 'trends' && (section === 'rows' || section === 'national') && typeof index === 'number' ? rows[offset[section] + index] : undefined;
    // An error that names no row (a subgraph that could not be reached) may have emptied cells of any row.
    for (const target of row ? [row] : rows) {
      const text = note(error, row ? field : ['table']);
      if (!target.errors.includes(text)) target.errors.push(text);
    }
  }
  return { table: { variables, rows, errors } };
}
