import { perRequestContext, type RequestContext } from '@vo/kit';
import { createLoaders, createQueries, type Loaders, type Queries } from './loaders.js';

export type Context = RequestContext<Queries, Loaders>;

export const contextFactory = perRequestContext(createQueries, createLoaders);
