import { checkYear, isMunicipalityCode, isRegionCode, type PageArgs } from '@vo/kit';
import type { Context } from '../context.js';
import type { GrantChildFilter } from '../db/queries/grants.js';
import { isOrganisationId } from '../parties.js';
import type { SummaryParent } from './summary.js';

type ChildArgs = PageArgs & GrantChildFilter;
type ChildLoader = 'organisationGiven' | 'organisationReceived' | 'municipalityGiven' | 'municipalityReceived';

/** A child list of grants, batched over all parents asking with the same arguments. */
const grantList = (loader: ChildLoader, key: string, args: ChildArgs, ctx: Context) => {
  checkYear(args.year);
  return ctx.loaders[loader].load(key, args);
};

const summary = (scope: SummaryParent['scope'], key: string): SummaryParent => ({ scope, key });

/** Keys are checked against the kit's reference lists, so a representation of an unknown key resolves to null. */
export const Country = {
  __resolveReference: (ref: { code: string }) => (ref.code === 'NL' ? { code: 'NL' } : null),
  funding: () => summary('country', 'NL'),
};

export const Region = {
  __resolveReference: (ref: { code: string }) => (isRegionCode(ref.code) ? { code: ref.code } : null),
  funding: (region: { code: string }) => summary('region', region.code),
};

export const Organisation = {
  __resolveReference: (ref: { id: string }) => (isOrganisationId(ref.id) ? { id: ref.id } : null),
  grantsGiven: (o: { id: string }, args: ChildArgs, ctx: Context) => grantList('organisationGiven', o.id, args, ctx),
  grantsReceived: (o: { id: string }, args: ChildArgs, ctx: Context) => grantList('organisationReceived', o.id, args, ctx),
  fundingGiven: (o: { id: string }) => summary('organisationGiven', o.id),
  fundingReceived: (o: { id: string }) => summary('organisationReceived', o.id),
};

export const Municipality = {
  __resolveReference: (ref: { code: string }) => (isMunicipalityCode(ref.code) ? { code: ref.code } : null),
  grantsGiven: (m: { code: string }, args: ChildArgs, ctx: Context) => grantList('municipalityGiven', m.code, args, ctx),
  grantsReceived: (m: { code: string }, args: ChildArgs, ctx: Context) => grantList('municipalityReceived', m.code, args, ctx),
  fundingGiven: (m: { code: string }) => summary('municipalityGiven', m.code),
  fundingReceived: (m: { code: string }) => summary('municipalityReceived', m.code),
};
