import { boolean, date, index, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import { auditTable } from '@vo/kit/audit';

/** Everything the riec subgraph stores lives in the Postgres schema "riec". */
export const riecSchema = pgSchema('riec');

/**
 * One undermining picture: a RIEC's view of one theme in one region over one half-year. The region and the
 * producing RIEC are stored by federation key only, since their records belong to the regions subgraph.
 */
export const pictures = riecSchema.table(
  'picture',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    producerId: text('producer_id').notNull(),
    year: integer('year').notNull(),
    half: integer('half').notNull(),
    period: text('period').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    theme: text('theme').notNull(),
    policeSignals: integer('police_signals').notNull(),
    municipalitySignals: integer('municipality_signals').notNull(),
    prosecutionSignals: integer('prosecution_signals').notNull(),
    businessSignals: integer('business_signals').notNull(),
    /** The sum of the four sources, stored so the yearly aggregate is one SUM. */
    signalCount: integer('signal_count').notNull(),
    classification: text('classification').notNull(),
    summary: text('summary').notNull(),
    synthetic: boolean('synthetic').notNull(),
    // A withdrawn picture is kept for its history but left out of every answer.
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'string' }),
    withdrawalReason: text('withdrawal_reason'),
  },
  (table) => [
    index('picture_region_idx').on(table.regionCode, table.year, table.id),
    index('picture_year_idx').on(table.year, table.id),
    index('picture_theme_idx').on(table.theme, table.id),
  ],
);

export type PictureRow = typeof pictures.$inferSelect;
export type PictureInsert = typeof pictures.$inferInsert;

/** Who wrote what, when: every mutation and import of this subgraph (kit audit.ts). */
export const audit = auditTable(riecSchema);
