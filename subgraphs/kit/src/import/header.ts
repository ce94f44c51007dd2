import { ImportRefusal } from './problems.js';
import type { ImportColumn } from './spec.js';
import { normaliseName } from './values.js';

export type Separator = ';' | ',';

/**
 * The separator, from the header line: the one that occurs more often outside quotes. Dutch spreadsheets
 * write `;` (the comma is their decimal sign), others `,`; a header with neither is a one-column file.
 */
export function detectSeparator(headerLine: string): Separator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const character of headerLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === ';') semicolons += 1;
    else if (!quoted && character === ',') commas += 1;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/** Which spec column each position of the file holds, and the header text the file uses for it. */
export interface HeaderMap {
  /** Per position in the file: the spec column's key. */
  keys: string[];
  /** Spec column key to the header text as written in the file (for the report). */
  written: Map<string, string>;
}

/**
 * Matches the header to the spec's columns, case-, space-, accent- and underscore-insensitively, against each
 * column's name and aliases (Dutch and English). Unknown, duplicate and missing columns are refused together,
 * each named, so one corrected file fixes them all.
 */
export function matchHeader(header: string[], columns: readonly ImportColumn[]): HeaderMap {
  const byName = new Map<string, ImportColumn>();
  for (const column of columns) for (const alias of [column.key, ...column.aliases]) byName.set(normaliseName(alias), column);
  const keys: string[] = [];
  const written = new Map<string, string>();
  const problems: string[] = [];
  for (const [index, text] of header.entries()) {
    const column = byName.get(normaliseName(text));
    if (!column) problems.push(`column ${index + 1} "${text}" is not a column of this file (known: ${columns.map((c) => c.aliases[0] ?? c.key).join(', ')})`);
    else if (written.has(column.key)) problems.push(`"${text}" repeats the column "${written.get(column.key)}"`);
    else {
      keys.push(column.key);
      written.set(column.key, text);
    }
  }
  const missing = columns.filter((column) => !column.optional && !written.has(column.key));
  if (missing.length) problems.push(`missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.map((c) => `"${c.aliases[0] ?? c.key}"`).join(', ')}`);
  if (problems.length) {
    const code = missing.length && problems.length === 1 ? 'MISSING_COLUMN' : problems[0]!.includes('repeats') ? 'DUPLICATE_COLUMN' : 'UNKNOWN_COLUMN';
    throw new ImportRefusal(code, `The header (line 1) does not fit: ${problems.join('; ')}.`, 1);
  }
  return { keys, written };
}
