import { DEVELOPMENT_AUTH, SITES, signDevelopmentToken, subgraphWrite, type Db, type SiteKind } from '@vo/kit';
import { graphql } from '@vo/kit/testing';
import { and, isNull, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { certifications } from '../src/db/schema.js';
import { schemaChecksum } from '@vo/kit/import';

/** The certifier's system as the tests play it: a token with kvo:write for the CCV, named by role. */
export const WRITER = { scopes: [subgraphWrite('kvo')], organisation: 'ccv', subject: 'ccv-kvo-register' };

/** A client sending a development token with these claims (none: anonymous). */
export function client(url: string, claims?: { scopes: string[]; organisation?: string; subject?: string }) {
  const headers = claims ? signDevelopmentToken(DEVELOPMENT_AUTH, claims).then((token) => ({ authorization: `Bearer ${token}` })) : Promise.resolve({});
  return async <T = any>(query: string, variables?: Record<string, unknown>) => graphql<T>(url, query, variables, await headers);
}

/** Every table of the kvo schema: equal before and after means nothing was written. */
export const tablesChecksum = (db: Db) => schemaChecksum(db, 'kvo');

/** Sites of a kind that hold no certificate at all, so a test can certify them without colliding with the seed. */
export async function freeSites(db: Db, kind: SiteKind) {
  const used = new Set((await db.selectDistinct({ siteId: certifications.siteId }).from(certifications)).map((row) => row.siteId));
  return SITES.filter((site) => site.kind === kind && !used.has(site.id));
}

/** The newest certificate of a chain that nobody renewed yet and that ends before `before`. */
export async function chainEnd(db: Db, scheme: string, before: string) {
  const renewal = alias(certifications, 'renewal');
  const renewed = db.select({ one: sql`1` }).from(renewal).where(sql`${renewal.previousId} = ${certifications.id}`);
  const [row] = await db
    .select()
    .from(certifications)
    .where(and(sql`${certifications.scheme} = ${scheme}`, sql`${certifications.validUntil} < ${before}`, isNull(certifications.withdrawnOn), notExists(renewed)))
    .orderBy(sql`${certifications.validUntil} desc`, certifications.id)
    .limit(1);
  return row;
}

export const CERTIFICATE_FIELDS = 'id scheme site { id } certifiedOn validUntil kind previous { id } themes withdrawnOn withdrawalReason synthetic';
const PAYLOAD = `certification { ${CERTIFICATE_FIELDS} } errors { path code message }`;

export const CREATE = `mutation($input: CertificationInput!) { createCertification(input: $input) { ${PAYLOAD} } }`;
export const UPDATE = `mutation($id: ID!, $input: CertificationUpdateInput!) { updateCertification(id: $id, input: $input) { ${PAYLOAD} } }`;
export const WITHDRAW = `mutation($id: ID!, $on: Date!, $reason: String!) { withdrawCertification(id: $id, withdrawnOn: $on, reason: $reason) { ${PAYLOAD} } }`;
export const HISTORY = `query($id: ID!) { certification(id: $id) { history { at actor organisation action changes { field before after } importId } } }`;
