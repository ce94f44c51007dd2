import { groupLoader, loaderPerArguments, rowLoader, type Db } from '@vo/kit';
import { createPictureQueries, type PictureFilter, type SignalYearRow } from './db/queries/pictures.js';
import { audit, type PictureRow } from './db/schema.js';
import { auditHistories, auditHistoryLoader } from '@vo/kit';
import { PICTURE_ENTITY } from './writes/store.js';

export type Queries = ReturnType<typeof createQueries>;

/** Prepares the statements once per process; the writes take the database itself, for their transactions. */
export function createQueries(db: Db) {
  return { db, pictures: createPictureQueries(db), history: auditHistories(db, audit, PICTURE_ENTITY) };
}

/** One set of loaders per request, so batching and caching never cross requests. */
export function createLoaders(queries: Queries) {
  return {
    picture: rowLoader(queries.pictures.byIds, (row: PictureRow) => row.id),
    /** Every region asking with the same filters shares one loader, so ten regions are one statement. */
    regionPictures: loaderPerArguments((filter: PictureFilter) =>
      groupLoader((codes: readonly string[]) => queries.pictures.byRegions(codes, filter), (row: PictureRow) => row.regionCode),
    ),
    history: auditHistoryLoader(queries.history),
    regionSignals: loaderPerArguments((range: { from: number; to: number }) =>
      groupLoader((codes: readonly string[]) => queries.pictures.signalsPerYear(codes, range), (row: SignalYearRow) => row.regionCode),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
