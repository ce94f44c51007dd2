// The places' and trend tables' KVO figures are read from summaries kept by triggers on every write (migration
// 0004). After each kind of write (the seed, the mutations' create, renewal, correction and withdrawal, an import
// with a renewal chain inside the file, SQL by hand, a delete and a truncate) every figure on many days and as
// known on several days must equal the same figure counted from the certificates from scratch, as before 0004.
import { MUNICIPALITIES, REGION_CODES, migrateSubgraph, subgraphWrite, today, type DatabaseHandle } from '@vo/kit';
import { runImport } from '@vo/kit/import';
import { openTestDatabase } from '@vo/kit/testing';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/domain.js';
import { createSummaryQueries, type PlaceScope } from '../src/db/queries/summaries.js';
import { certificationImport } from '../src/import/certifications.js';
import { seedKvo } from '../src/seed/index.js';
import { kvoSubgraph } from '../src/subgraph.js';
import { createCertification, updateCertification, withdrawCertification } from '../src/writes/certifications.js';
import { chainEnd, freeSites } from './write-support.js';

const viewer = { authenticated: true, subject: 'ccv-kvo-register', organisation: 'ccv', scopes: new Set([subgraphWrite('kvo')]) };
const PLACE = `case when grouping(municipality_code) = 0 then municipality_code when grouping(region_code) = 0 then region_code else 'NL' end`;
const BY_PLACE = (extra: string) => `grouping sets ((municipality_code, ${extra}), (region_code, ${extra}), (${extra}))`;
const LAST_DAY = 'least(valid_until, withdrawn_on - 1)';
const DAYS = ['2011-12-31', '2015-03-31', '2018-01-01', '2019-06-30', '2021-02-28', '2024-12-31', today(), '2027-06-30'];
const AS_OFS = ['2016-06-30', '2022-01-01', today()];
const KEYS: Record<PlaceScope, string[]> = { municipality: MUNICIPALITIES.map((m) => m.code), region: [...REGION_CODES], country: ['NL'] };
const SCOPES = Object.keys(KEYS) as PlaceScope[];

let database: DatabaseHandle;
const rowsOf = async (query: SQL) => {
  const result = (await database.db.execute(query)) as unknown as Record<string, unknown>[] | { rows: Record<string, unknown>[] };
  return Array.isArray(result) ? result : result.rows;
};
/** Rows as sorted JSON with numbers as numbers, leaving out the rows that count nothing. */
const normal = (rows: Record<string, unknown>[], counts: string[]) =>
  rows
    .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, counts.includes(k) ? Number(v) : v === null ? null : String(v)])))
    .filter((row) => counts.some((k) => row[k] !== 0))
    .map((row) => JSON.stringify(row))
    .sort();

/** Stock on each day, counted from the certificates valid on it, as the summaries did before 0004. */
const STOCK_FROM_SCRATCH = sql.raw(`
  select ${PLACE} as key, d.day::text as "asOf", count(*) as "validCertificates", count(distinct site_id) as "certifiedSites",
    count(distinct site_id) filter (where scheme = 'KVO_B' and site_kind = 'BUSINESS_PARK') as "certifiedBusinessParks",
    count(*) filter (where ${LAST_DAY} <= d.day + 30) as "expiringSoon"
  from kvo.certification c join unnest('{${DAYS.join(',')}}'::date[]) d (day)
    on c.certified_on <= d.day and c.valid_until >= d.day and (c.withdrawn_on is null or c.withdrawn_on > d.day)
  group by ${BY_PLACE('d.day')}`);
const STOCK = ['validCertificates', 'certifiedSites', 'certifiedBusinessParks', 'expiringSoon'];

/** Issues and lapses per year or quarter as known on `asOf`, counted from every certificate's two events. */
const periodsFromScratch = (asOf: string, quarters: boolean, scheme: string | null) =>
  sql.raw(`
  select ${PLACE} as key, year, quarter, count(*) filter (where kind_of = 'issued') as certifications,
    count(*) filter (where kind_of = 'issued' and kind = 'FIRST') as "firstCertifications",
    count(*) filter (where kind_of = 'issued' and kind = 'RECERTIFICATION') as recertifications,
    count(*) filter (where kind_of = 'ended' and day < '${asOf}' and not exists (
      select 1 from kvo.certification r where r.previous_id = e.id and r.certified_on <= '${asOf}')) as lapsed
  from (select c.*, v.kind_of, v.day, extract(year from v.day)::int as year, ${quarters ? 'extract(quarter from v.day)::int' : 'null::int'} as quarter
    from kvo.certification c cross join lateral (values ('issued', certified_on), ('ended', ${LAST_DAY})) v (kind_of, day)) e
  where day between '2010-01-01' and '2027-12-31' ${scheme ? `and scheme = '${scheme}'` : ''}
  group by ${BY_PLACE('year, quarter')}`);
const PERIOD = ['certifications', 'firstCertifications', 'recertifications', 'lapsed'];

async function expectSummariesExact() {
  const queries = createSummaryQueries(database.db);
  const days = DAYS.map((day) => ({ asOf: day, expiresBy: addDays(day, 30) }));
  const kept = (await Promise.all(SCOPES.map((scope) => queries.totals(scope, KEYS[scope], days)))).flat();
  const scratch = await rowsOf(STOCK_FROM_SCRATCH);
  expect(normal(kept.map(({ expiresBy: _, ...row }) => row), STOCK)).toEqual(normal(scratch, STOCK));
  for (const asOf of AS_OFS) {
    for (const [quarters, scheme] of [[false, null], [true, null], [false, 'KVO_B']] as const) {
      const periods = (await Promise.all(SCOPES.map((scope) => queries.perPeriod(scope, KEYS[scope], { from: 2010, to: 2027 }, quarters, scheme, asOf)))).flat();
      expect(normal(periods as never, PERIOD)).toEqual(normal(await rowsOf(periodsFromScratch(asOf, quarters, scheme)), PERIOD));
    }
  }
  return scratch.length;
}

async function* chunks(text: string) {
  yield Buffer.from(text);
}

beforeAll(async () => {
  database = await openTestDatabase();
  await migrateSubgraph(database, kvoSubgraph.name, kvoSubgraph.migrationsFolder);
});
afterAll(() => database?.close());

describe('the kept KVO summaries', () => {
  it('equal the figures counted from scratch after every kind of write', async () => {
    await seedKvo(database.db);
    expect(await expectSummariesExact()).toBeGreaterThan(300);

    // The mutations: a new site certified twice under two schemes, renewed, corrected and withdrawn.
    const [park, other] = await freeSites(database.db, 'BUSINESS_PARK');
    const first = await createCertification(database.db, viewer, { siteId: park.id, scheme: 'KVO_B', certifiedOn: '2019-05-01' });
    const cyber = await createCertification(database.db, viewer, { siteId: park.id, scheme: 'KVO_CYBER', certifiedOn: '2020-02-01' });
    const renewal = await createCertification(database.db, viewer, {
      siteId: park.id, scheme: 'KVO_B', certifiedOn: '2022-09-01', kind: 'RECERTIFICATION', previousId: first.certification!.id,
    });
    expect([first.errors, cyber.errors, renewal.errors]).toEqual([[], [], []]);
    await expectSummariesExact();
    expect((await updateCertification(database.db, viewer, renewal.certification!.id, { certifiedOn: '2022-03-01' })).errors).toEqual([]);
    expect((await updateCertification(database.db, viewer, first.certification!.id, { validUntil: '2021-12-31' })).errors).toEqual([]);
    await expectSummariesExact();
    expect((await withdrawCertification(database.db, viewer, cyber.certification!.id, '2021-06-15', 'Cameratoezicht gestopt.')).errors).toEqual([]);
    expect((await withdrawCertification(database.db, viewer, renewal.certification!.id, '2022-03-01', 'Ten onrechte afgegeven.')).errors).toEqual([]);
    await expectSummariesExact();

    // An import: a late renewal of a lapsed seed chain, and a new chain of three within the file.
    const lapsed = await chainEnd(database.db, 'KVO_B', '2020-01-01');
    const csv = [
      'locatie;keurmerk;gecertificeerd op;soort;vorig certificaat;certificaatnummer',
      `${lapsed.siteId};KVO-B;2021-04-01;hercertificering;${lapsed.id};`,
      `${other.id};KVO-B;2016-01-10;eerste;;IMP-1`,
      `${other.id};KVO-B;2018-12-20;hercertificering;IMP-1;IMP-2`,
      `${other.id};KVO-B;2022-01-05;hercertificering;IMP-2;IMP-3`,
    ].join('\r\n');
    const report = await runImport({ db: database.db, spec: certificationImport, viewer, fileName: 'kvo.csv', source: chunks(`${csv}\r\n`) });
    expect(report.problems).toEqual([]);
    expect(report.created).toBe(4);
    await expectSummariesExact();

    // SQL by hand: a site's certificates moved to another municipality and region, one unlinked from its renewal.
    await database.db.execute(sql`update kvo.certification set municipality_code = 'GM0363', region_code = 'AA' where site_id = ${other.id}`);
    await database.db.execute(sql`update kvo.certification set previous_id = null, kind = 'FIRST' where id = 'IMP-2'`);
    await expectSummariesExact();
    await database.db.execute(sql`delete from kvo.certification where id in ('IMP-1', ${lapsed.id}) or certified_on between '2017-01-01' and '2017-03-31'`);
    await expectSummariesExact();
    await database.db.execute(sql`truncate kvo.certification`);
    for (const table of ['stock_change', 'site_span', 'issue_count', 'lapse']) {
      expect(await rowsOf(sql.raw(`select * from kvo.${table}`))).toEqual([]);
    }
    await seedKvo(database.db);
    await expectSummariesExact();
  });
});
