// The gateway's operation limits, through the real gateway over the four real subgraphs: each refusal is a 400
// with a code and a message naming the limit, the value found and the maximum, and comes before any subgraph
// runs a statement; a query just within each limit runs.
import { graphql, graphqlOk } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COST_BOMB, deepQuery } from './support/hostile.js';
import { startGatewayOver, startHub, type Hub } from './support/hub.js';

let hub: Hub;
let strict: Awaited<ReturnType<typeof startGatewayOver>>;
beforeAll(async () => {
  hub = await startHub();
  strict = await startGatewayOver(hub, { limits: { maxDepth: 4, maxPageSize: 10, maxCost: 51, maxBodyBytes: 2000 } });
});
afterAll(async () => {
  await strict?.close();
  await hub?.close();
});

/** Sends a request that must be refused before any subgraph ran a statement, and returns its one error. */
async function refused(query: string, variables?: Record<string, unknown>, url = hub.url) {
  const before = hub.statements();
  const result = await graphql(url, query, variables);
  expect(hub.statements(), 'no subgraph statement ran').toBe(before);
  expect(result.status).toBe(400);
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
}

/** Runs a query that must succeed and make the subgraphs work, so `refused` can tell the difference. */
async function runs(query: string, variables?: Record<string, unknown>, url = hub.url) {
  const before = hub.statements();
  const data = await graphqlOk(url, query, variables);
  expect(hub.statements()).toBeGreaterThan(before);
  return data;
}

describe('depth', () => {
  it('refuses a query 50 fields deep, naming the maximum and the depth found', async () => {
    const error = await refused(deepQuery(50));
    expect(error.message).toBe('Query depth limit of 10 exceeded, found 50.');
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
  });

  it('counts depth through fragments, and runs a query at the configured maximum', async () => {
    const site = (selection: string) => `{ site(id: "GM1876-BG01") { ...S } } fragment S on Site { ${selection} }`;
    await runs(site('municipality { kvo { validCertificates } }'), {}, strict.url);
    const error = await refused(site('municipality { region { kvo { validCertificates } } }'), {}, strict.url);
    expect(error.message).toBe('Query depth limit of 4 exceeded, found 5.');
  });
});

describe('aliases and root fields', () => {
  const kvoAliases = (n: number) =>
    `{ region(code: "DH") { ${Array.from({ length: n }, (_, i) => `y${2000 + i}: kvo(asOf: "${2000 + i}-06-30") { validCertificates }`).join(' ')} } }`;

  it('runs 20 aliases and refuses 21', async () => {
    await runs(kvoAliases(20));
    const error = await refused(kvoAliases(21));
    expect(error.message).toBe('Aliases limit of 20 exceeded, found 21.');
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' });
  });

  const rootFields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: certifications(year: ${2011 + i}) { totalCount }`).join(' ')} }`;

  it('runs 10 root fields and refuses 11', async () => {
    await runs(rootFields(10));
    const error = await refused(rootFields(11));
    expect(error.message).toBe('Root fields limit of 10 exceeded, found 11. Split the operation into several requests.');
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'rootFields' });
  });
});

describe('page size', () => {
  it('refuses first above 100 as the subgraphs would, but before calling them: written, by variable, or nested', async () => {
    const written = await refused('{ certifications(first: 101) { totalCount } }');
    expect(written).toMatchObject({ message: 'first must be between 0 and 100; got 101.', extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    const variable = await refused('query($n: Int) { grants(first: $n) { totalCount } }', { n: 100_000 });
    expect(variable.message).toBe('first must be between 0 and 100; got 100000.');
    const nested = await refused('{ region(code: "DH") { kvo { expiring(first: -1) { totalCount } } } }');
    expect(nested.message).toBe('first must be between 0 and 100; got -1.');
  });

  it('runs first: 100, and a lower configured maximum applies', async () => {
    await runs('{ certifications(first: 100) { nodes { id } } }');
    await runs('{ certifications(first: 10) { nodes { id } } }', {}, strict.url);
    const error = await refused('{ certifications(first: 11) { nodes { id } } }', {}, strict.url);
    expect(error.message).toBe('first must be between 0 and 10; got 11.');
  });
});

describe('cost', () => {
  it('refuses nested lists whose estimated cost is above the maximum, saying how to fix it', async () => {
    // 10 regions x (1 + 76 municipalities x (1 + a site page of 1 + 100 sites x (1 + a certificate page of 1 + 100)))
    const estimatedCost = 10 * (1 + 76 * (1 + 1 + 100 * (1 + 1 + 100)));
    const error = await refused(COST_BOMB);
    expect(error.extensions).toEqual({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', estimatedCost, maxCost: 5000 });
    expect(error.message).toBe(
      `The operation's estimated cost is ${estimatedCost}, above the maximum of 5000. Ask for fewer items ` +
        '(a smaller `first`, fewer nested lists) or split it into several requests.',
    );
  });

  it('counts a connection as 1 plus `first` items: cost 51 runs under a maximum of 51, cost 52 does not', async () => {
    // Four pages of 10 (4 x 11) and one of $last items (1 + $last).
    const query = `query($last: Int) { ${['a', 'b', 'c', 'd'].map((alias) => `${alias}: certifications(first: 10) { nodes { id } }`).join(' ')}
      e: certifications(first: $last) { nodes { id } } }`;
    await runs(query, { last: 6 }, strict.url);
    const error = await refused(query, { last: 7 }, strict.url);
    expect(error.extensions).toEqual({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', estimatedCost: 52, maxCost: 51 });
  });
});

describe('request body size', () => {
  it('refuses a body over the configured maximum with 413, naming the maximum', async () => {
    const body = JSON.stringify({ query: '{ regions { code } }', variables: { pad: 'x'.repeat(2000) } });
    const response = await fetch(strict.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is too large: the maximum is 2000 bytes.', extensions: { code: 'BAD_REQUEST' } }],
    });
    const fine = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(fine.status).toBe(200);
  });
});

describe('production mode', () => {
  it('hides schema details from errors: no "Did you mean" field suggestions, no introspection', async () => {
    const production = await startGatewayOver(hub, { production: true });
    try {
      const typo = '{ region(code: "NN") { nmae } }';
      expect((await graphql(hub.url, typo)).errors![0].message).toBe('Cannot query field "nmae" on type "Region". Did you mean "name"?');
      expect(await graphql(production.url, typo)).toMatchObject({
        status: 400,
        errors: [{ message: 'Cannot query field "nmae" on type "Region".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
      });
      const introspection = await graphql(production.url, '{ __schema { queryType { name } } }');
      expect(introspection.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await production.close();
    }
  });
});
