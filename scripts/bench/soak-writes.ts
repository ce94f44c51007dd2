// The soak's trickle of writes: a Den Haag grant from JenV corrected through the gateway every few seconds with the
// ministry's writer token (funding:write), its amount moving one cent up and back, so the dashboard's funding, the
// trend table and every cache in between really change while the amount stays put overall.
import { headersFor, type Role } from './workloads.js';

const EVERY_MS = 2000;
const FIND = '{ grants(region: "DH", funder: "jenv", year: 2020, first: 1) { nodes { id amountCents } } }';
const CORRECT = 'mutation Correct($id: ID!, $input: CorrectGrantInput!) { correctGrant(id: $id, input: $input) { grant { id amountCents } errors { code message } } }';

async function post(url: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, { method: 'POST', headers: headersFor(token), body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (!response.ok || body.errors) throw new Error(`The soak's write failed (${response.status}): ${JSON.stringify(body).slice(0, 400)}`);
  return body.data;
}

/** Starts the writes; stop() puts the original amount back and says how many corrections were made and how many failed. */
export async function startWriter(gatewayUrl: string, tokens: Record<Role, string>) {
  const grant = (await post(gatewayUrl, tokens.national, FIND)).grants.nodes[0] as { id: string; amountCents: number } | undefined;
  if (!grant) throw new Error('No 2020 JenV grant to Den Haag to correct during the soak.');
  let sent = 0;
  let corrections = 0;
  let failures = 0;
  const correct = async (amountCents: number) => {
    const data = await post(gatewayUrl, tokens.funder, CORRECT, { id: grant.id, input: { amountCents, reason: 'Benchmark soak: cache invalidation' } });
    if (data.correctGrant.errors.length > 0) throw new Error(`The soak's correction was refused: ${JSON.stringify(data.correctGrant.errors)}`);
  };
  const timer = setInterval(() => {
    correct(grant.amountCents + (sent++ % 2 === 0 ? 1 : 0)).then(() => corrections++, () => failures++);
  }, EVERY_MS);
  return {
    grantId: grant.id,
    stop: async () => {
      clearInterval(timer);
      await correct(grant.amountCents);
      return { grantId: grant.id, everySeconds: EVERY_MS / 1000, corrections, failures };
    },
  };
}
