import { historyOf } from '@vo/kit';
import type { Context } from '../context.js';
import type { PictureRow } from '../db/schema.js';

export const UnderminingPicture = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.picture.load(ref.id),
  /** Stubs by key: the gateway asks the regions subgraph for the region's and the RIEC's other fields. */
  region: (picture: PictureRow) => ({ code: picture.regionCode }),
  producer: (picture: PictureRow) => ({ id: picture.producerId }),
  history: (picture: PictureRow, _: unknown, ctx: Context) => historyOf(ctx.loaders.history, picture.id),
  signalsBySource: (picture: PictureRow) => [
    { source: 'POLICE', signalCount: picture.policeSignals },
    { source: 'MUNICIPALITY', signalCount: picture.municipalitySignals },
    { source: 'PUBLIC_PROSECUTION', signalCount: picture.prosecutionSignals },
    { source: 'BUSINESS', signalCount: picture.businessSignals },
  ],
};
