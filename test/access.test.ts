// Identity and region scoping end to end: the real gateway over the four real subgraphs.
import { createGateway } from '@vo/gateway';
import { closeServer, DEVELOPMENT_AUTH, listen, signDevelopmentToken, type DevelopmentAuthConfig } from '@vo/kit';
import { graphql } from '@vo/kit/testing';
import { UnsecuredJWT } from 'jose';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, SUPERGRAPH_PATH, type Hub } from './support/hub.js';
import { ROLES } from './support/roles.js';

let hub: Hub;
let lbGrant: string;
beforeAll(async () => {
  hub = await startHub();
  const { grants } = await ROLES.national.client.graphqlOk(hub.url, '{ grants(region: "LB", first: 1) { nodes { id } } }');
  lbGrant = grants.nodes[0].id;
});
afterAll(() => hub?.close());

const LB_MUNICIPALITY = 'GM0935'; // Maastricht
const codesOf = (errors: { extensions?: Record<string, unknown> }[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);

describe('bad tokens', () => {
  const national = (overrides: Partial<DevelopmentAuthConfig> = {}, expiresIn?: number) =>
    signDevelopmentToken({ ...DEVELOPMENT_AUTH, ...overrides }, { scopes: ['national:read'], expiresIn });
  const cases: [string, () => Promise<string>][] = [
    ['a forged token (another key)', () => national({ secret: 'an attacker guessing at the key, 32+ chars' })],
    ['an expired token', () => national({}, Math.floor(Date.now() / 1000) - 5)],
    ['a malformed token', async () => 'eyJhbGciOi.garbage.here'],
    ['a token for another audience', () => national({ audience: 'another-api' })],
    ['an alg:none token', async () => new UnsecuredJWT({ scope: 'national:read' }).setIssuer(DEVELOPMENT_AUTH.issuer).setAudience(DEVELOPMENT_AUTH.audience).setExpirationTime('5m').encode()],
  ];

  it.each(cases)('refuses %s at the gateway with 401 UNAUTHENTICATED, no crash and no internals', async (_, token) => {
    const result = await graphql(hub.url, '{ country { name } }', {}, { authorization: `Bearer ${await token()}` });
    expect(result.status).toBe(401);
    expect(codesOf(result.errors)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(result)).not.toMatch(/stack|at .*\.ts|jose/i);
  });

  it.each(cases)('refuses %s at a subgraph too: a subgraph never trusts a header because a gateway might have checked it', async (_, token) => {
    const result = await graphql(hub.subgraphs.funding.url, '{ grants { totalCount } }', {}, { authorization: `Bearer ${await token()}` });
    expect(result.status).toBe(401);
    expect(codesOf(result.errors)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the open-data view', () => {
  it('answers anonymous callers: regions, PVOs, municipalities, sites, certificates, grant totals and national cyber aggregates', async () => {
    const result = await graphql(hub.url, `{
      regions { code pvo { name legalForm } kvo(asOf: "2026-11-22") { validCertificates } funding { totalCents earmarkedShare perYear(from: 2024, to: 2025) { totalCents } } cyber { scanCount averageScore } }
      municipality(code: "${LB_MUNICIPALITY}") { name region { code } sites(first: 2) { nodes { name kind } } }
      certifications(first: 2, region: "LB") { nodes { id site { name } } }
      country { funding { totalCents } cyber { scanCount bySector { sector scanCount } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ municipality: { name: 'Maastricht', region: { code: 'LB' } } });
    expect((result.data as any).regions).toHaveLength(10);
  });

  it('refuses detail to anonymous callers with FORBIDDEN at the refused field, and still answers the rest', async () => {
    const result = await graphql(hub.url, '{ region(code: "LB") { name funding { totalCents byFunder { amountCents } } } }');
    expect(result.data).toMatchObject({ region: { name: 'Limburg', funding: { byFunder: null } } });
    expect((result.data as any).region.funding.totalCents).toBeGreaterThan(0);
    expect(result.errors).toMatchObject([{ path: ['region', 'funding', 'byFunder'], extensions: { code: 'FORBIDDEN' } }]);
  });
});

describe('a region:NN:read token', () => {
  const nn = ROLES.regionNN.client;

  it('reads its own region in detail, through the gateway that forwards its token', async () => {
    const data = await nn.graphqlOk(hub.url, `{
      region(code: "NN") { funding { byFunder { amountCents } } cyber(sector: RETAIL) { scanCount bySector { sector } } municipalities { cyber { scanCount } } }
      grants(region: "NN", first: 5) { totalCount nodes { id recipientRegion { code } } } }`);
    expect(data.region.funding.byFunder.length).toBeGreaterThan(0);
    expect(data.grants.nodes.every((g: any) => g.recipientRegion.code === 'NN')).toBe(true);
  });

  // Every path to Limburg's detail: directly, through lists, through other entities, and through filters.
  const paths: [string, string][] = [
    ['Query.region', '{ region(code: "LB") { funding { byFunder { amountCents } } } }'],
    ['Query.regions', '{ regions(codes: ["LB"]) { funding { perYear(from: 2024, to: 2025) { byKind { amountCents } } } } }'],
    ['a cyber breakdown of the region', '{ region(code: "LB") { cyber { byInstrument { scanCount } } } }'],
    ['a cyber filter that is a breakdown', '{ region(code: "LB") { cyber(instrument: PENTEST) { scanCount } } }'],
    ['Query.municipality', `{ municipality(code: "${LB_MUNICIPALITY}") { cyber { scanCount } } }`],
    ['Query.municipalities(region)', '{ municipalities(region: "LB", first: 1) { nodes { grantsReceived { totalCount } } } }'],
    ['Site -> municipality', '{ sites(region: "LB", first: 1) { nodes { municipality { cyber { averageScore } } } } }'],
    ['Municipality -> region', `{ municipality(code: "${LB_MUNICIPALITY}") { region { funding { byTheme { amountCents } } } } }`],
    ['Organisation (a Limburg funder)', '{ organisation(id: "province-limburg") { grantsGiven { totalCount } fundingGiven { byFunder { amountCents } } } }'],
    ['Query.grants(region)', '{ grants(region: "LB") { totalCount } }'],
    ['Query.grants without region', '{ grants(first: 1) { totalCount } }'],
    ['Query.grants by funder', '{ grants(funder: "province-limburg") { totalCount } }'],
    ['Query.grant', '{ grant(id: "$LB_GRANT") { amountCents } }'],
    ['Query.cyberScans', '{ cyberScans(region: "LB") { totalCount } }'],
  ];

  it.each(paths)('cannot read Limburg detail through %s', async (_, query) => {
    const result = await nn.graphql(hub.url, query.replace('$LB_GRANT', lbGrant));
    expect(result.status).toBe(200);
    expect(result.errors?.length).toBeGreaterThan(0);
    for (const error of result.errors!) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(error.extensions?.code);
    expect(codesOf(result.errors)).toContain('FORBIDDEN');
  });

  it('is told how to ask: list its own region', async () => {
    const result = await nn.graphql(hub.url, '{ grants(first: 1) { totalCount } }');
    expect(result.errors?.[0].message).toMatch(/national:read.*region NN only.*region: "NN"/);
  });

  it('cannot reach Limburg detail through _entities on the subgraph directly either', async () => {
    const result = await nn.graphql(hub.subgraphs.cyber.url, `{ _entities(representations: [{__typename: "Municipality", code: "${LB_MUNICIPALITY}"}, {__typename: "Region", code: "LB"}]) {
      ... on Municipality { cyber { scanCount } } ... on Region { cyber { bySector { scanCount } } } } }`);
    expect(codesOf(result.errors)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(JSON.stringify(result.data)).not.toMatch(/scanCount":\d/);
  });
});

describe('JWKS mode end to end', () => {
  it('a gateway and a subgraph both verifying against an identity provider’s JWKS accept its token and refuse a development one', async () => {
    const { exportJWK, generateKeyPair, SignJWT } = await import('jose');
    const { startTestSubgraph } = await import('@vo/kit/testing');
    const { fundingSubgraph } = await import('@vo/funding');
    const pair = await generateKeyPair('RS256');
    const keys = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256' }] });
    const { server: idp, url: idpUrl } = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(keys), 0);
    const auth = { mode: 'jwks' as const, jwksUrl: `${idpUrl}/jwks.json`, issuer: 'https://idp.test/', audience: 'vo-hub' };
    const funding = await startTestSubgraph(fundingSubgraph, { auth });
    const gateway = await createGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: { ...Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url])), funding: funding.url },
      auth,
    });
    const { server, url } = await listen(gateway.app, 0);
    try {
      const token = await new SignJWT({ scope: 'region:NN:read' }).setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
        .setIssuer(auth.issuer).setAudience(auth.audience).setExpirationTime('5m').sign(pair.privateKey);
      const ok = await graphql(`${url}/graphql`, '{ grants(region: "NN", first: 1) { totalCount } }', {}, { authorization: `Bearer ${token}` });
      expect(ok.errors).toBeUndefined();
      expect((ok.data as any).grants.totalCount).toBeGreaterThan(0);
      const dev = `Bearer ${await signDevelopmentToken(DEVELOPMENT_AUTH, { scopes: ['national:read'] })}`;
      expect((await graphql(`${url}/graphql`, '{ country { name } }', {}, { authorization: dev })).status).toBe(401);
      expect((await graphql(funding.url, '{ grants { totalCount } }', {}, { authorization: dev })).status).toBe(401);
    } finally {
      await closeServer(server);
      await gateway.stop();
      await funding.close();
      await closeServer(idp);
    }
  });
});
