import type { Context } from '../context.js';
import { checkCorrection, checkGrant, type GrantCorrection, type GrantInput } from '../writes/rules.js';

/** Funders' writes (funding:write, enforced from the SDL): rules first, so bad input writes nothing. */
export const Mutation = {
  async recordGrant(_: unknown, args: { input: GrantInput }, ctx: Context) {
    const { row, errors } = checkGrant(args.input);
    if (!row) return { grant: null, errors };
    return ctx.queries.writes.record(ctx.viewer, row);
  },
  correctGrant: (_: unknown, args: { id: string; input: GrantCorrection }, ctx: Context) =>
    ctx.queries.writes.correct(ctx.viewer, args.id, (grant) => checkCorrection(grant, args.input)),
};
