import { createGateway } from '@vo/gateway';
import { closeServer, listen } from '@vo/kit';
import { graphql } from '@vo/kit/testing';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, SUPERGRAPH_PATH, type Hub } from './support/hub.js';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

describe('the gateway over HTTP', () => {
  it('serves GraphiQL to a browser with every asset from the hub itself (no CDN)', async () => {
    const page = await fetch(hub.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const source of sources) {
      expect(source.startsWith('/')).toBe(true);
      const asset = await fetch(new URL(source, hub.baseUrl));
      expect(asset.status, source).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, source).toBeGreaterThan(100);
    }
  });

  it('answers malformed JSON with a GraphQL-shaped 400, not a 500 or an HTML page', async () => {
    const response = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses an oversized body with 413', async () => {
    const body = JSON.stringify({ query: `{ regions { code } }`, variables: { pad: 'x'.repeat(2_000_000) } });
    const response = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('reports an unknown region code as NOT_FOUND naming the code, passed through from the owning subgraph', async () => {
    const result = await graphql(hub.url, '{ region(code: "XYZ") { name } }');
    expect(result.status).toBe(200);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toBe('Region "XYZ" does not exist.');
    expect(result.errors![0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(result)).not.toMatch(/stack|select |SQL/i);
  });

  it('gives a health answer', async () => {
    const response = await fetch(`${hub.baseUrl}/health`);
    expect(await response.json()).toEqual({ status: 'ok', service: 'gateway' });
  });

  it('in production mode serves neither GraphiQL nor introspection, but still answers queries', async () => {
    const production = await createGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url])),
      production: true,
    });
    const { server, url } = await listen(production.app, 0);
    try {
      const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('graphiql');
      const introspection = await graphql(`${url}/graphql`, '{ __schema { types { name } } }');
      expect(introspection.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const data = await graphql(`${url}/graphql`, '{ region(code: "LB") { name } }');
      expect(data).toMatchObject({ data: { region: { name: 'Limburg' } } });
    } finally {
      await closeServer(server);
      await production.stop();
    }
  });
});
