import type { DataChanges } from './data-version.js';
import type { Db } from './db.js';
import type { Viewer } from './roles.js';

/** What every subgraph's resolvers get: statements prepared once, this request's own DataLoaders and its verified caller. */
export interface RequestContext<Q, L> {
  queries: Q;
  loaders: L;
  viewer: Viewer;
}

/**
 * Builds a subgraph's `createContext`: prepares the statements once per database, then gives every
 * request fresh loaders, so batching and caching never cross requests.
 */
export function perRequestContext<Q, L>(createQueries: (db: Db, changes: DataChanges) => Q, createLoaders: (queries: Q) => L) {
  return (db: Db, changes: DataChanges) => {
    const queries = createQueries(db, changes);
    return (viewer: Viewer): RequestContext<Q, L> => ({ queries, loaders: createLoaders(queries), viewer });
  };
}
