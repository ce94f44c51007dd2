import { ChangeType, CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { graphql } from './graphql.js';
import type { CoordinateUsage } from './usage-store.js';

export type Criticality = 'BREAKING' | 'DANGEROUS' | 'SAFE';

/** One change of the API schema, judged against what operations used in the usage window. */
export interface JudgedChange {
  criticality: Criticality;
  /** graphql-inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
  message: string;
  /** The schema coordinate it concerns, e.g. `Region.kvo`. */
  path?: string;
  /** Operations that used the coordinate in the window, per client; only for breaking and dangerous changes. */
  usage?: { operations: number; clients: { name: string; operations: number }[] };
  /** fail: breaks operations clients run; warn: breaking or dangerous, but nothing recorded uses it; pass: safe. */
  verdict: 'fail' | 'warn' | 'pass';
  reason: string;
}

const CRITICALITY: Record<string, Criticality> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'SAFE',
};

/**
 * Changes whose path names something new or something inside a type (an added required argument, a removed enum
 * value) break every operation that uses the parent: `Region.kvo` for `Region.kvo.asOf`, `LegalForm` for
 * `LegalForm.FOUNDATION`. The others break only operations that use the path itself or something below it.
 */
const BREAKS_THE_PARENT = new Set<string>([
  ChangeType.FieldArgumentAdded,
  ChangeType.FieldArgumentTypeChanged,
  ChangeType.InputFieldAdded,
  ChangeType.InputFieldRemoved,
  ChangeType.InputFieldTypeChanged,
  ChangeType.EnumValueRemoved,
  ChangeType.EnumValueAdded,
  ChangeType.UnionMemberRemoved,
  ChangeType.UnionMemberAdded,
]);

const parentOf = (path: string) => path.split('.').slice(0, -1).join('.');

/** The coordinates whose recorded use means the change affects a client. */
function affectedCoordinates(change: Change): string[] {
  if (!change.path) return [];
  return BREAKS_THE_PARENT.has(change.type) ? [change.path, parentOf(change.path)].filter(Boolean) : [change.path];
}

/** Recorded use of the coordinates or of anything below them (`Region` covers `Region.kvo` and `Region.kvo.asOf`). */
function usageOf(coordinates: string[], usage: CoordinateUsage[]) {
  const clients = new Map<string, number>();
  for (const row of usage) {
    if (!coordinates.some((c) => row.coordinate === c || row.coordinate.startsWith(`${c}.`))) continue;
    // A coordinate and the ones below it are counted by the same operations: take the largest, do not add up.
    clients.set(row.clientName, Math.max(clients.get(row.clientName) ?? 0, row.count));
  }
  const list = [...clients].map(([name, operations]) => ({ name, operations })).sort((a, b) => b.operations - a.operations);
  return { operations: list.reduce((sum, c) => sum + c.operations, 0), clients: list };
}

function judge(change: Change, usage: CoordinateUsage[], windowDays: number): JudgedChange {
  const criticality = CRITICALITY[change.criticality.level] ?? 'BREAKING';
  const base = { criticality, type: change.type, message: change.message, ...(change.path ? { path: change.path } : {}) };
  if (criticality === 'SAFE') return { ...base, verdict: 'pass', reason: 'Safe: no existing operation can break.' };
  const used = usageOf(affectedCoordinates(change), usage);
  const window = `in the last ${windowDays} day${windowDays === 1 ? '' : 's'}`;
  const why = change.criticality.reason ? ` ${change.criticality.reason}` : '';
  if (used.operations === 0) {
    const kind = criticality === 'BREAKING' ? 'Breaking' : 'Dangerous';
    return { ...base, usage: used, verdict: 'warn', reason: `${kind}, but no recorded operation used it ${window}.${why}` };
  }
  const who = used.clients.map((c) => `${c.name} (${c.operations})`).join(', ');
  if (criticality === 'DANGEROUS') {
    return { ...base, usage: used, verdict: 'warn', reason: `Dangerous: ${used.operations} operations used it ${window}, by ${who}.${why}` };
  }
  return {
    ...base,
    usage: used,
    verdict: 'fail',
    reason: `Breaking: ${used.operations} operations used it ${window}, by ${who}. Keep it (deprecate it first) until they stop.${why}`,
  };
}

/**
 * Every change from the current API schema to the candidate's (both as SDL, built here in the graphql-js copy
 * graphql-inspector uses), each judged against the recorded usage: failures first, then warnings, by path.
 */
export async function judgeChanges(currentSdl: string, candidateSdl: string, usage: CoordinateUsage[], windowDays: number): Promise<JudgedChange[]> {
  const changes = await diff(graphql.buildSchema(currentSdl), graphql.buildSchema(candidateSdl));
  const rank = { fail: 0, warn: 1, pass: 2 };
  return changes
    .map((change) => judge(change, usage, windowDays))
    .sort((a, b) => rank[a.verdict] - rank[b.verdict] || (a.path ?? '').localeCompare(b.path ?? '') || a.type.localeCompare(b.type));
}
