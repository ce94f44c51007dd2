import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GATEWAY, SUBGRAPHS } from '../scripts/services.js';

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'));
const root = new URL('../', import.meta.url);

describe('docker-compose.yml', () => {
  it('names PostgreSQL, every subgraph and the gateway', () => {
    const expected = ['postgres', ...SUBGRAPHS.map((s) => s.name), GATEWAY.name];
    expect(Object.keys(compose.services).sort()).toEqual(expected.sort());
  });

  it('starts each service with the entry point npm start and the tests use, on the same port', () => {
    for (const service of [...SUBGRAPHS, GATEWAY]) {
      const definition = compose.services[service.name];
      expect(definition.command).toEqual(['node', '--import', 'tsx', service.main]);
      expect(existsSync(new URL(service.main, root))).toBe(true);
      expect(definition.environment.PORT).toBe(String(service.port));
      expect(definition.healthcheck.test.join(' ')).toContain(`:${service.port}/health`);
    }
  });

  it('points the gateway at every subgraph and every subgraph at PostgreSQL', () => {
    const gateway = compose.services.gateway.environment;
    for (const subgraph of SUBGRAPHS) {
      expect(gateway[`SUBGRAPH_${subgraph.name.toUpperCase()}_URL`]).toBe(`http://${subgraph.name}:${subgraph.port}/graphql`);
      expect(compose.services[subgraph.name].environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    }
  });
});
