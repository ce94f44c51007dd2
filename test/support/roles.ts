import { NATIONAL_READ, regionRead, RIEC_READ } from '@vo/kit';
import { graphql, graphqlOk, withToken } from '@vo/kit/testing';

/** The callers the access tests play, each with the development token `npm run token` would give it. */
export const ROLES = {
  anonymous: { claims: undefined, client: { graphql, graphqlOk } },
  national: { claims: { scopes: [NATIONAL_READ] }, client: withToken({ scopes: [NATIONAL_READ] }) },
  regionNN: { claims: { scopes: [regionRead('NN')] }, client: withToken({ scopes: [regionRead('NN')] }) },
  regionLB: { claims: { scopes: [regionRead('LB')] }, client: withToken({ scopes: [regionRead('LB')] }) },
  riec: { claims: { scopes: [RIEC_READ] }, client: withToken({ scopes: [RIEC_READ] }) },
  /** DTC, the partner holding the Basisscan records. */
  scanOwner: { claims: { scopes: [], organisation: 'dtc' }, client: withToken({ scopes: [], organisation: 'dtc' }) },
} as const;

export type RoleName = keyof typeof ROLES;

/** A ministry analyst: the README's example operations read national detail (funding per funder, municipalities' cyber figures). */
export const asNational = ROLES.national.client;
