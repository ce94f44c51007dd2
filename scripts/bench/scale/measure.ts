// Times the dashboards' and analysts' operations through the real gateway over the scale dataset, one request at a
// time, with the SQL statements each subgraph ran: how the aggregates hold up at a million scans. The runner's
// benchmark (npm run bench) measures throughput; this is the per-operation latency the SQL work is judged by.
//   node --import tsx scripts/bench/scale/measure.ts [--runs 20] [--database vo_bench]
import { createGateway } from '@vo/gateway';
import { DEVELOPMENT_AUTH, closeServer, listen, prepareDatabase, serveSubgraph, signDevelopmentToken } from '@vo/kit';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SUBGRAPHS, loadDefinition } from '../../services.js';
import { DEFAULT_SERVER_URL, ensureScaleDataset } from './index.js';

const OPERATIONS = ['RegionTrends', 'DashboardRegion', 'DashboardNational', 'CyberPerMunicipality', 'FundingMix', 'KvoCertificationsPerYear', 'ExpiringCertificates'];
const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, database: { type: 'string' } } });
const runs = Number(values.runs);

const dataset = await ensureScaleDataset({ url: DEFAULT_SERVER_URL, database: values.database });
const subgraphs = await Promise.all(SUBGRAPHS.map(async ({ name }) => {
  const definition = await loadDefinition(name);
  // Migrates (so a new migration applies to the existing dataset) and never seeds.
  const database = await prepareDatabase(definition, { DATABASE_URL: dataset.url, DATA_DIR: '' }, false);
  return { name, running: await serveSubgraph(definition, database, { port: 0 }) };
}));
const gateway = await createGateway({
  supergraphSdl: readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'),
  subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.running.url])),
});
const { server, url } = await listen(gateway.app, 0);
const token = await signDevelopmentToken(DEVELOPMENT_AUTH, { scopes: ['national:read'] });
const statements = () => Object.fromEntries(subgraphs.map((s) => [s.name, s.running.database.statements.count]));

async function send(query: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors?.some((e) => !/FORBIDDEN|not allowed/i.test(e.message))) throw new Error(JSON.stringify(body.errors).slice(0, 500));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
try {
  for (const name of OPERATIONS) {
    const query = readFileSync(new URL(`../../../schema/operations/${name}.graphql`, import.meta.url), 'utf8');
    await send(query); // warm: prepared statements, the suppression pattern, connections
    const before = statements();
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      await send(query);
      times.push(performance.now() - started);
    }
    const after = statements();
    const perRequest = subgraphs.map((s) => `${s.name} ${(after[s.name] - before[s.name]) / runs}`).join(', ');
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(26)} p50 ${percentile(times, 0.5).toFixed(1).padStart(8)} ms  p90 ${percentile(times, 0.9).toFixed(1).padStart(8)} ms  statements/request: ${perRequest}`);
  }
} finally {
  await closeServer(server);
  await gateway.stop();
  for (const s of subgraphs) {
    await s.running.stop();
    await s.running.database.close();
  }
}

