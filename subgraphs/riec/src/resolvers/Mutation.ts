import { today } from '@vo/kit';
import type { Context } from '../context.js';
import { checkPicture, checkWithdrawalReason, type PictureInput } from '../writes/rules.js';
import { publishPicture, withdrawPicture } from '../writes/store.js';

// The riec_producer policy has made sure the token's org claim names a RIEC: it is the producer of what it writes.
export const Mutation = {
  async publishUnderminingPicture(_: unknown, args: { input: PictureInput }, ctx: Context) {
    const { picture, errors } = checkPicture(args.input, { producer: ctx.viewer.organisation!, today: today() });
    if (!picture) return { picture: null, errors };
    return { picture: await publishPicture(ctx.queries.db, ctx.viewer, picture), errors: [] };
  },
  async withdrawUnderminingPicture(_: unknown, args: { id: string; reason: string }, ctx: Context) {
    const problem = checkWithdrawalReason(args.reason);
    if (problem) return { picture: null, errors: [problem] };
    return withdrawPicture(ctx.queries.db, ctx.viewer, args.id, args.reason);
  },
};
