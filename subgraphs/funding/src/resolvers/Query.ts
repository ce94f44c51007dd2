import { NotFoundError, checkPlaces, checkYear, readPage, toConnection, type PageArgs } from '@vo/kit';
import type { Context } from '../context.js';
import type { GrantFilter } from '../db/queries/grants.js';
import { partyFromId } from '../parties.js';

interface GrantsArgs extends PageArgs {
  region?: string | null;
  funder?: string | null;
  recipient?: string | null;
  year?: number | null;
  kind?: string | null;
  theme?: string | null;
}

/** Checks every filter first, so a typo gives NOT_FOUND or BAD_USER_INPUT rather than an empty page. */
function grantFilter(args: GrantsArgs): GrantFilter {
  checkPlaces({ region: args.region });
  return {
    region: args.region ?? null,
    funder: args.funder != null ? partyFromId(args.funder) : null,
    recipient: args.recipient != null ? partyFromId(args.recipient) : null,
    year: checkYear(args.year),
    kind: args.kind,
    theme: args.theme,
  };
}

export const Query = {
  async grants(_: unknown, args: GrantsArgs, ctx: Context) {
    const page = readPage(args);
    const filter = grantFilter(args);
    const rows = await ctx.queries.grants.list(filter, page);
    return toConnection(rows, page, () => ctx.queries.grants.count(filter), (row) => [row.id]);
  },
  async grant(_: unknown, args: { id: string }, ctx: Context) {
    const grant = await ctx.loaders.grant.load(args.id);
    if (!grant) throw new NotFoundError('Grant', args.id);
    return grant;
  },
};
