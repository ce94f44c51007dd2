import { CsvError, parse, type Info } from 'csv-parse';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { detectSeparator, matchHeader, type HeaderMap } from './header.js';
import { ImportRefusal, type ProblemLog } from './problems.js';
import type { ImportSpec } from './spec.js';

/** The longest line taken as a row: far above any real row, far below what would strain memory. */
export const MAX_LINE_CHARACTERS = 64 * 1024;

/** What reading the file learns as it goes: the rows read and the header names the file uses. */
export interface FileTally {
  rows: number;
  written?: Map<string, string>;
}

/** A row that passed its checks, with its line in the file (the header is line 1). */
export interface CheckedRow<R> {
  line: number;
  row: R;
}

/**
 * Reads the file's rows, streaming: the separator from the header line, the header matched to the spec's columns,
 * each cell parsed and each row checked. Problems go to `log`; rows that pass are yielded for staging.
 */
export async function* checkedRows<R>(text: AsyncIterable<string>, spec: ImportSpec, log: ProblemLog, tally: FileTally): AsyncGenerator<CheckedRow<R>> {
  const { headerLine, rest } = await readHeaderLine(text);
  const parser = parse({
    delimiter: detectSeparator(headerLine),
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    max_record_size: MAX_LINE_CHARACTERS,
  });
  // Errors reach the loop below through the parser, which the pipeline destroys with them.
  pipeline(Readable.from(rest), parser).catch(() => {});
  let header: HeaderMap | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (!header) {
        header = matchHeader(record, spec.columns);
        tally.written = header.written;
        continue;
      }
      tally.rows += 1;
      const row = checkRow<R>(record, info.lines, header, spec, log);
      if (row) yield row;
    }
  } catch (error) {
    throw error instanceof CsvError ? csvRefusal(error) : error;
  }
  if (!header) throw new ImportRefusal('EMPTY', 'The file is empty: it has no header and no rows.');
  if (tally.rows === 0) throw new ImportRefusal('EMPTY', 'The file has a header but no rows.', 1);
}

/** The text up to the first line break, and the whole text again (header included) as a stream. */
async function readHeaderLine(text: AsyncIterable<string>): Promise<{ headerLine: string; rest: AsyncIterable<string> }> {
  const chunks = text[Symbol.asyncIterator]();
  let head = '';
  let done = false;
  while (!done && !/[\r\n]/.test(head)) {
    if (head.length > MAX_LINE_CHARACTERS) throw tooLong(1);
    const next = await chunks.next();
    if (next.done) done = true;
    else head += next.value;
  }
  if (head.trim() === '') throw new ImportRefusal('EMPTY', 'The file is empty: it has no header and no rows.');
  const headerLine = head.split(/\r?\n|\r/, 1)[0]!;
  async function* rest() {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  return { headerLine, rest: rest() };
}

const tooLong = (line: number) =>
  new ImportRefusal('TOO_LONG', `Line ${line} is longer than ${MAX_LINE_CHARACTERS.toLocaleString('en')} characters: no row is that long. Is this the right file?`, line);

function csvRefusal(error: CsvError): ImportRefusal {
  const line = (error as CsvError & { lines?: number }).lines ?? null;
  if (error.code === 'CSV_MAX_RECORD_SIZE') return tooLong(line ?? 0);
  return new ImportRefusal('MALFORMED', `Line ${line} is not valid CSV (${error.message.replace(/^[^:]*: /, '')}); check its quotes.`, line);
}

/** Parses one record's cells and runs the spec's row check; problems go to the log. */
function checkRow<R>(record: string[], line: number, header: HeaderMap, spec: ImportSpec, log: ProblemLog): CheckedRow<R> | null {
  const written = (key: string | undefined) => (key ? (header.written.get(key) ?? key) : null);
  if (record.length !== header.keys.length) {
    const extra = record.length > header.keys.length;
    const reason = extra
      ? `The row has ${record.length} values but the header ${header.keys.length} columns.`
      : `The row has ${record.length} values; the header asks for ${header.keys.length}.`;
    log.add({ line, column: null, value: extra ? record.slice(header.keys.length).join(' | ') : null, reason, code: extra ? 'EXTRA_VALUES' : 'MISSING_VALUES' });
    return null;
  }
  const values: Record<string, unknown> = Object.fromEntries(spec.columns.map((column) => [column.key, null]));
  let valid = true;
  for (const [index, key] of header.keys.entries()) {
    const parsed = spec.columns.find((column) => column.key === key)!.parse(record[index]!);
    if ('problem' in parsed) {
      log.add({ line, column: written(key), value: record[index]!, reason: parsed.problem, code: parsed.code });
      valid = false;
    } else values[key] = parsed.value;
  }
  if (!valid) return null;
  const checked = spec.toRow(values);
  if ('row' in checked) return { line, row: checked.row as R };
  for (const problem of checked.problems) {
    const index = problem.column ? header.keys.indexOf(problem.column) : -1;
    log.add({ line, column: written(problem.column), value: index >= 0 ? record[index]! : null, reason: problem.reason, code: problem.code });
  }
  return null;
}
