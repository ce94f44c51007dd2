import { printSchema } from 'graphql';
import { composeSupergraph, type CompositionProblem, type CompositionResult } from '../composition.js';
import { judgeChanges, type JudgedChange } from './changes.js';
import { composeWith, type Registry, type SubgraphInput } from './registry.js';
import type { ActiveState } from './store.js';

export interface CheckResult {
  subgraph: string;
  result: 'pass' | 'fail';
  /** One line for a person: why it passed or failed. */
  summary: string;
  compositionErrors: CompositionProblem[];
  changes: JudgedChange[];
  usageWindowDays: number;
}

/** The API schema (what clients see) of the active supergraph as SDL, composed once per supergraph. */
const apiSchemas = new WeakMap<ActiveState['supergraph'], string>();
function activeApiSchema(state: ActiveState): string {
  let sdl = apiSchemas.get(state.supergraph);
  if (sdl === undefined) {
    const composed = composeSupergraph(state.members.map((m) => ({ name: m.subgraph, sdl: m.sdl, url: m.routingUrl })));
    if (composed.errors) throw new Error(`The active supergraph ${state.supergraph.id} no longer composes: ${composed.errors.join('; ')}`);
    apiSchemas.set(state.supergraph, (sdl = printSchema(composed.apiSchema)));
  }
  return sdl;
}

/**
 * Composes the candidate with the active set and judges every change to the API schema against what operations
 * used in the usage window. Fails on a composition error or on a breaking change to something in use.
 */
export async function checkCandidate(
  registry: Registry,
  state: ActiveState,
  candidate: SubgraphInput,
  composed: CompositionResult = composeWith(state, candidate),
): Promise<CheckResult> {
  const base = { subgraph: candidate.name, usageWindowDays: registry.usageWindowDays };
  if (composed.errors) {
    const summary = `The schema does not compose with the current subgraphs: ${composed.errors.length} error(s).`;
    return { ...base, result: 'fail', summary, compositionErrors: composed.problems, changes: [] };
  }
  const usage = await registry.usage.inWindow();
  const changes = await judgeChanges(activeApiSchema(state), printSchema(composed.apiSchema), usage, registry.usageWindowDays);
  const count = (verdict: JudgedChange['verdict']) => changes.filter((change) => change.verdict === verdict).length;
  const failed = count('fail');
  const window = `in the last ${registry.usageWindowDays} days`;
  const summary = failed
    ? `${failed} breaking change(s) to fields clients used ${window}.`
    : `${changes.length} change(s): ${count('warn')} with a warning, none breaks an operation clients used ${window}.`;
  return { ...base, result: failed ? 'fail' : 'pass', summary, compositionErrors: [], changes };
}
