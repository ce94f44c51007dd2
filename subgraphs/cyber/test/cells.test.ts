// The cell table the summaries and the suppression pattern read is kept by triggers on every write (migration 0004).
// After each kind of write (a batch through the mutation's writer, an upsert that inserts and updates the same
// companies in one statement, corrections, deletions, a truncate) it must equal the cells counted from scratch.
import { migrateSubgraph, type DatabaseHandle } from '@vo/kit';
import { openTestDatabase } from '@vo/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanInsert } from '../src/db/schema.js';
import { cyberSubgraph } from '../src/subgraph.js';
import { storeScans } from '../src/writes/submit.js';
import { selectRows } from './sql.js';

const SUMS = 'governance_sum, awareness_sum, access_control_sum, software_updates_sum, backups_sum, incident_response_sum';
const PLACE = `case when grouping(municipality_code) = 0 then municipality_code when grouping(region_code) = 0 then region_code else 'NL' end`;
/** Every non-empty cell, counted from the scans as the summaries did before the cell table. */
const FROM_SCRATCH = sql.raw(`
  select ${PLACE} as place, year, instrument, sector, count(*)::int as scan_count, count(distinct company_ref)::int as company_count,
    sum(governance)::bigint as governance_sum, sum(awareness)::bigint as awareness_sum, sum(access_control)::bigint as access_control_sum,
    sum(software_updates)::bigint as software_updates_sum, sum(backups)::bigint as backups_sum, sum(incident_response)::bigint as incident_response_sum
  from (select *, extract(year from scanned_on)::smallint as year from cyber.scan) s
  group by rollup(region_code, municipality_code), cube(year, instrument, sector) having count(*) > 0`);
const KEPT = sql.raw(`select place, year, instrument, sector, scan_count, company_count, ${SUMS} from cyber.cell where scan_count > 0`);

const ORDER = (row: Record<string, unknown>) => [row.place, row.year, row.instrument, row.sector].join('|');
/** Rows with numbers as numbers (postgres.js returns bigint as text) in one order. */
const normal = (rows: Record<string, unknown>[]) =>
  rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k.endsWith('_sum') || k.endsWith('_count') ? Number(v) : v])))
    .sort((a, b) => (ORDER(a) < ORDER(b) ? -1 : 1));

const viewer = { authenticated: true, subject: 'cells-test', organisation: 'dtc', scopes: new Set(['cyber:write']) };
const MUNICIPALITIES = [['GM0014', 'NN'], ['GM0034', 'MN'], ['GM0363', 'AA']] as const;
const SECTORS = ['RETAIL', 'LOGISTICS'] as const;

/** Scan `n` of company `company`: the same companies recur across years, instruments and places. */
function scan(company: number, n: number, change: Partial<ScanInsert> = {}): ScanInsert {
  const [municipalityCode, regionCode] = MUNICIPALITIES[(company + n) % MUNICIPALITIES.length];
  const instrument = n % 3 === 0 ? 'PENTEST' : 'DTC_BASISSCAN';
  const scannedOn = `${2020 + (n % 4)}-0${1 + (company % 9)}-1${n % 10}`;
  const companyRef = `C-ce11${String(company).padStart(4, '0')}`;
  return {
    id: `CS-dtc-${instrument}-${companyRef}-${scannedOn}`, instrument, scannedOn, municipalityCode, regionCode,
    sector: SECTORS[company % 2], sizeClass: 'SMALL', companyRef, submittedBy: null, ownerOrganisation: 'dtc',
    governance: (company * 7 + n) % 101, awareness: (company * 11 + n) % 101, accessControl: (company + n * 13) % 101,
    softwareUpdates: (n * 17) % 101, backups: (company * 19) % 101, incidentResponse: (company + n) % 101, synthetic: false, ...change,
  };
}

let database: DatabaseHandle;
const expectCellsExact = async () => {
  const [kept, scratch] = await Promise.all([selectRows<Record<string, unknown>>(database.db, KEPT), selectRows<Record<string, unknown>>(database.db, FROM_SCRATCH)]);
  expect(normal(kept)).toEqual(normal(scratch));
  return scratch.length;
};

beforeAll(async () => {
  database = await openTestDatabase();
  await migrateSubgraph(database, cyberSubgraph.name, cyberSubgraph.migrationsFolder);
});
afterAll(() => database?.close());

describe('the cell table', () => {
  it('equals the cells counted from scratch after every kind of write', async () => {
    const rows = Array.from({ length: 12 }, (_, company) => Array.from({ length: 5 }, (_, n) => scan(company, n))).flat();
    await storeScans(database.db, viewer, rows);
    expect(await expectCellsExact()).toBeGreaterThan(100);

    // One statement inserting new scans and correcting (moving) old ones of the same companies: two triggers fire.
    const moved = rows.filter((_, i) => i % 4 === 0).map((row) => ({ ...row, municipalityCode: 'GM0363', regionCode: 'AA', sector: 'LOGISTICS', backups: 3 }));
    const added = Array.from({ length: 12 }, (_, company) => scan(company, 7));
    await storeScans(database.db, viewer, [...moved, ...added]);
    await expectCellsExact();

    await database.db.execute(sql`update cyber.scan set awareness = 100 - awareness where company_ref in ('C-ce110001', 'C-ce110002')`);
    await expectCellsExact();
    await database.db.execute(sql`delete from cyber.scan where company_ref in ('C-ce110003', 'C-ce110004') or scanned_on < '2021-01-01'`);
    await expectCellsExact();
    // A company's last scan in a cell leaves the cell with zeros: no longer a cell the summaries read.
    await database.db.execute(sql`delete from cyber.scan where company_ref = 'C-ce110005'`);
    await expectCellsExact();

    await database.db.execute(sql`truncate cyber.scan`);
    expect(await selectRows(database.db, sql`select * from cyber.cell`)).toEqual([]);
    await storeScans(database.db, viewer, rows.slice(0, 9));
    await expectCellsExact();
  });
});
