import { NATIONAL_READ, regionRead, RIEC_READ, subgraphWrite } from '@vo/kit';
import { graphql, graphqlOk, withToken } from '@vo/kit/testing';

/** A partner's write token: its claims, and a client sending it. */
function writer(claims: { scopes: string[]; organisation: string }) {
  return { claims, client: withToken(claims) };
}

/** The callers the access tests play, each with the development token `npm run token` would give it. */
export const ROLES = {
  anonymous: { claims: undefined, client: { graphql, graphqlOk } },
  national: { claims: { scopes: [NATIONAL_READ] }, client: withToken({ scopes: [NATIONAL_READ] }) },
  regionNN: { claims: { scopes: [regionRead('NN')] }, client: withToken({ scopes: [regionRead('NN')] }) },
  regionLB: { claims: { scopes: [regionRead('LB')] }, client: withToken({ scopes: [regionRead('LB')] }) },
  riec: { claims: { scopes: [RIEC_READ] }, client: withToken({ scopes: [RIEC_READ] }) },
  /** DTC, the partner holding the Basisscan records. */
  scanOwner: { claims: { scopes: [], organisation: 'dtc' }, client: withToken({ scopes: [], organisation: 'dtc' }) },
  /** The CCV's register, writing certificates. */
  certifier: writer({ scopes: [subgraphWrite('kvo')], organisation: 'ccv' }),
  /** The ministry recording grants. */
  funder: writer({ scopes: [subgraphWrite('funding')], organisation: 'jenv' }),
  /** The PVO network keeping each platform's facts current. */
  pvoNetwork: writer({ scopes: [subgraphWrite('regions')], organisation: 'pvo-nl' }),
  /** DTC's systems submitting the Basisscan results they hold. */
  scanSubmitter: writer({ scopes: [subgraphWrite('cyber')], organisation: 'dtc' }),
  /** RIEC Noord-Nederland publishing its pictures, which it also reads. */
  riecProducer: writer({ scopes: [subgraphWrite('riec'), RIEC_READ], organisation: 'riec-nn' }),
  /**
   * A token holding every write scope but no read scope, its org claim naming no organisation of the hub: each
   * write's second condition (a known organisation, a RIEC, riec:read) must refuse it on its own.
   */
  strayWriter: writer({ scopes: ['kvo', 'funding', 'regions', 'cyber', 'riec'].map(subgraphWrite), organisation: 'no-such-partner' }),
} as const;

export type RoleName = keyof typeof ROLES;

/** A ministry analyst: the README's example operations read national detail (funding per funder, municipalities' cyber figures). */
export const asNational = ROLES.national.client;
