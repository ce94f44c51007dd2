import { readFileSync } from 'node:fs';
import type { AuditChanges } from './audit.js';

/**
 * What every write shares, mutation or import: the input problems a caller can fix, and the SDL of the types
 * that carry them (writes.graphql; each subgraph that writes copies that text into its schema.graphql verbatim,
 * and test/writes-sdl.test.ts checks the copies).
 */
export type InputErrorCode = 'REQUIRED' | 'INVALID' | 'OUT_OF_RANGE' | 'UNKNOWN_REFERENCE' | 'DUPLICATE' | 'NOT_FOUND' | 'CONFLICT';

export interface InputError {
  path: string[];
  code: InputErrorCode;
  message: string;
}

export const inputError = (path: string[], code: InputErrorCode, message: string): InputError => ({ path, code, message });

/** The canonical SDL of InputError, AuditEntry and FieldChange. */
export const WRITES_SDL = readFileSync(new URL('./writes.graphql', import.meta.url), 'utf8');

/** An audit entry's changes as the `FieldChange` list of the schema: values as JSON text. */
export function fieldChanges(changes: AuditChanges) {
  return Object.entries(changes).map(([field, value]) => {
    const [before, after] = Array.isArray(value) ? value : [null, value];
    return { field, before: before == null ? null : JSON.stringify(before), after: after == null ? null : JSON.stringify(after) };
  });
}

/** An audit row as the `AuditEntry` type of the schema. */
export function auditEntryResult(row: { at: string; actor: string; organisation: string | null; action: string; changes: AuditChanges; importId: number | null }) {
  return {
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    organisation: row.organisation,
    action: row.action,
    changes: fieldChanges(row.changes),
    importId: row.importId == null ? null : String(row.importId),
  };
}
