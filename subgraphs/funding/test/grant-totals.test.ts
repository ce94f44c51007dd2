// grant_total, which every recipient's totals are read from, is kept by triggers on every write (migration 0003).
// After each kind of write (the mutation's writer, an upsert inserting and replacing in one statement, corrections,
// deletions, a truncate) it must equal the totals summed from the grants from scratch.
import { migrateSubgraph, type DatabaseHandle } from '@vo/kit';
import { openTestDatabase } from '@vo/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grants, type GrantInsert } from '../src/db/schema.js';
import { fundingSubgraph } from '../src/subgraph.js';
import { createGrantWrites } from '../src/writes/grants.js';

const KEY = 'recipient_type, recipient_id, recipient_region_code, year, funder_category, earmarked';
const FROM_SCRATCH = sql.raw(`select ${KEY}, sum(amount_cents)::bigint as amount_cents, count(*)::int as grant_count from funding."grant" group by ${KEY}`);
const KEPT = sql.raw(`select ${KEY}, amount_cents, grant_count from funding.grant_total where grant_count > 0`);

const rowsOf = async (query: ReturnType<typeof sql.raw>) => {
  const result = (await database.db.execute(query)) as unknown as Record<string, unknown>[] | { rows: Record<string, unknown>[] };
  const rows = Array.isArray(result) ? result : result.rows;
  return rows.map((row) => ({ ...row, amount_cents: Number(row.amount_cents), grant_count: Number(row.grant_count) }))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
};
const expectTotalsExact = async () => {
  const scratch = await rowsOf(FROM_SCRATCH);
  expect(await rowsOf(KEPT)).toEqual(scratch);
  return scratch.length;
};

const viewer = { authenticated: true, subject: 'totals-test', organisation: 'jenv', scopes: new Set(['funding:write']) };
const MUNICIPALITIES = [['GM0014', 'NN'], ['GM0034', 'MN'], ['GM0363', 'AA']] as const;

/** Grant `n`: municipalities paying their PVO, JenV paying PVOs and CCV, over three years, some earmarked. */
function grant(n: number, change: Partial<GrantInsert> = {}): GrantInsert {
  const [code, region] = MUNICIPALITIES[n % 3];
  const [funderType, funderId, funderCategory] = n % 2 ? ['MUNICIPALITY', code, 'MUNICIPAL'] : ['ORGANISATION', 'jenv', 'JUSTICE_AND_SECURITY'];
  const [recipientType, recipientId, recipientRegionCode] = n % 5 === 0 ? ['ORGANISATION', 'ccv', null] : ['REGION', region, region];
  const year = 2020 + (n % 3);
  return {
    id: `${year}-${funderId}-${recipientId}-totals-${n}`.toLowerCase(), funderType, funderId, funderCategory, recipientType, recipientId,
    recipientRegionCode, viaId: null, amountCents: 1000 * (n + 1), periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, year,
    kind: 'PROJECT_SUBSIDY', themes: n % 4 === 0 ? ['CYBER'] : [], earmarked: n % 4 === 0, description: `Grant ${n}`, synthetic: false, source: null, ...change,
  };
}

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await migrateSubgraph(database, fundingSubgraph.name, fundingSubgraph.migrationsFolder);
});
afterAll(() => database?.close());

describe('grant_total', () => {
  it('equals the totals summed from scratch after every kind of write', async () => {
    const writes = createGrantWrites(database.db);
    for (let n = 0; n < 6; n += 1) expect((await writes.record(viewer, grant(n))).errors).toEqual([]);
    await database.db.insert(grants).values(Array.from({ length: 30 }, (_, i) => grant(i + 6)));
    expect(await expectTotalsExact()).toBeGreaterThan(10);

    // One statement inserting new grants and replacing old ones: both triggers fire.
    const replaced = [grant(7, { amountCents: 5, earmarked: true, themes: ['CYBER'] }), grant(8, { recipientType: 'ORGANISATION', recipientId: 'ccv', recipientRegionCode: null })];
    await database.db.insert(grants).values([...replaced, grant(40), grant(41)]).onConflictDoUpdate({
      target: grants.id,
      set: { amountCents: sql`excluded.amount_cents`, earmarked: sql`excluded.earmarked`, themes: sql`excluded.themes`, recipientType: sql`excluded.recipient_type`, recipientId: sql`excluded.recipient_id`, recipientRegionCode: sql`excluded.recipient_region_code` },
    });
    await expectTotalsExact();

    await database.db.execute(sql`update funding."grant" set amount_cents = amount_cents * 2, year = 2023 where recipient_id = 'NN'`);
    await expectTotalsExact();
    await database.db.execute(sql`delete from funding."grant" where recipient_id = 'ccv' or year = 2021`);
    await expectTotalsExact();
    await database.db.execute(sql`truncate funding."grant"`);
    expect(await rowsOf(sql.raw('select * from funding.grant_total'))).toEqual([]);
    await database.db.insert(grants).values([grant(1), grant(2)]);
    await expectTotalsExact();
  });
});
