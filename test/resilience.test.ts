// Issue 7, parts 1 and 2: the national graph keeps serving what it can while a partner's subgraph is down, hangs
// or redeploys. Every number asserted is a count (calls that reached a subgraph, breaker state), never a duration.
import { SubgraphResilience } from '@vo/gateway/resilience';
import { subgraphWrite } from '@vo/kit';
import { withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayOver, startHub, type Hub } from './support/hub.js';
import { crashSubgraph, downAddress, startStandIn } from './support/outage.js';
import { asNational } from './support/roles.js';

/** Regions with figures from three subgraphs; cyber is nullable, so its outage leaves the rest standing. */
const OVERVIEW = '{ regions { code name kvo { validCertificates } cyber { scanCount } } }';
/** A KVO root field beside a regions one. */
const GUIDE = '{ processGuide(province: "Utrecht") { id name } regions { code } }';
const WITHDRAW = 'mutation { withdrawCertification(id: "KVO-X", withdrawnOn: "2026-01-01", reason: "test") { __typename } }';
const asCertifier = withToken({ scopes: [subgraphWrite('kvo')], organisation: 'ccv' });

type Answer = Awaited<ReturnType<typeof asNational.graphql>>;

const unavailable = (answer: Answer) => answer.errors?.map((e) => ({ code: e.extensions?.code, service: e.extensions?.serviceName, reason: e.extensions?.reason }));

/** The answer has every region with its KVO figures from the live subgraphs; `cyber` tells whether cyber's are there. */
function expectOverview(answer: Answer, cyber: 'present' | 'missing') {
  const regions = (answer.data as { regions: { kvo: { validCertificates: number }; cyber: { scanCount: number } | null }[] }).regions;
  expect(regions).toHaveLength(10);
  for (const region of regions) {
    expect(region.kvo.validCertificates).toBeGreaterThan(0);
    if (cyber === 'present') expect(region.cyber?.scanCount).toBeGreaterThan(0);
    else expect(region.cyber).toBeNull();
  }
}

/** Asks until the answer has no errors; bounded by attempts, not by a clock. */
async function untilComplete(url: string, query: string, attempts = 200): Promise<Answer> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const answer = await asNational.graphql(url, query);
    if (!answer.errors) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No complete answer after ${attempts} attempts`);
}

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.close();
});

describe('partial results', () => {
  it('starts with a subgraph down, answers with the others\' data and an error naming it, and answers fully once it is up', async () => {
    const cyber = await crashSubgraph(hub, 'cyber');
    const gateway = await startGatewayOver(hub);
    try {
      const partial = await asNational.graphql(gateway.url, OVERVIEW);
      expect(partial.status).toBe(200);
      expectOverview(partial, 'missing');
      expect(unavailable(partial)).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', service: 'cyber', reason: 'CONNECTION_FAILED' }]);
      expect(partial.errors![0].message).toMatch(/^The cyber service is unavailable: it could not be reached \(ECONNREFUSED\)\. .*data from the other services is unaffected/);

      await cyber.restart();
      expectOverview(await untilComplete(gateway.url, OVERVIEW), 'present');
    } finally {
      await gateway.close();
    }
  });

  it('keeps each region and its own data when the subgraphs that add KVO and funding figures to it are down', async () => {
    const gateway = await startGatewayOver(hub, { subgraphUrls: { kvo: await downAddress(), funding: await downAddress() } });
    try {
      const answer = await asNational.graphql(gateway.url, '{ regions { code name kvo { validCertificates } funding { totalCents } cyber { scanCount } } }');
      const regions = (answer.data as { regions: Record<string, any>[] }).regions;
      expect(regions).toHaveLength(10);
      for (const region of regions) {
        expect(region).toMatchObject({ code: expect.any(String), name: expect.any(String), kvo: null, funding: null });
        expect(region.cyber.scanCount).toBeGreaterThan(0);
      }
      expect([...new Set(unavailable(answer)?.map((e) => e.service))].sort()).toEqual(['funding', 'kvo']);
    } finally {
      await gateway.close();
    }
  });

  it('starts with every subgraph down and names each one a query needs', async () => {
    const down = Object.fromEntries(await Promise.all(Object.keys(hub.subgraphs).map(async (name) => [name, await downAddress()])));
    const gateway = await startGatewayOver(hub, { subgraphUrls: down });
    try {
      // Both root fields are nullable, so each outage leaves its own field null.
      const answer = await asNational.graphql(gateway.url, '{ processGuide(province: "Utrecht") { id } region(code: "DH") { name } }');
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({ processGuide: null, region: null });
      expect(unavailable(answer)?.map((e) => e.service).sort()).toEqual(['kvo', 'regions']);
      expect(answer.errors!.every((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')).toBe(true);
    } finally {
      await gateway.close();
    }
  });
});

describe('a subgraph crashing while a client queries', () => {
  it('keeps answering with the others\' data and an error naming it, and answers fully after it restarts on the same port', async () => {
    // A short reset so the recovery probe comes soon; the breaker is what a restarted subgraph must get past.
    const resilience = new SubgraphResilience({ retryDelayMs: 1, breaker: { minCalls: 3, resetMs: 300 } });
    const gateway = await startGatewayOver(hub, { resilience });
    const answers: { phase: string; answer: Answer }[] = [];
    let phase = 'before';
    let querying = true;
    const client = (async () => {
      while (querying) {
        // An answer belongs to a phase when it was both sent and received in it; one in flight across a crash or a restart may go either way.
        const sentIn = phase;
        const answer = await asNational.graphql(gateway.url, OVERVIEW);
        answers.push({ phase: sentIn === phase ? phase : 'between', answer });
      }
    })();
    const answered = (count: number, condition: (answer: Answer) => boolean = () => true) => until(() => answers.filter((a) => a.phase === phase && condition(a.answer)).length >= count);
    try {
      await answered(2);
      phase = 'crashing';
      const cyber = await crashSubgraph(hub, 'cyber');
      phase = 'down';
      await answered(5);
      phase = 'restarting';
      await cyber.restart();
      phase = 'restarted';
      await answered(2, (answer) => !answer.errors);
    } finally {
      querying = false;
      await client;
      await gateway.close();
    }
    for (const { phase, answer } of answers) {
      expect(answer.status).toBe(200);
      expectOverview(answer, answer.errors ? 'missing' : 'present');
      if (answer.errors) expect(unavailable(answer)).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', service: 'cyber', reason: expect.any(String) }]);
      if (phase === 'before') expect(answer.errors).toBeUndefined();
    }
    const down = answers.filter((a) => a.phase === 'down').map((a) => a.answer);
    expect(down.every((answer) => answer.errors)).toBe(true);
    expect(down.map((answer) => unavailable(answer)![0].reason)).toContain('CIRCUIT_OPEN');
    expect(resilience.state('cyber')).toBe('closed');
  });
});

/** Waits until `done()` holds, checking between turns of the event loop; bounded by checks, not by a clock. */
async function until(done: () => boolean, checks = 2000) {
  for (let check = 0; check < checks && !done(); check++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!done()) throw new Error(`Condition not met after ${checks} checks`);
}

describe('timeouts, retries and the circuit breaker', () => {
  it('a hanging subgraph costs a query its timeout, no more, and once the breaker opens it is not called at all', async () => {
    const hanging = await startStandIn('hang');
    // The override is kvo's alone: regions, in the same queries, keeps the default timeout and answers.
    const resilience = new SubgraphResilience({ timeoutMsBySubgraph: { kvo: 200 }, breaker: { minCalls: 3, resetMs: 600_000 } });
    const gateway = await startGatewayOver(hub, { subgraphUrls: { kvo: hanging.url }, resilience });
    try {
      for (let query = 1; query <= 3; query++) {
        const answer = await asNational.graphql(gateway.url, GUIDE);
        expect((answer.data as { regions: unknown[] }).regions).toHaveLength(10);
        expect(unavailable(answer)).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', service: 'kvo', reason: 'TIMEOUT' }]);
        expect(answer.errors![0].message).toContain('it did not answer within 200 ms');
        expect(hanging.calls()).toBe(query);
      }
      expect(resilience.state('kvo')).toBe('open');
      for (let query = 1; query <= 10; query++) {
        const answer = await asNational.graphql(gateway.url, GUIDE);
        expect((answer.data as { regions: unknown[] }).regions).toHaveLength(10);
        expect(unavailable(answer)).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', service: 'kvo', reason: 'CIRCUIT_OPEN' }]);
      }
      expect(hanging.calls()).toBe(3);
    } finally {
      await gateway.close();
      await hanging.close();
    }
  });

  it('the open breaker half-opens to probe and closes when the subgraph answers again', async () => {
    const standIn = await startStandIn('unavailable');
    const resilience = new SubgraphResilience({ retries: 0, breaker: { minCalls: 2, resetMs: 200 } });
    const gateway = await startGatewayOver(hub, { subgraphUrls: { kvo: standIn.url }, resilience });
    try {
      for (let query = 0; query < 2; query++) {
        expect(unavailable(await asNational.graphql(gateway.url, GUIDE))).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', service: 'kvo', reason: 'HTTP_ERROR' }]);
      }
      expect(resilience.state('kvo')).toBe('open');
      standIn.setMode({ forwardTo: hub.subgraphs.kvo.url });
      await until(() => resilience.state('kvo') === 'halfOpen');
      expect(standIn.calls()).toBe(2);
      const answer = await asNational.graphqlOk(gateway.url, GUIDE);
      expect(answer.processGuide).toEqual({ id: 'mkb-b', name: expect.any(String) });
      expect(resilience.state('kvo')).toBe('closed');
      expect(standIn.calls()).toBe(3);
    } finally {
      await gateway.close();
      await standIn.close();
    }
  });

  it('retries a query a bounded number of times on 503 and on a dropped connection, and never a mutation', async () => {
    const standIn = await startStandIn('unavailable');
    const resilience = new SubgraphResilience({ retries: 2, retryDelayMs: 1, breaker: { minCalls: 1000 } });
    const gateway = await startGatewayOver(hub, { subgraphUrls: { kvo: standIn.url }, resilience });
    const callsFor = async (send: () => Promise<Answer>) => {
      const before = standIn.calls();
      const answer = await send();
      expect(unavailable(answer)?.[0]).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'kvo' });
      return standIn.calls() - before;
    };
    try {
      expect(await callsFor(() => asNational.graphql(gateway.url, GUIDE))).toBe(3);
      expect(await callsFor(() => asCertifier.graphql(gateway.url, WITHDRAW))).toBe(1);
      standIn.setMode('drop');
      expect(await callsFor(() => asNational.graphql(gateway.url, GUIDE))).toBe(3);
      expect(await callsFor(() => asCertifier.graphql(gateway.url, WITHDRAW))).toBe(1);
    } finally {
      await gateway.close();
      await standIn.close();
    }
  });

  it('never sends a mutation again after it timed out', async () => {
    const hanging = await startStandIn('hang');
    const resilience = new SubgraphResilience({ timeoutMsBySubgraph: { kvo: 200 }, retryDelayMs: 1, breaker: { minCalls: 1000 } });
    const gateway = await startGatewayOver(hub, { subgraphUrls: { kvo: hanging.url }, resilience });
    try {
      const answer = await asCertifier.graphql(gateway.url, WITHDRAW);
      expect(answer.data).toBeNull();
      expect(unavailable(answer)).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', service: 'kvo', reason: 'TIMEOUT' }]);
      expect(hanging.calls()).toBe(1);
    } finally {
      await gateway.close();
      await hanging.close();
    }
  });
});
