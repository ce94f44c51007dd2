import type { Context } from '../context.js';
import { createCertification, updateCertification, withdrawCertification, type CertificationUpdate } from '../writes/certifications.js';
import type { CertificationInput } from '../writes/rules.js';

/* The schema lets only kvo:write tokens in (@requiresScopes); each write checks, stores and audits in one transaction. */
export const Mutation = {
  createCertification: (_: unknown, args: { input: CertificationInput }, ctx: Context) =>
    createCertification(ctx.queries.db, ctx.viewer, args.input),
  updateCertification: (_: unknown, args: { id: string; input: CertificationUpdate }, ctx: Context) =>
    updateCertification(ctx.queries.db, ctx.viewer, args.id, args.input),
  withdrawCertification: (_: unknown, args: { id: string; withdrawnOn: string; reason: string }, ctx: Context) =>
    withdrawCertification(ctx.queries.db, ctx.viewer, args.id, args.withdrawnOn, args.reason),
};
