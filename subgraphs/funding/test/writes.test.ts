import { NATIONAL_READ, subgraphWrite } from '@vo/kit';
import { graphql as anonymous, startTestSubgraph, withToken } from '@vo/kit/testing';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, grants } from '../src/db/schema.js';
import { fundingSubgraph } from '../src/subgraph.js';
import { schemaChecksum } from '@vo/kit/import';

// The ministry's grants system: it writes grants and reads their history (a system's subject, never a person's).
const MINISTRY_CLAIMS = { scopes: [subgraphWrite('funding')], organisation: 'jenv', subject: 'jenv-grants-system' };
const ministry = withToken(MINISTRY_CLAIMS);

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(fundingSubgraph);
});
afterAll(() => subgraph?.close());

const GRANT = 'id funder { __typename } amountCents periodStart periodEnd year kind themes earmarked synthetic source';
const HISTORY = 'history { actor organisation action changes { field before after } }';
const RECORD = `mutation($input: RecordGrantInput!) { recordGrant(input: $input) { grant { ${GRANT} ${HISTORY} } errors { path code message } } }`;
const CORRECT = `mutation($id: ID!, $input: CorrectGrantInput!) { correctGrant(id: $id, input: $input) {
  grant { ${GRANT} ${HISTORY} } errors { path code message } } }`;

/** A valid new grant: JenV's 2026 cyber-week money for Noord-Nederland's PVO. */
const VALID = {
  funder: 'jenv', recipient: 'NN', purpose: 'cyber-week', amountCents: 1_250_000, periodStart: '2026-03-01', periodEnd: '2026-12-31',
  kind: 'ONE_OFF', themes: ['CYBER'], description: 'A cyber awareness week for entrepreneurs.', source: 'Decision 2026-031',
};

/** Every table of the funding schema: equal before and after means the write changed nothing. */
const snapshot = () => schemaChecksum(subgraph.database.db, 'funding');
const auditCount = async () => (await subgraph.database.db.select({ n: count() }).from(audit))[0].n;

describe('recordGrant', () => {
  it('records a partner grant with its natural-key id, not synthetic, audited with the token\'s subject and organisation', async () => {
    const { recordGrant } = await ministry.graphqlOk(subgraph.url, RECORD, { input: VALID });
    expect(recordGrant.errors).toEqual([]);
    expect(recordGrant.grant).toMatchObject({
      id: '2026-jenv-nn-cyber-week', funder: { __typename: 'Organisation' }, amountCents: 1_250_000, year: 2026, earmarked: true, synthetic: false,
    });
    const [entry] = recordGrant.grant.history;
    expect(entry).toMatchObject({ actor: 'jenv-grants-system', organisation: 'jenv', action: 'created' });
    expect(entry.changes).toContainEqual({ field: 'amountCents', before: null, after: '1250000' });
    expect(entry.changes).toContainEqual({ field: 'themes', before: null, after: '["CYBER"]' });
  });

  // Each rule: the input that breaks it, and the field path and code the clerk gets back.
  it.each([
    ['an unknown funder', { funder: 'ministry-of-magic' }, ['input', 'funder'], 'UNKNOWN_REFERENCE'],
    ['an unknown municipality', { recipient: 'GM9999' }, ['input', 'recipient'], 'UNKNOWN_REFERENCE'],
    ['a recipient that is the funder', { recipient: 'jenv' }, ['input', 'recipient'], 'INVALID'],
    ['a purpose that is no short name', { purpose: 'Cyber week!' }, ['input', 'purpose'], 'INVALID'],
    ['a negative amount', { amountCents: -600_000 }, ['input', 'amountCents'], 'OUT_OF_RANGE'],
    ['an amount above EUR 100 million', { amountCents: 10_000_000_001 }, ['input', 'amountCents'], 'OUT_OF_RANGE'],
    ['a period ending before it starts', { periodEnd: '2026-02-28' }, ['input', 'periodEnd'], 'OUT_OF_RANGE'],
    ['a period of more than 10 budget years', { periodEnd: '2036-01-01' }, ['input', 'periodEnd'], 'OUT_OF_RANGE'],
    ['a period before 2000', { periodStart: '1999-03-01' }, ['input', 'periodStart'], 'OUT_OF_RANGE'],
    ['a year that is not the period\'s', { year: 2025 }, ['input', 'year'], 'CONFLICT'],
    ['a theme listed twice', { themes: ['CYBER', 'CYBER'] }, ['input', 'themes', '1'], 'DUPLICATE'],
    ['themes on a grant that is not earmarked', { earmarked: false }, ['input', 'earmarked'], 'CONFLICT'],
    ['an unknown delivering organisation', { via: 'nobody' }, ['input', 'via'], 'UNKNOWN_REFERENCE'],
    ['an empty description', { description: '  ' }, ['input', 'description'], 'REQUIRED'],
    ['a grant that exists (the Safety Week offer)', { recipient: 'RR', purpose: 'safety-week', periodStart: '2019-07-01', periodEnd: '2019-10-31' }, ['input', 'purpose'], 'DUPLICATE'],
  ])('refuses %s at its field, writing nothing', async (_, change, path, code) => {
    const before = await snapshot();
    const { recordGrant } = await ministry.graphqlOk(subgraph.url, RECORD, { input: { ...VALID, purpose: 'refused', ...change } });
    expect(recordGrant.grant).toBeNull();
    expect(recordGrant.errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(await snapshot()).toEqual(before);
  });

  it('reports every problem of one input at once', async () => {
    const { recordGrant } = await ministry.graphqlOk(subgraph.url, RECORD, { input: { ...VALID, funder: 'nobody', amountCents: -1, description: '' } });
    expect(recordGrant.errors.map((e: { path: string[] }) => e.path.join('.')).sort()).toEqual(['input.amountCents', 'input.description', 'input.funder']);
  });

  it('is for the funders only: anonymous callers, analysts and other partners\' systems get FORBIDDEN', async () => {
    const before = await snapshot();
    for (const client of [{ graphql: anonymous }, withToken({ scopes: [NATIONAL_READ] }), withToken({ scopes: [subgraphWrite('kvo')] })]) {
      const result = await client.graphql(subgraph.url, RECORD, { input: { ...VALID, purpose: 'forbidden' } });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: 'This field needs the scope funding:write.' });
    }
    const history = await withToken({ scopes: [NATIONAL_READ] }).graphql(subgraph.url, '{ grant(id: "2019-jenv-rr-safety-week") { id history { at } } }');
    expect(history.errors?.[0]).toMatchObject({ path: ['grant', 'history'], extensions: { code: 'FORBIDDEN' } });
    expect(await snapshot()).toEqual(before);
  });
});

describe('correctGrant', () => {
  it('changes exactly the corrected fields; the audit keeps them before and after, with the reason', async () => {
    const id = '2024-jenv-dh-cyber';
    const seeded = (await ministry.graphqlOk(subgraph.url, `{ grant(id: "${id}") { ${GRANT} } }`)).grant;
    const input = { amountCents: seeded.amountCents + 50_000, description: 'JenV cyber subsidy, raised after the mid-year review.', reason: 'Mid-year review' };
    const { correctGrant } = await ministry.graphqlOk(subgraph.url, CORRECT, { id, input });
    expect(correctGrant.errors).toEqual([]);
    const { history, ...after } = correctGrant.grant;
    // A corrected amount is the ministry's own figure, so the grant is no longer synthetic.
    expect(after).toEqual({ ...seeded, amountCents: seeded.amountCents + 50_000, synthetic: false });
    expect(history[0].changes.map((c: { field: string }) => c.field).sort()).toEqual(['amountCents', 'description', 'reason', 'synthetic']);
    expect(history[0].changes).toContainEqual({ field: 'amountCents', before: String(seeded.amountCents), after: String(seeded.amountCents + 50_000) });
    expect(history[0].changes).toContainEqual({ field: 'reason', before: null, after: '"Mid-year review"' });
  });

  it('writes nothing, not even an audit entry, for a correction that changes nothing', async () => {
    const { grant } = await ministry.graphqlOk(subgraph.url, '{ grant(id: "2023-jenv-on-cyber") { amountCents kind } }');
    const before = await snapshot();
    const { correctGrant } = await ministry.graphqlOk(subgraph.url, CORRECT, { id: '2023-jenv-on-cyber', input: { ...grant, reason: 'Checked' } });
    expect(correctGrant.errors).toEqual([]);
    expect(correctGrant.grant.history).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['an unknown grant', 'no-such-grant', { amountCents: 1 }, ['id'], 'NOT_FOUND'],
    ['a missing reason', '2023-jenv-on-cyber', { amountCents: 1, reason: '' }, ['input', 'reason'], 'REQUIRED'],
    ['a move to another budget year', '2023-jenv-on-cyber', { periodStart: '2024-01-01', periodEnd: '2024-12-31' }, ['input', 'periodStart'], 'CONFLICT'],
    ['a negative amount', '2023-jenv-on-cyber', { amountCents: -5 }, ['input', 'amountCents'], 'OUT_OF_RANGE'],
    ['clearing the amount', '2023-jenv-on-cyber', { amountCents: null }, ['input', 'amountCents'], 'REQUIRED'],
  ])('refuses %s, writing nothing', async (_, id, change, path, code) => {
    const before = await snapshot();
    const { correctGrant } = await ministry.graphqlOk(subgraph.url, CORRECT, { id, input: { reason: 'Correction', ...change } });
    expect(correctGrant).toMatchObject({ grant: null, errors: [expect.objectContaining({ path, code })] });
    expect(await snapshot()).toEqual(before);
  });
});

describe('Grant.history', () => {
  it('reads the history of a page of grants in one statement, whatever the page size', async () => {
    const cost = async (first: number) => {
      const start = subgraph.database.statements.count;
      const { grants: page } = await ministry.graphqlOk(subgraph.url, `{ grants(first: ${first}, region: "RR", year: 2020) { nodes { id history { action } } } }`);
      expect(page.nodes).toHaveLength(first);
      return subgraph.database.statements.count - start;
    };
    expect(await cost(2)).toBe(await cost(8));
    expect(await auditCount()).toBeGreaterThan(0);
  });
});

describe('the seed', () => {
  it('keeps what the funders wrote: a second run changes nothing, corrected seeded grants included', async () => {
    const { grant } = await ministry.graphqlOk(subgraph.url, '{ grant(id: "2024-jenv-dh-cyber") { synthetic history { action } } }');
    expect(grant).toEqual({ synthetic: false, history: [{ action: 'updated' }] });
    const before = await snapshot();
    await fundingSubgraph.seed(subgraph.database.db);
    expect(await snapshot()).toEqual(before);
  });
});
