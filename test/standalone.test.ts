// Each partner runs its subgraph alone: the same command as `npm start` and docker-compose
// (node --import tsx <main>), on its own database, answering the federation contract. On the
// embedded database a restart finds the data it seeded the first time.
import { NATIONAL_READ } from '@vo/kit';
import { authHeaders, createServerTestDatabase, graphqlOk } from '@vo/kit/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../scripts/services.js';
import { startServiceProcess } from './support/service-process.js';

/** One entity per subgraph that the seeded data must hold, and the field that shows it. */
const CONTRACT: Record<string, { representation: Record<string, unknown>; selection: string; check: (entity: any) => void }> = {
  regions: {
    representation: { __typename: 'Region', code: 'DH' },
    selection: '... on Region { name municipalityCount }',
    check: (region) => expect(region).toEqual({ name: 'Den Haag', municipalityCount: expect.any(Number) }),
  },
  kvo: {
    representation: { __typename: 'Region', code: 'DH', businessParkCount: 100 },
    selection: '... on Region { kvo { businessParks validCertificates } }',
    check: (region) => {
      expect(region.kvo.businessParks).toBe(100);
      expect(region.kvo.validCertificates).toBeGreaterThan(0);
    },
  },
  funding: {
    representation: { __typename: 'Grant', id: '2019-jenv-rr-safety-week' },
    selection: '... on Grant { amountCents synthetic }',
    check: (grant) => expect(grant).toEqual({ amountCents: 600_000, synthetic: false }),
  },
  cyber: {
    representation: { __typename: 'Region', code: 'LB' },
    selection: '... on Region { cyber { scanCount } }',
    check: (region) => expect(region.cyber.scanCount).toBeGreaterThan(0),
  },
  riec: {
    // A national token reads the yearly signals (the pictures themselves need riec:read).
    representation: { __typename: 'Region', code: 'NN' },
    selection: '... on Region { underminingSignals(from: 2024, to: 2024) { pictureCount signalCount } }',
    check: (region) => {
      expect(region.underminingSignals[0].pictureCount).toBe(8);
      expect(region.underminingSignals[0].signalCount).toBeGreaterThan(0);
    },
  },
};

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.each(SUBGRAPHS.map((s) => [s.name, s] as const))('the %s subgraph on its own', (name, subgraph) => {
  it('starts from its main, answers _service and _entities, stops on SIGTERM and keeps its data over a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), `vo-${name}-`));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await createServerTestDatabase();
    if (server) cleanups.push(() => server.drop());
    const env = { DATA_DIR: dataDir, ...(server ? { DATABASE_URL: server.url } : {}) };
    const { representation, selection, check } = CONTRACT[name];
    const query = `query($reps: [_Any!]!) { _service { sdl } _entities(representations: $reps) { ${selection} } }`;

    for (const run of ['first start (migrates and seeds)', 'restart (finds the data)']) {
      const { url, child, exited } = await startServiceProcess(subgraph.main, env);
      try {
        // A national token: the contract checks detail fields, which the subgraph itself guards.
        const data = await graphqlOk(url, query, { reps: [representation] }, await authHeaders({ scopes: [NATIONAL_READ] }));
        expect(data._service.sdl, run).toContain('@key');
        check(data._entities[0]);
      } finally {
        child.kill('SIGTERM');
        expect(await exited, run).toBe(0);
      }
      // The restart must not seed again: starting without seeding still finds the data.
      Object.assign(env, { SEED_ON_START: 'false' });
    }
  });
});
