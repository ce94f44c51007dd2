import { stringify } from 'csv-stringify/sync';
import { COLUMNS, COLUMN_NAMES, ERRORS_COLUMN, type Kind } from './columns.js';
import { TRENDS_OPERATION_NAME } from './operation.js';
import type { TrendTable } from './table.js';

/** Said in every JSON export, and in the CSV's X-Data-Notice header, so figures are not taken for real ones. */
export const DATA_NOTICE =
  "Population: CBS, 1 January 2022. In the hub's bundled data set every KVO certificate, grant amount (but two) and cyber scan is synthetic (generated, seeded); see the README, The data.";

/** Euro cents as euros with a decimal comma, exactly (no floating point): 1234505 is "12345,05". */
function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(cents);
  return `${sign}${Math.floor(whole / 100)},${String(whole % 100).padStart(2, '0')}`;
}

/** A cell as Dutch spreadsheets read it: a decimal comma; empty for a figure the row does not have. */
function csvCell(kind: Kind, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'euro':
      return euros(value as number);
    case 'decimal':
      return String(value).replace('.', ',');
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return String(value);
  }
}

/**
 * The table as CSV for Dutch spreadsheet users: semicolon-separated, decimal comma, UTF-8 with a byte-order mark
 * (so Excel reads it as UTF-8), CRLF line ends, a header row of the column names. csv-stringify does the quoting,
 * and prefixes a cell that would start a formula with a quote.
 */
export function toCsv(table: TrendTable): string {
  const records = table.rows.map((row) => [...COLUMNS.map((column) => csvCell(column.kind, column.value(row.data))), row.errors.join(' | ')]);
  return stringify(records, {
    header: true,
    columns: COLUMN_NAMES,
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}

const jsonCell = (kind: Kind, value: unknown) => (value === undefined ? null : kind === 'euro' && typeof value === 'number' ? value / 100 : value);

/** The table as JSON: the same columns and rows, numbers as numbers (euros, not cents), and the API's errors. */
export function toJson(table: TrendTable) {
  return {
    operation: TRENDS_OPERATION_NAME,
    variables: table.variables,
    columns: COLUMN_NAMES,
    rows: table.rows.map((row) => ({
      ...Object.fromEntries(COLUMNS.map((column) => [column.name, jsonCell(column.kind, column.value(row.data))])),
      [ERRORS_COLUMN]: row.errors,
    })),
    errors: table.errors,
    notice: DATA_NOTICE,
  };
}
