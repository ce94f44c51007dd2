import { BadInputError, NotFoundError, checkPlaces, readPage, toConnection, type PageArgs } from '@vo/kit';
import type { Context } from '../context.js';
import type { PictureListFilter } from '../db/queries/pictures.js';
import { checkPeriodFilter } from '../periods.js';

interface PicturesArgs extends PageArgs {
  region?: string | null;
  year?: number | null;
  period?: string | null;
  theme?: string | null;
}

const PICTURE_ID = /^[A-Z]{2,3}-\d{4}-H[12]-[A-Z_]+$/;

/** Checks every filter first, so a typo gives NOT_FOUND or BAD_USER_INPUT rather than an empty page. */
function pictureFilter(args: PicturesArgs): PictureListFilter {
  checkPlaces({ region: args.region });
  return { region: args.region ?? null, ...checkPeriodFilter(args), theme: args.theme ?? null };
}

export const Query = {
  async underminingPictures(_: unknown, args: PicturesArgs, ctx: Context) {
    const page = readPage(args);
    const filter = pictureFilter(args);
    const rows = await ctx.queries.pictures.list(filter, page);
    return toConnection(rows, page, () => ctx.queries.pictures.count(filter), (row) => [row.id]);
  },
  async underminingPicture(_: unknown, args: { id: string }, ctx: Context) {
    if (!PICTURE_ID.test(args.id)) {
      throw new BadInputError(`id must be region code, half-year and theme, for example NN-2024-H1-DRUG_LABS; got "${args.id}".`, 'id');
    }
    const picture = await ctx.loaders.picture.load(args.id);
    if (!picture) throw new NotFoundError('UnderminingPicture', args.id);
    return picture;
  },
};
