import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditTable } from '../audit.js';
import type { Db } from '../db.js';
import type { InputError } from '../writes.js';
import type { ImportProblemCode } from './problems.js';
import type { CellParser } from './values.js';

/** One column a file may hold: its key, the header names partners use for it, and how to read its cells. */
export interface ImportColumn {
  /** The name the row check receives the value under. */
  key: string;
  /** Header names accepted, Dutch and English; the first is the one the report suggests. */
  aliases: string[];
  parse: CellParser;
  /** The file may leave this column out (its values are then null). */
  optional?: boolean;
}

/** A problem the row check found; `column` is a column key (the report shows the file's own header for it). */
export interface RowProblem {
  column?: string;
  reason: string;
  code: ImportProblemCode;
}

/**
 * A reference the staged rows must satisfy, checked in SQL over the whole file at once (no list of keys in
 * memory): every non-null `field` must be one of the values `known` selects (one column).
 */
export interface ReferenceCheck {
  field: PgColumn;
  /** The column key the report names. */
  column: string;
  known: SQL;
  reason: (value: string) => string;
}

/**
 * Everything the kit needs to import one entity's file: a subgraph declares one of these in a few dozen lines,
 * and the kit does the reading, checking, staging, merging and auditing.
 */
export interface ImportSpec<T extends PgTable = PgTable> {
  /** The audit's entity name, as the subgraph's mutations record it (e.g. "Certification"). */
  entity: string;
  columns: readonly ImportColumn[];
  /** The table rows are merged into; every column is written from the row the check returns. */
  target: T;
  /** The key rows merge on: target columns holding a unique constraint, and the file columns it is made of. */
  key: UniqueKey;
  /** Other unique keys of the target: a file may not repeat one, nor take one another record holds. */
  unique?: UniqueKey[];
  /** The subgraph's audit table (kit auditTable). */
  audit: AuditTable;
  /**
   * The target properties an audit entry shows, each by the name a partner sees in `AuditEntry.changes` (the name
   * the subgraph's mutations record, from the same map); columns left out are derived from these and not shown.
   * Without it, every column is shown under its property name.
   */
  audited?: AuditedNames<T>;
  /**
   * Target columns a file never carries, kept by other writes (a certificate's withdrawal): an import writes them
   * only when it creates a record, and never compares, changes or audits them on an existing one.
   */
  preserved?: PgColumn[];
  /** Checks one row's values (keyed by column key, null when empty or absent) and builds the target row. */
  toRow(values: Record<string, unknown>): { row: T['$inferInsert'] } | { problems: RowProblem[] };
  references?: ReferenceCheck[];
  /** Further checks of the staged file in SQL: each selects `line`, `value` and `reason` from the stage. */
  checks?: StagedCheck[];
  /** Completes derived columns of the staged rows in SQL (e.g. from rows stored before), once every check passed. */
  complete?: (tx: Db) => Promise<void>;
}

/** A unique key: target columns, and the file columns a clerk recognises it by. */
export interface UniqueKey {
  fields: PgColumn[];
  columns: string[];
}

/** A rule over the staged file as a whole (a renewal's predecessor, for example), reported under `column`. */
export interface StagedCheck {
  column: string;
  /** The problems' code; without it, the query selects each problem's own `code`. */
  code?: ImportProblemCode;
  /** Selects `line`, `value` (text) and `reason` of staged rows (and `code`, see above); those with a null reason pass. */
  query: SQL;
}

/** Target property to the name its changes are audited under. */
export type AuditedNames<T extends PgTable = PgTable> = Partial<Record<keyof T['$inferInsert'] & string, string>>;

/** A row's audited fields under their audited names, for a mutation's `changedFields`: the import's names exactly. */
export function auditedValues<R extends Record<string, unknown>>(row: R, names: Partial<Record<keyof R & string, string>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(names).map(([property, name]) => [name as string, row[property] ?? null]));
}

/** The row rules' errors (found with an empty base path, so the first path element is the column key) as row problems. */
export function rowProblems(errors: readonly InputError[]): { problems: RowProblem[] } {
  return { problems: errors.map((error) => ({ column: error.path[0], reason: error.message, code: error.code })) };
}

/** A list known in code (the kit's reference sites, municipalities) as SQL rows of one text column, in one parameter. */
export function knownValues(values: readonly string[]): SQL {
  return sql`select unnest(string_to_array(${values.join('\n')}, E'\\n'))`;
}
