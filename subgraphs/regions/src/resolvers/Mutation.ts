import type { Context } from '../context.js';
import { checkPvoUpdate, type PvoUpdate } from '../writes/rules.js';

/** The PVO network's writes (regions:write, enforced from the SDL): rules first, so bad input writes nothing. */
export const Mutation = {
  updatePvo: (_: unknown, args: { region: string; input: PvoUpdate }, ctx: Context) =>
    ctx.queries.writes.update(ctx.viewer, args.region, (pvo) => checkPvoUpdate(pvo, args.input)),
};
