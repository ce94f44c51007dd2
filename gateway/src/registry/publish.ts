import { checkCandidate } from './check.js';
import { RegistryError } from './errors.js';
import { composeWith, unknownSubgraph, type Registry, type SubgraphInput } from './registry.js';
import { findVersion, sha256, type ActiveState, type SubgraphVersion } from './store.js';

const REACH_TIMEOUT_MS = 5000;

/** Refuses a subgraph the gateway cannot reach: routing queries to it would fail every request that touches it. */
async function ensureReachable(registry: Registry, name: string, routingUrl: string) {
  const url = registry.options.subgraphUrls?.[name] ?? routingUrl;
  let problem: string | undefined;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query __ApolloServiceHealthCheck__ { __typename }' }),
      signal: AbortSignal.timeout(REACH_TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => undefined)) as { data?: { __typename?: unknown } } | undefined;
    if (!response.ok || typeof body?.data?.__typename !== 'string') problem = `it answered HTTP ${response.status} without a GraphQL result`;
  } catch (error) {
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND) is its cause.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const timedOut = (error as Error).name === 'TimeoutError';
    problem = timedOut ? `no answer within ${REACH_TIMEOUT_MS / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
  }
  if (problem) {
    const message = `The gateway cannot reach subgraph "${name}" at ${url} (${problem}). Deploy it first, or fix the routing URL.`;
    throw new RegistryError(422, 'SUBGRAPH_UNREACHABLE', message, { url });
  }
}

function compositionFailed(message: string, composed: { problems: unknown[] }) {
  return new RegistryError(422, 'COMPOSITION_FAILED', message, { errors: composed.problems });
}

const summary = (state: ActiveState) => ({ id: state.supergraph.id, hash: state.supergraph.hash });
const answer = (status: 'published' | 'unchanged' | 'rolled back', version: SubgraphVersion, state: ActiveState) => ({
  status,
  subgraph: version.subgraph,
  version: version.version,
  hash: version.sdlHash,
  supergraph: summary(state),
});

/**
 * Stores a new version of a subgraph and switches the gateway to the supergraph composed with it. Refused, with
 * nothing stored and the gateway unchanged, when it does not compose or the subgraph is unreachable. Breaking
 * changes do not block a publish (the subgraph is already deployed; `check` is the gate in CI): they are reported.
 */
export async function publishSubgraph(registry: Registry, candidate: SubgraphInput, author: string) {
  return registry.exclusive(async (state) => {
    const current = state.members.find((member) => member.subgraph === candidate.name);
    if (current && current.sdlHash === sha256(candidate.sdl) && current.routingUrl === candidate.url) {
      return { ...answer('unchanged', current, state), changes: [] };
    }
    const composed = composeWith(state, candidate);
    if (composed.errors) {
      const message = `"${candidate.name}" does not compose with the current subgraphs; the gateway keeps serving the previous supergraph.`;
      throw compositionFailed(message, composed);
    }
    const check = await checkCandidate(registry, state, candidate, composed);
    await ensureReachable(registry, candidate.name, candidate.url);
    const { versions } = await registry.activate({
      reason: `publish ${candidate.name}`,
      author,
      supergraphSdl: composed.supergraphSdl,
      newVersions: [{ subgraph: candidate.name, sdl: candidate.sdl, routingUrl: candidate.url, author }],
      keptVersionIds: state.members.filter((member) => member !== current).map((member) => member.id),
    });
    return { ...answer('published', versions[0], registry.active), changes: check.changes };
  });
}

/** Serves an earlier version of a subgraph again (no new version is stored); it must still compose. */
export async function rollbackSubgraph(registry: Registry, name: string, versionNumber: number, author: string) {
  return registry.exclusive(async (state) => {
    const target = await findVersion(registry.db, name, versionNumber);
    if (!target) {
      if (!state.members.some((member) => member.subgraph === name)) throw unknownSubgraph(name, state);
      throw new RegistryError(404, 'NOT_FOUND', `Subgraph "${name}" has no version ${versionNumber}; see its history.`);
    }
    const current = state.members.find((member) => member.subgraph === name);
    if (current?.id === target.id) {
      return answer('unchanged', target, state);
    }
    const composed = composeWith(state, { name, sdl: target.sdl, url: target.routingUrl });
    if (composed.errors) {
      const message =
        `Version ${versionNumber} of "${name}" no longer composes with the current subgraphs; ` +
        'the gateway keeps serving the current supergraph.';
      throw compositionFailed(message, composed);
    }
    await ensureReachable(registry, name, target.routingUrl);
    await registry.activate({
      reason: `rollback ${name} to v${versionNumber}`,
      author,
      supergraphSdl: composed.supergraphSdl,
      newVersions: [],
      keptVersionIds: [...state.members.filter((member) => member !== current).map((member) => member.id), target.id],
    });
    return answer('rolled back', target, registry.active);
  });
}
