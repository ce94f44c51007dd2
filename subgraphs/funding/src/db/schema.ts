import { bigint, boolean, date, index, integer, pgSchema, text, unique } from 'drizzle-orm/pg-core';
import { auditTable } from '@vo/kit/audit';

/** Everything the funding subgraph stores lives in the Postgres schema "funding". */
export const fundingSchema = pgSchema('funding');

/**
 * One funding stream: money or capacity from a funder to a recipient for a period. Parties are
 * stored by federation key only (an organisation id, a region code or a municipality code), since
 * their records belong to the regions subgraph.
 */
export const grants = fundingSchema.table(
  'grant',
  {
    id: text('id').primaryKey(),
    funderType: text('funder_type').notNull(),
    funderId: text('funder_id').notNull(),
    /** Derived at seed time from the funder, so the "only central government" answer is one SQL aggregate. */
    funderCategory: text('funder_category').notNull(),
    recipientType: text('recipient_type').notNull(),
    recipientId: text('recipient_id').notNull(),
    recipientRegionCode: text('recipient_region_code'),
    viaId: text('via_id'),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    themes: text('themes').array().notNull(),
    earmarked: boolean('earmarked').notNull(),
    description: text('description').notNull(),
    synthetic: boolean('synthetic').notNull(),
    source: text('source'),
  },
  (table) => [
    index('grant_funder_idx').on(table.funderType, table.funderId, table.id),
    index('grant_recipient_idx').on(table.recipientType, table.recipientId, table.id),
    index('grant_recipient_region_idx').on(table.recipientRegionCode, table.id),
    index('grant_year_idx').on(table.year, table.id),
    index('grant_kind_idx').on(table.kind, table.id),
    index('grant_themes_idx').using('gin', table.themes),
  ],
);

export type GrantRow = typeof grants.$inferSelect;
export type GrantInsert = typeof grants.$inferInsert;

/**
 * The grants' amounts and counts per recipient, budget year, funder category and earmark: every recipient's
 * totals (a region's, the country's, an organisation's) are a few rows of this table instead of a pass over
 * every grant. Kept exact by triggers on `grant` in the writing transaction (migration 0003), for every writer.
 */
export const grantTotals = fundingSchema.table(
  'grant_total',
  {
    recipientType: text('recipient_type').notNull(),
    recipientId: text('recipient_id').notNull(),
    recipientRegionCode: text('recipient_region_code'),
    year: integer('year').notNull(),
    funderCategory: text('funder_category').notNull(),
    earmarked: boolean('earmarked').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    grantCount: integer('grant_count').notNull(),
  },
  (table) => [
    unique('grant_total_key')
      .on(table.recipientType, table.recipientId, table.year, table.recipientRegionCode, table.funderCategory, table.earmarked)
      .nullsNotDistinct(),
  ],
);

/** Who wrote what, when: every mutation and import of this subgraph (kit audit.ts). */
export const audit = auditTable(fundingSchema);
