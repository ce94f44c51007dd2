import type { Db } from '@vo/kit';
import { createLoaders, createQueries, type Loaders, type Queries } from './loaders.js';

export interface Context {
  queries: Queries;
  loaders: Loaders;
}

/** Prepares statements once, then gives every request its own loaders. */
export function contextFactory(db: Db): () => Context {
  const queries = createQueries(db);
  return () => ({ queries, loaders: createLoaders(queries) });
}
