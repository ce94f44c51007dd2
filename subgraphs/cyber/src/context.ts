import { perRequestContext, type RequestContext } from '@vo/kit';
import { createLoaders, createQueries, type Loaders, type Queries } from './loaders.js';

export type Context = RequestContext<Queries, Loaders>;

/** The context factory for a subgraph that publishes no group of fewer than `minGroupSize` companies. */
export const contextFactory = (minGroupSize: number) =>
  perRequestContext((db, changes) => createQueries(db, minGroupSize, changes), createLoaders);
