// Trusted-documents mode (TRUSTED_DOCUMENTS=true): only the operations in schema/trusted-documents.json run, sent by
// id as Apollo's persisted queries are, or as their exact text; anything else is refused before Apollo parses it.
import { buildTrustedDocuments, documentId, readTrustedDocuments } from '@vo/gateway/trusted-documents';
import { graphql } from '@vo/kit/testing';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayOver, startHub, type Hub } from './support/hub.js';

const MANIFEST_PATH = fileURLToPath(new URL('../schema/trusted-documents.json', import.meta.url));
const OPERATIONS_DIR = fileURLToPath(new URL('../schema/operations/', import.meta.url));
const manifest = readTrustedDocuments(MANIFEST_PATH);

let hub: Hub;
let trusted: Awaited<ReturnType<typeof startGatewayOver>>;
beforeAll(async () => {
  hub = await startHub();
  trusted = await startGatewayOver(hub, { trustedDocuments: manifest });
});
afterAll(async () => {
  await trusted?.close();
  await hub?.close();
});

async function post(body: unknown) {
  const response = await fetch(trusted.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, ...(await response.json()) };
}

const byId = (id: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } });

/** A request the trusted gateway must refuse with `code` before any subgraph ran a statement. */
async function refused(body: unknown, code: string) {
  const before = hub.statements();
  const result = await post(body);
  expect(hub.statements()).toBe(before);
  expect(result).toMatchObject({ status: 400, errors: [{ extensions: { code } }] });
  expect(result.errors[0].message).toContain('schema/trusted-documents.json');
  return result;
}

describe('the trusted documents manifest', () => {
  it('is committed up to date with schema/operations (run npm run documents after changing an operation)', () => {
    expect(readFileSync(MANIFEST_PATH, 'utf8')).toBe(`${JSON.stringify(buildTrustedDocuments(OPERATIONS_DIR), null, 2)}\n`);
  });

  it('holds every operation in schema/operations, each under the SHA-256 of its text', () => {
    expect(manifest.operations.map((operation) => operation.name)).toEqual([
      'CertificationsWithFunding', 'CyberPerMunicipality', 'DashboardNational', 'DashboardRegion', 'ExpiringCertificates', 'FundingMix', 'KvoCertificationsPerYear', 'NationalOverview', 'ProcessGuide',
      'PvoProfiles', 'RegionTrends',
    ]);
    for (const operation of manifest.operations) expect(operation.id).toBe(documentId(operation.body));
  });
});

describe('trusted-documents mode', () => {
  it.each(manifest.operations.map((operation) => [operation.name, operation]))('runs %s by id, answering as the open hub does', async (_, operation) => {
    const result = await post(byId(operation.id));
    expect(result.status).toBe(200);
    expect(result.data).toBeDefined();
    const open = await graphql(hub.url, operation.body);
    expect({ data: result.data, errors: result.errors }).toEqual({ data: open.data, errors: open.errors });
  });

  it('runs a registered operation sent as its exact text, and by id over GET', async () => {
    const operation = manifest.operations.find((o) => o.name === 'ProcessGuide')!;
    expect(await post({ query: operation.body, variables: { province: 'Utrecht' } })).toMatchObject({ status: 200, data: { processGuide: { id: 'mkb-b' } } });
    const url = `${trusted.url}?extensions=${encodeURIComponent(JSON.stringify(byId(operation.id).extensions))}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await response.json()).toMatchObject({ data: { processGuide: { provinces: expect.arrayContaining(['Gelderland']) } } });
  });

  it('refuses any other query, also a registered one changed by one space, saying what to do', async () => {
    const result = await refused({ query: '{ certifications(first: 1) { totalCount } }' }, 'PERSISTED_QUERY_NOT_IN_LIST');
    expect(result.errors[0].message).toMatch(/^This hub runs only registered operations \(trusted documents\)/);
    await refused({ query: `${manifest.operations[0].body} ` }, 'PERSISTED_QUERY_NOT_IN_LIST');
  });

  it('refuses an unknown id, and cannot be taught a new query the way automatic persisted queries can', async () => {
    const query = '{ certifications(first: 1) { totalCount } }';
    await refused(byId(documentId(query)), 'PERSISTED_QUERY_NOT_FOUND');
    await refused({ query, ...byId(documentId(query)) }, 'PERSISTED_QUERY_NOT_IN_LIST');
    await refused(byId(documentId(query)), 'PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses an unregistered query over GET and inside a batch', async () => {
    const response = await fetch(`${trusted.url}?query=${encodeURIComponent('{ regions { code } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }] });
    await refused([byId(manifest.operations[0].id), { query: '{ regions { code } }' }], 'PERSISTED_QUERY_NOT_IN_LIST');
  });
});
