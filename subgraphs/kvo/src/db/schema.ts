import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgSchema, text, uniqueIndex } from 'drizzle-orm/pg-core';
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
    // Plain column names: drizzle-kit would qualify interpolated columns with the schema.
    // A stated validUntil may be shorter than the standard three years, never longer (rules.ts says why).
    check('certification_validity', sql.raw(`valid_until > certified_on and valid_until <= (certified_on + interval '3 years')::date`)),
    check('certification_withdrawal', sql.raw(`(withdrawn_on is null) = (withdrawal_reason is null) and (withdrawn_on is null or withdrawn_on between certified_on and valid_until)`)),
    check('certification_first_has_no_previous', sql.raw(`kind = 'RECERTIFICATION' or previous_id is null`)),
  ],
);

export type CertificationRow = typeof certifications.$inferSelect;
export type CertificationInsert = typeof certifications.$inferInsert;

/** Who wrote what, when: every mutation and import of this subgraph (kit audit.ts). */
export const audit = auditTable(kvoSchema);
