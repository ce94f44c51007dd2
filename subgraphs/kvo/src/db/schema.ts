import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgSchema, primaryKey, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { auditTable } from '@vo/kit/audit';

/** Everything the KVO subgraph stores lives in the Postgres schema "kvo". */
export const kvoSchema = pgSchema('kvo');

/**
 * One certificate of one site under one scheme. The site, its municipality and region are stored by
 * federation key only (denormalised from the kit's reference data at seed time), so every summary is
 * one SQL aggregate without asking the regions subgraph.
 */
export const certifications = kvoSchema.table(
  'certification',
  {
    id: text('id').primaryKey(),
    scheme: text('scheme').notNull(),
    siteId: text('site_id').notNull(),
    siteKind: text('site_kind').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    regionCode: text('region_code').notNull(),
    certifiedOn: date('certified_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    previousId: text('previous_id'),
    /** The first certificate of the renewal chain this one belongs to, as far back as the data go. */
    chainStartedOn: date('chain_started_on', { mode: 'string' }).notNull(),
    themes: text('themes').array().notNull(),
    synthetic: boolean('synthetic').notNull(),
    /** The day the certificate stopped being valid before its validUntil; it stays in the data as history. */
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawalReason: text('withdrawal_reason'),
  },
  (table) => [
    index('certification_listing_idx').on(table.certifiedOn, table.id),
    index('certification_site_idx').on(table.siteId, table.certifiedOn, table.id),
    // The natural key: re-importing a row finds its record, and a second copy is refused.
    uniqueIndex('certification_natural_key').on(table.siteId, table.scheme, table.certifiedOn),
    index('certification_region_idx').on(table.regionCode, table.certifiedOn),
    index('certification_municipality_idx').on(table.municipalityCode, table.certifiedOn),
    index('certification_valid_until_idx').on(table.validUntil, table.id),
    index('certification_previous_idx').on(table.previousId),
    // Expiring soon on a day is a range of last valid days (filters.ts lastValidDay); the rest lets it be read from the index.
    index('certification_last_valid_day_idx').on(
      sql.raw('least(valid_until, withdrawn_on - 1)'),
      table.certifiedOn,
      table.regionCode,
      table.municipalityCode,
    ),
    // Plain column names: drizzle-kit would qualify interpolated columns with the schema.
    // A stated validUntil may be shorter than the standard three years, never longer (rules.ts says why).
    check('certification_validity', sql.raw(`valid_until > certified_on and valid_until <= (certified_on + interval '3 years')::date`)),
    check('certification_withdrawal', sql.raw(`(withdrawn_on is null) = (withdrawal_reason is null) and (withdrawn_on is null or withdrawn_on between certified_on and valid_until)`)),
    check('certification_first_has_no_previous', sql.raw(`kind = 'RECERTIFICATION' or previous_id is null`)),
  ],
);

export type CertificationRow = typeof certifications.$inferSelect;
export type CertificationInsert = typeof certifications.$inferInsert;

/*
 * The summaries below are kept exact by statement-level triggers on certification for every writer (mutations, the
 * importer, seeds, SQL by hand: migration 0004), so the places' and trend tables' figures are index reads, not
 * passes over every certificate. Places are municipalities, regions and 'NL' (the country), as in the cyber cells.
 */

/**
 * Changes in a place's stock, so the stock on any day is a sum of changes up to it: +1 on a certificate's first
 * valid day and -1 on the day after its last, and the same for each span a site (or a business park under KVO-B)
 * was certified without a break, so a site with overlapping certificates counts once. Each change is kept per day,
 * month and year, so a sum up to a day reads the years before it, the months of its year and the days of its month.
 */
export const stockChanges = kvoSchema.table(
  'stock_change',
  {
    place: text('place').notNull(),
    /** 'D', 'M' or 'Y': `bucket` is the day, or the first day of the month or year, the changes fell in. */
    grain: text('grain').notNull(),
    bucket: date('bucket', { mode: 'string' }).notNull(),
    certificates: integer('certificates').notNull(),
    sites: integer('sites').notNull(),
    businessParks: integer('business_parks').notNull(),
  },
  (table) => [primaryKey({ columns: [table.place, table.grain, table.bucket] })],
);

/**
 * The spans of days each site was certified without a break, per place it lies in; `businessPark` spans count only
 * KVO-B certificates of business parks. Rebuilt for the sites a statement touches; a span has no key of its own
 * (rebuilding deletes and inserts a site's spans in one statement).
 */
export const siteSpans = kvoSchema.table(
  'site_span',
  {
    place: text('place').notNull(),
    siteId: text('site_id').notNull(),
    businessPark: boolean('business_park').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }).notNull(),
  },
  (table) => [index('site_span_site_idx').on(table.siteId)],
);

/** Certificates issued per place, scheme and quarter (a year is the sum of its quarters). */
export const issueCounts = kvoSchema.table(
  'issue_count',
  {
    place: text('place').notNull(),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    scheme: text('scheme').notNull(),
    certifications: integer('certifications').notNull(),
    firstCertifications: integer('first_certifications').notNull(),
    recertifications: integer('recertifications').notNull(),
  },
  (table) => [primaryKey({ columns: [table.place, table.year, table.quarter, table.scheme] })],
);

/**
 * Every certificate that lapses on some day: one not renewed at all, or renewed only after the day after its last
 * valid day. It counts as expired on `asOf` when it ended before `asOf` and was not renewed by then; a certificate
 * renewed in time never lapses and is not here. `renewedOn` is its earliest renewal's certification day.
 */
export const lapses = kvoSchema.table(
  'lapse',
  {
    id: text('id').primaryKey(),
    scheme: text('scheme').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    regionCode: text('region_code').notNull(),
    endedOn: date('ended_on', { mode: 'string' }).notNull(),
    renewedOn: date('renewed_on', { mode: 'string' }),
  },
  (table) => [index('lapse_ended_idx').on(table.endedOn)],
);

/** Who wrote what, when: every mutation and import of this subgraph (kit audit.ts). */
export const audit = auditTable(kvoSchema);
