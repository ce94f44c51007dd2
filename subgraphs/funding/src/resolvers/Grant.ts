import type { Context } from '../context.js';
import type { GrantRow } from '../db/schema.js';
import { partyStub } from '../parties.js';
import { historyOf } from '@vo/kit';

export const Grant = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.grant.load(ref.id),
  funder: (grant: GrantRow) => partyStub(grant.funderType, grant.funderId),
  recipient: (grant: GrantRow) => partyStub(grant.recipientType, grant.recipientId),
  via: (grant: GrantRow) => (grant.viaId ? { id: grant.viaId } : null),
  recipientRegion: (grant: GrantRow) => (grant.recipientRegionCode ? { code: grant.recipientRegionCode } : null),
  history: (grant: GrantRow, _: unknown, ctx: Context) => historyOf(ctx.loaders.history, grant.id),
};

/** Party stubs carry their __typename, so the union needs no lookup. */
export const FundingParty = {
  __resolveType: (party: { __typename: string }) => party.__typename,
};
