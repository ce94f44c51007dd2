import type { InputErrorCode } from '../writes.js';

/**
 * Why a row or a file was refused. Row problems use the kit's input error codes; the rest concern the file as a
 * whole: its encoding, its header, a line too long to be a row, a file with no rows, broken CSV quoting.
 */
export type ImportProblemCode =
  | InputErrorCode
  | 'ENCODING'
  | 'EMPTY'
  | 'TOO_LONG'
  | 'MALFORMED'
  | 'MISSING_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'EXTRA_VALUES'
  | 'MISSING_VALUES';

/** One refused row (or the file itself, with no column): what a clerk needs to find and fix it. */
export interface ImportProblem {
  /** The line in the file, counting the header as line 1; null for a problem with the file as a whole. */
  line: number | null;
  /** The column as the file's header names it, or null. */
  column: string | null;
  /** The value as written in the file, or null. */
  value: string | null;
  reason: string;
  code: ImportProblemCode;
}

/** A problem that ends reading the file at once (encoding, header, a line too long): nothing is written. */
export class ImportRefusal extends Error {
  constructor(
    readonly code: ImportProblemCode,
    message: string,
    readonly line: number | null = null,
    readonly column: string | null = null,
    readonly value: string | null = null,
  ) {
    super(message);
  }

  toProblem(): ImportProblem {
    return { line: this.line, column: this.column, value: this.value, reason: this.message, code: this.code };
  }
}

/** How many problems a report lists; the total is always counted. */
export const PROBLEM_CAP = 1000;

/** Collects problems up to the cap, counting every one, so a million bad rows cost no memory. */
export class ProblemLog {
  readonly listed: ImportProblem[] = [];
  total = 0;

  constructor(readonly cap = PROBLEM_CAP) {}

  add(problem: ImportProblem) {
    this.total += 1;
    if (this.listed.length < this.cap) this.listed.push(problem);
  }

  get any() {
    return this.total > 0;
  }
}
