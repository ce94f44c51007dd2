// Issue 6 for the funding subgraph, through the real gateway over the real subgraphs: a funder's write is visible at
// once everywhere funding figures are computed (a region's funding per year, the trend table, Country.funding), a
// correction changes only what it corrects and is audited with the token's subject and organisation, and only the
// funders may write.
import { NATIONAL_READ, subgraphWrite } from '@vo/kit';
import { withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from './support/hub.js';
import { ROLES } from './support/roles.js';

const MINISTRY_CLAIMS = { scopes: [subgraphWrite('funding')], organisation: 'jenv', subject: 'jenv-grants-system' };
const ministry = withToken(MINISTRY_CLAIMS);

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

const GRANT = 'id funder { ... on Organisation { id name } } recipient { ... on Region { code name } } amountCents periodStart periodEnd year kind themes earmarked description synthetic source';
const RECORD = `mutation($input: RecordGrantInput!) { recordGrant(input: $input) { grant { ${GRANT} } errors { path code } } }`;
const CORRECT = `mutation($id: ID!, $input: CorrectGrantInput!) { correctGrant(id: $id, input: $input) {
  grant { ${GRANT} history { at actor organisation action changes { field before after } } } errors { path code } } }`;

const INPUT = {
  funder: 'jenv', recipient: 'NN', purpose: 'escape-room', amountCents: 2_345_600, periodStart: '2025-04-01', periodEnd: '2025-11-30',
  kind: 'ONE_OFF', themes: ['CYBER'], description: 'The touring cyber escape room, autumn round.',
};

/** Every place a 2025 grant to Noord-Nederland's PVO counts, as the analysts read it (open data, no token). */
async function figures() {
  const data = await ROLES.anonymous.client.graphqlOk(hub.url, `{
    region(code: "NN") { funding { totalCents grantCount perYear(from: 2025, to: 2025) { totalCents earmarkedCents grantCount } } }
    country { funding { totalCents grantCount perYear(from: 2025, to: 2025) { totalCents grantCount } } }
    trends(from: 2025, to: 2025, regions: ["NN"]) { rows { funding { totalCents earmarkedCents grantCount } } national { funding { totalCents grantCount } } } }`);
  return {
    region: data.region.funding.totalCents, regionYear: data.region.funding.perYear[0].totalCents, regionEarmarked: data.region.funding.perYear[0].earmarkedCents,
    regionCount: data.region.funding.grantCount, country: data.country.funding.totalCents, countryYear: data.country.funding.perYear[0].totalCents,
    row: data.trends.rows[0].funding.totalCents, rowEarmarked: data.trends.rows[0].funding.earmarkedCents, rowCount: data.trends.rows[0].funding.grantCount,
    national: data.trends.national[0].funding.totalCents,
  };
}
const plus = (base: Record<string, number>, cents: number) =>
  Object.fromEntries(Object.entries(base).map(([key, value]) => [key, key.endsWith('Count') ? value + 1 : value + cents]));

describe('funding writes through the gateway', () => {
  const id = '2025-jenv-nn-escape-room';
  let before: Record<string, number>;

  it('shows a recorded grant at once in the region\'s funding per year, the trend table and Country.funding', async () => {
    before = await figures();
    const { recordGrant } = await ministry.graphqlOk(hub.url, RECORD, { input: INPUT });
    expect(recordGrant.errors).toEqual([]);
    expect(recordGrant.grant).toMatchObject({ id, funder: { id: 'jenv' }, recipient: { code: 'NN', name: 'Noord-Nederland' }, synthetic: false });
    const after = await figures();
    expect(after).toEqual({ ...plus(before, INPUT.amountCents), regionCount: before.regionCount + 1, rowCount: before.rowCount + 1 });
  });

  it('applies a correction to exactly the corrected fields, at once, with an audit of before and after', async () => {
    const { grant: recorded } = await ministry.graphqlOk(hub.url, `{ grant(id: "${id}") { ${GRANT} } }`);
    const input = { amountCents: 2_000_000, periodEnd: '2025-10-31', reason: 'Final invoice lower than the offer' };
    const { correctGrant } = await ministry.graphqlOk(hub.url, CORRECT, { id, input });
    expect(correctGrant.errors).toEqual([]);
    const { history, ...corrected } = correctGrant.grant;
    expect(corrected).toEqual({ ...recorded, amountCents: 2_000_000, periodEnd: '2025-10-31' });
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['updated', 'created']);
    expect(history[0]).toMatchObject({ actor: 'jenv-grants-system', organisation: 'jenv' });
    // jsonb keeps keys in its own order, so the changes are compared by field.
    const byField = (a: { field: string }, b: { field: string }) => a.field.localeCompare(b.field);
    expect([...history[0].changes].sort(byField)).toEqual([
      { field: 'amountCents', before: '2345600', after: '2000000' },
      { field: 'periodEnd', before: '"2025-11-30"', after: '"2025-10-31"' },
      { field: 'reason', before: null, after: '"Final invoice lower than the offer"' },
    ]);
    expect(await figures()).toEqual({ ...plus(before, 2_000_000), regionCount: before.regionCount + 1, rowCount: before.rowCount + 1 });
  });

  it('writes no audit entry for an identical correction', async () => {
    const { correctGrant } = await ministry.graphqlOk(hub.url, CORRECT, { id, input: { amountCents: 2_000_000, reason: 'Checked again' } });
    expect(correctGrant.errors).toEqual([]);
    expect(correctGrant.grant.history).toHaveLength(2);
  });

  it('refuses anonymous callers, ministry analysts and another subgraph\'s writers with FORBIDDEN, writing nothing', async () => {
    const unchanged = await figures();
    const callers = { anonymous: ROLES.anonymous.client, national: withToken({ scopes: [NATIONAL_READ] }), kvoWriter: withToken({ scopes: [subgraphWrite('kvo')] }) };
    for (const [name, client] of Object.entries(callers)) {
      const record = await client.graphql(hub.url, RECORD, { input: { ...INPUT, purpose: `by-${name.toLowerCase()}` } });
      expect(record.errors?.map((e) => e.extensions?.code), name).toEqual(['FORBIDDEN']);
      const correct = await client.graphql(hub.url, CORRECT, { id, input: { amountCents: 1, reason: 'Not mine to make' } });
      expect(correct.errors?.map((e) => e.extensions?.code), name).toEqual(['FORBIDDEN']);
    }
    const history = await callers.national.graphql(hub.url, `{ grant(id: "${id}") { id history { at } } }`);
    expect(history.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['grant', 'history'], 'FORBIDDEN']]);
    expect(await figures()).toEqual(unchanged);
  });
});
