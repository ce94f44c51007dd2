// docker-compose.yml, the Dockerfile and .dockerignore, checked against the code (Docker itself cannot run here).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GATEWAY, SUBGRAPHS } from '../scripts/services.js';
import { configKeys, dockerCopies, dockerIgnored, interpolate, seconds } from './support/deployment.js';

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), { merge: true });
const root = new URL('../', import.meta.url);
const SERVICES = [...SUBGRAPHS, GATEWAY];

describe('docker-compose.yml', () => {
  it('names PostgreSQL, every subgraph and the gateway', () => {
    const expected = ['postgres', ...SUBGRAPHS.map((s) => s.name), GATEWAY.name];
    expect(Object.keys(compose.services).sort()).toEqual(expected.sort());
  });

  it('starts each service with the entry point npm start and the tests use, on the same port', () => {
    for (const service of SERVICES) {
      const definition = compose.services[service.name];
      expect(definition.command).toEqual(['node', '--import', 'tsx', service.main]);
      expect(existsSync(new URL(service.main, root))).toBe(true);
      expect(definition.environment.PORT).toBe(String(service.port));
    }
  });

  it('checks each service with /ready on its own port', () => {
    for (const service of SERVICES) {
      const check = compose.services[service.name].healthcheck;
      expect(check.test.join(' '), service.name).toContain(`fetch('http://127.0.0.1:${service.port}/ready')`);
      expect(seconds(check.timeout), service.name).toBeLessThan(seconds(check.interval));
    }
  });

  it('gives each service only variables its zod config reads, with values it accepts', async () => {
    for (const service of SERVICES) {
      const env = interpolate(compose.services[service.name].environment);
      const { known, load } = await configKeys(service);
      expect(Object.keys(env).filter((key) => !known(key)), `${service.name}: variables its config does not know`).toEqual([]);
      expect(() => load(env), service.name).not.toThrow();
    }
  });

  it('lets in-flight requests finish before Docker kills a service', () => {
    for (const service of SERVICES) {
      const definition = compose.services[service.name];
      const graceMs = Number(definition.environment.SHUTDOWN_GRACE_MS);
      expect(graceMs, service.name).toBeGreaterThan(0);
      expect(seconds(definition.stop_grace_period) * 1000, service.name).toBeGreaterThan(graceMs);
    }
  });

  it('points the gateway at every subgraph, and every subgraph and the registry at PostgreSQL', () => {
    const gateway = compose.services.gateway;
    for (const subgraph of SUBGRAPHS) {
      expect(gateway.environment[`SUBGRAPH_${subgraph.name.toUpperCase()}_URL`]).toBe(`http://${subgraph.name}:${subgraph.port}/graphql`);
      expect(compose.services[subgraph.name].environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(compose.services[subgraph.name].depends_on.postgres.condition).toBe('service_healthy');
      // The gateway starts while a subgraph is down (partial results): it must not wait for every one to be healthy.
      expect(gateway.depends_on[subgraph.name].condition).toBe('service_started');
    }
    expect(gateway.environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    expect(gateway.depends_on.postgres.condition).toBe('service_healthy');
    expect(gateway.volumes).toContain(`gateway-data:${gateway.environment.DATA_DIR}`);
  });
});

describe('Dockerfile', () => {
  const copies = dockerCopies(readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8'));
  const ignored = dockerIgnored(readFileSync(new URL('../.dockerignore', import.meta.url), 'utf8'));
  const inImage = (path: string) => copies.some((source) => path === source || path.startsWith(`${source}/`)) && !ignored(path);

  it('copies only sources that exist', () => {
    expect(copies.length).toBeGreaterThan(0);
    for (const source of copies) expect(existsSync(new URL(source, root)), source).toBe(true);
  });

  it("copies every workspace's package.json before npm ci, so the install covers every service", () => {
    const workspaces: string[] = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).workspaces;
    for (const workspace of workspaces) expect(copies, workspace).toContain(`${workspace}/package.json`);
  });

  it('puts in the image what the services read at run time, and leaves out host installs and databases', () => {
    const runtime = [
      ...SERVICES.map((service) => service.main),
      ...SUBGRAPHS.map((s) => `subgraphs/${s.name}/migrations/meta/_journal.json`),
      ...SUBGRAPHS.map((s) => `subgraphs/${s.name}/src/schema.graphql`),
      'gateway/migrations/meta/_journal.json',
      'subgraphs/kit/data/municipalities.csv',
      'gateway/src/dashboard/public/index.html',
      'gateway/src/graphiql/page.html',
      'schema/supergraph.graphql',
      'schema/supergraph.yaml',
      'schema/operations/RegionTrends.graphql',
      'schema/trusted-documents.json',
      'package-lock.json',
    ];
    for (const path of runtime) {
      expect(existsSync(new URL(path, root)), path).toBe(true);
      expect(inImage(path), path).toBe(true);
    }
    for (const path of ['node_modules/tsx/package.json', 'gateway/node_modules/undici/package.json', 'subgraphs/kvo/.data/PG_VERSION', '.data/registry/PG_VERSION']) {
      expect(ignored(path), path).toBe(true);
    }
  });
});
