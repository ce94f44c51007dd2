import type { SupergraphSdlHook } from '@apollo/gateway';
import { withSubgraphEnforcedSecurity } from '../identity.js';

/** Where the gateway gets its supergraph: fixed (a file), or the registry, which switches it on a publish. */
export interface SupergraphSource {
  /** The supergraph SDL to serve now. */
  current(): string;
  /**
   * Calls `listener` with every new supergraph before the registry commits to it; a listener that throws refuses
   * it, and the previous one stays. Returns a function that stops listening.
   */
  onChange(listener: (supergraphSdl: string) => void): () => void;
}

export function fixedSupergraph(supergraphSdl: string): SupergraphSource {
  if (!supergraphSdl.trim()) throw new Error('No supergraph to serve: give the gateway a supergraphSdl or a registry.');
  return { current: () => supergraphSdl, onChange: () => () => {} };
}

/**
 * @apollo/gateway's `supergraphSdl` function form: it serves the source's supergraph and swaps in each new one
 * through `update`, which builds the new schema and query planner before switching, so requests in flight finish on
 * the plan they started with and no request sees a half-loaded gateway.
 */
export function followSupergraph(source: SupergraphSource): SupergraphSdlHook {
  return async ({ update }) => {
    const stop = source.onChange((supergraphSdl) => update(withSubgraphEnforcedSecurity(supergraphSdl)));
    return { supergraphSdl: withSubgraphEnforcedSecurity(source.current()), cleanup: async () => stop() };
  };
}
