import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgSchema, primaryKey, smallint, text, unique } from 'drizzle-orm/pg-core';
import { auditTable } from '@vo/kit/audit';

const SCORE_COLUMNS = 'governance, awareness, access_control, software_updates, backups, incident_response';

/** Everything the cyber subgraph stores lives in the Postgres schema "cyber". */
export const cyberSchema = pgSchema('cyber');

/**
 * One cyber-resilience scan of one company. Places and organisations are stored by federation key
 * only; the company is a pseudonymous reference (C-000123), never a name, so aggregates can count
 * distinct companies while no scan identifies one.
 */
export const scans = cyberSchema.table(
  'scan',
  {
    id: text('id').primaryKey(),
    instrument: text('instrument').notNull(),
    scannedOn: date('scanned_on', { mode: 'string' }).notNull(),
    municipalityCode: text('municipality_code').notNull(),
    regionCode: text('region_code').notNull(),
    sector: text('sector').notNull(),
    sizeClass: text('size_class').notNull(),
    companyRef: text('company_ref').notNull(),
    submittedBy: text('submitted_by'),
    // The partner organisation that holds the scan record; it alone may read the scan (kit ORGANISATIONS id).
    ownerOrganisation: text('owner_organisation').notNull(),
    // One column per domain (0-100), so every average is a plain SQL avg().
    governance: smallint('governance').notNull(),
    awareness: smallint('awareness').notNull(),
    accessControl: smallint('access_control').notNull(),
    softwareUpdates: smallint('software_updates').notNull(),
    backups: smallint('backups').notNull(),
    incidentResponse: smallint('incident_response').notNull(),
    synthetic: boolean('synthetic').notNull(),
  },
  (table) => [
    index('scan_listing_idx').on(table.scannedOn, table.id),
    index('scan_region_idx').on(table.regionCode, table.scannedOn),
    index('scan_municipality_idx').on(table.municipalityCode, table.scannedOn),
    index('scan_instrument_idx').on(table.instrument, table.scannedOn),
    index('scan_sector_idx').on(table.sector, table.scannedOn),
    index('scan_size_class_idx').on(table.sizeClass, table.scannedOn),
    index('scan_company_idx').on(table.companyRef),
    index('scan_owner_idx').on(table.ownerOrganisation, table.scannedOn, table.id),
    // Plain column names: drizzle-kit would qualify interpolated columns with the schema.
    check('scan_scores_range', sql.raw(`least(${SCORE_COLUMNS}) >= 0 and greatest(${SCORE_COLUMNS}) <= 100`)),
  ],
);

export type ScanRow = typeof scans.$inferSelect;
export type ScanInsert = typeof scans.$inferInsert;

/**
 * A scan's overall score: the mean of its six domain scores. Computed rather than stored, so it can
 * never disagree with the domains (and the kit's upsert cannot write a generated column).
 */
export const overallScore = sql<number>`((${sql.join(
  [scans.governance, scans.awareness, scans.accessControl, scans.softwareUpdates, scans.backups, scans.incidentResponse],
  sql` + `,
)}) / 6.0)::float8`;

/**
 * Which companies have scans in each finest cell (municipality, sector, year, instrument), and how many: the state
 * the triggers of migration 0004 keep `cell` exact by. A distinct-company count is not additive, so a change
 * compares the changed companies' cells before and after it (one index lookup per company) instead of recounting.
 */
export const companyCells = cyberSchema.table(
  'company_cell',
  {
    companyRef: text('company_ref').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    regionCode: text('region_code').notNull(),
    sector: text('sector').notNull(),
    year: smallint('year').notNull(),
    instrument: text('instrument').notNull(),
    scanCount: integer('scan_count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyRef, table.municipalityCode, table.regionCode, table.sector, table.year, table.instrument] })],
);

/**
 * Every cell of the cross-classification the summaries and small-group suppression read: a place (municipality,
 * region or NL) by year, instrument and sector, each null for "all". Kept exact by triggers on `scan` in the
 * writing transaction (migration 0004), for every writer; a cell whose scans are all gone stays with zeros.
 * Domain scores are kept as sums, so an average is a sum over the scan count.
 */
export const cells = cyberSchema.table(
  'cell',
  {
    place: text('place').notNull(),
    year: smallint('year'),
    instrument: text('instrument'),
    sector: text('sector'),
    scanCount: integer('scan_count').notNull(),
    companyCount: integer('company_count').notNull(),
    governance: bigint('governance_sum', { mode: 'number' }).notNull(),
    awareness: bigint('awareness_sum', { mode: 'number' }).notNull(),
    accessControl: bigint('access_control_sum', { mode: 'number' }).notNull(),
    softwareUpdates: bigint('software_updates_sum', { mode: 'number' }).notNull(),
    backups: bigint('backups_sum', { mode: 'number' }).notNull(),
    incidentResponse: bigint('incident_response_sum', { mode: 'number' }).notNull(),
  },
  // Nulls not distinct: "all years" is one cell, and the triggers' upsert finds it.
  (table) => [unique('cell_key').on(table.place, table.year, table.instrument, table.sector).nullsNotDistinct()],
);

/** Who wrote what, when: every mutation and import of this subgraph (kit audit.ts). */
export const audit = auditTable(cyberSchema);
