// Hostile input through the real gateway over the four real subgraphs: every request is answered with a GraphQL
// error carrying a code (never a 500, never a hang), refusals cost the subgraphs nothing, and other clients keep
// being served meanwhile. Forged and expired tokens are tested with the access control, not here.
import { composeSupergraph, readSupergraphConfig } from '@vo/gateway/composition';
import { authHeaders, graphql, graphqlOk } from '@vo/kit/testing';
import { getNamedType, getNullableType, isCompositeType, isListType, isNonNullType } from 'graphql';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasBomb, COST_BOMB, deepQuery } from './support/hostile.js';
import { startHub, type Hub } from './support/hub.js';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Posts a raw body; returns status and parsed body, checking that no subgraph ran a statement. */
async function postRefused(body: string, headers: Record<string, string> = JSON_HEADERS) {
  const before = hub.statements();
  const response = await fetch(hub.url, { method: 'POST', headers, body });
  const text = await response.text();
  expect(hub.statements(), text).toBe(before);
  let parsed: { errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Not a GraphQL response (${response.status}) for ${body.slice(0, 200)}:\n${text.slice(0, 500)}`);
  }
  return { status: response.status, code: parsed.errors?.[0]?.extensions?.code, message: parsed.errors?.[0]?.message };
}

describe('bombs while other clients keep being served', () => {
  it('refuses depth-50 queries, alias and cost bombs with a clear error while normal queries alongside all succeed', async () => {
    const normal = '{ region(code: "DH") { name kvo(asOf: "2026-11-22") { validCertificates expiringSoon } } }';
    const expected = await graphqlOk(hub.url, normal);
    const bombs = [deepQuery(50), aliasBomb(1000), aliasBomb(300), COST_BOMB];
    const requests = Array.from({ length: 40 }, (_, i) =>
      i % 2 ? graphql(hub.url, normal) : graphql(hub.url, bombs[(i / 2) % bombs.length]).then((result) => ({ ...result, bomb: true })),
    );
    const results = await Promise.all(requests);
    for (const result of results) {
      if ('bomb' in result) {
        expect(result.status).toBe(400);
        expect(result.data).toBeUndefined();
        expect(result.errors![0].message).toMatch(/depth limit of 10 exceeded, found 50|more tha[nt] 1000 tokens|Aliases limit of 20 exceeded, found 300|estimated cost is \d+, above the maximum of 5000/);
      } else {
        expect(result).toEqual({ status: 200, data: expected });
      }
    }
  });

  it('names the limit in each refusal', async () => {
    // graphql-js's own message (it reads "more that" in graphql 16).
    expect(await postRefused(JSON.stringify({ query: aliasBomb(1000) }))).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    expect((await postRefused(JSON.stringify({ query: aliasBomb(1000) }))).message).toMatch(/^Syntax Error: Document contains more tha[nt] 1000 tokens\. Parsing aborted\.$/);
    expect(await postRefused(JSON.stringify({ query: aliasBomb(300) }))).toMatchObject({ status: 400, message: 'Aliases limit of 20 exceeded, found 300.' });
    // The same field 5,000 times over: the token limit stops it before validation's pairwise field comparison.
    const duplicated = `{ region(code: "DH") { ${'name '.repeat(5000)}} }`;
    expect(await postRefused(JSON.stringify({ query: duplicated }))).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
  });
});

describe('huge variables', () => {
  it('refuses a variable list of 100,000 ids by its cost, before the regions subgraph sees it', async () => {
    const codes = Array.from({ length: 100_000 }, (_, i) => ['NN', 'DH', 'LB'][i % 3]);
    const query = 'query($codes: [ID!]) { regions(codes: $codes) { code kvo { validCertificates } } }';
    const refusal = await postRefused(JSON.stringify({ query, variables: { codes } }));
    expect(refusal).toMatchObject({ status: 400, code: 'COST_ESTIMATED_TOO_EXPENSIVE' });
    expect(refusal.message).toMatch(/^The operation's estimated cost is 100\d{3}, above the maximum of 5000\./);
  });

  it('refuses a 5 MB string with 413 before parsing it', async () => {
    const query = 'query($text: String) { municipalities(nameContains: $text) { totalCount } }';
    const refusal = await postRefused(JSON.stringify({ query, variables: { text: 'x'.repeat(5 * 1024 * 1024) } }));
    expect(refusal).toEqual({ status: 413, code: 'BAD_REQUEST', message: 'The request body is too large: the maximum is 1048576 bytes.' });
  });

  it('refuses a variable nested 100,000 lists deep without overflowing the stack', async () => {
    const query = 'query($codes: [ID!]) { regions(codes: $codes) { code } }';
    const body = `{"query":${JSON.stringify(query)},"variables":{"codes":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    expect(await postRefused(body)).toMatchObject({ status: 400, code: 'COST_ESTIMATED_TOO_EXPENSIVE' });
  });
});

describe('malformed requests', () => {
  const query = '{ certifications(first: 1) { totalCount } }';
  const bodies = [
    '{"query": ',
    '',
    '[',
    'null',
    '"a string"',
    '42',
    '{}',
    '{"query": 42}',
    `{"query": ${JSON.stringify(query)}, "variables": "not an object"}`,
    `{"query": ${JSON.stringify(query)}, "variables": [1, 2]}`,
    `{"query": ${JSON.stringify(query)}, "extensions": {"persistedQuery": {"version": 2, "sha256Hash": "x"}}}`,
    '{"query": "{ certifications(first: 1) { totalCount }"}',
    '\u0000\u0001\u0002',
    '['.repeat(200_000) + ']'.repeat(200_000),
  ];

  it.each(bodies.map((body) => [body.slice(0, 60), body]))('answers the body %j with 400 and a code', async (_, body) => {
    const refusal = await postRefused(body);
    expect(refusal.status).toBe(400);
    expect(refusal.code).toMatch(/^(BAD_REQUEST|GRAPHQL_PARSE_FAILED)$/);
  });

  it('refuses batched JSON arrays: one request, one operation, one set of limits', async () => {
    const refusal = await postRefused(JSON.stringify([{ query }, { query }]));
    expect(refusal).toEqual({ status: 400, code: 'BAD_REQUEST', message: 'Operation batching disabled.' });
  });

  const contentTypes = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/xml'];
  it.each(contentTypes)('refuses content type %s with 400, also when the CSRF preflight header is set', async (type) => {
    const variants: Record<string, string>[] = [{ 'content-type': type }, { 'content-type': type, 'apollo-require-preflight': 'true' }];
    for (const headers of variants) {
      const refusal = await postRefused(JSON.stringify({ query }), headers);
      expect(refusal).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    }
  });
});

describe('SQL metacharacters in every string and ID argument of every root field', () => {
  const PAYLOADS = [
    "' OR '1'='1",
    "NN'; DROP TABLE regions.regions; --",
    "'); DELETE FROM kvo.certifications; --",
    '" OR ""="',
    '1 UNION SELECT NULL, version() --',
    '%',
    '_',
    '\\',
    "\\'; --",
    '$1',
    '?',
    '/* */',
    'Ω’ ünïcödé',
    '\u0000',
    'x'.repeat(10_000),
  ];
  const FINGERPRINT = `{
    regions { code name municipalityCount }
    certifications(first: 0) { totalCount } grants(first: 0) { totalCount } sites(first: 0) { totalCount }
    municipalities(first: 0) { totalCount } organisations(first: 0) { totalCount }
    country { businessParkCount kvo(asOf: "2026-11-22") { certifiedBusinessParks } }
  }`;

  it('gives data, NOT_FOUND or BAD_USER_INPUT (FORBIDDEN where a role is missing), never a 500, and changes nothing', async () => {
    const headers = await authHeaders({ scopes: ['national:read'] });
    const before = await graphqlOk(hub.url, FINGERPRINT, {}, headers);
    const probes = stringArgumentProbes();
    expect(probes.length).toBeGreaterThan(25);
    for (const probe of probes) {
      for (const payload of PAYLOADS) {
        const result = await graphql(hub.url, probe.query, { value: probe.list ? [payload] : payload }, headers);
        const where = `${probe.coordinate} = ${JSON.stringify(payload.slice(0, 40))}: ${JSON.stringify(result).slice(0, 300)}`;
        // 400 only for a refusal before execution: a NUL character, which PostgreSQL cannot store.
        expect([200, 400], where).toContain(result.status);
        for (const error of result.errors ?? []) expect(['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN'], where).toContain(error.extensions?.code);
      }
    }
    expect(await graphqlOk(hub.url, FINGERPRINT, {}, headers)).toEqual(before);
  });
});

/** Values for the required arguments of a probed field that are not the probe itself (Query.trends' years). */
const REQUIRED_VALUES: Record<string, string> = { 'trends.from': '2020', 'trends.to': '2021' };

/** One query per String/ID argument of every root field, from the schema, so a new argument is probed as well. */
function stringArgumentProbes() {
  const composed = composeSupergraph(readSupergraphConfig(fileURLToPath(new URL('../schema/supergraph.yaml', import.meta.url))));
  if (composed.errors) throw new Error(composed.errors.join('\n'));
  const probes: { coordinate: string; query: string; list: boolean }[] = [];
  for (const field of Object.values(composed.apiSchema.getQueryType()!.getFields())) {
    for (const arg of field.args) {
      if (!['String', 'ID'].includes(getNamedType(arg.type).name)) continue;
      const required = field.args.filter((other) => other !== arg && isNonNullType(other.type) && other.defaultValue === undefined);
      const missing = required.filter((other) => REQUIRED_VALUES[`${field.name}.${other.name}`] === undefined);
      if (missing.length) throw new Error(`${field.name}: give the probe a value for ${missing.map((a) => a.name).join(', ')}`);
      const given = required.map((other) => `, ${other.name}: ${REQUIRED_VALUES[`${field.name}.${other.name}`]}`).join('');
      const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
      probes.push({
        coordinate: `Query.${field.name}(${arg.name})`,
        query: `query($value: ${arg.type}) { ${field.name}(${arg.name}: $value${given})${selection} }`,
        list: isListType(getNullableType(arg.type)),
      });
    }
  }
  return probes;
}
