import { boolean, index, integer, pgSchema, primaryKey, real, text } from 'drizzle-orm/pg-core';
import { auditTable } from '@vo/kit/audit';

/** Everything the regions subgraph stores lives in the Postgres schema "regions". */
export const regionsSchema = pgSchema('regions');

export const regions = regionsSchema.table('region', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  policeUnit: text('police_unit').notNull(),
  policeUnitCode: text('police_unit_code').notNull(),
  position: integer('position').notNull(),
});

export const pvos = regionsSchema.table('pvo', {
  regionCode: text('region_code').primaryKey(),
  name: text('name').notNull(),
  legalForm: text('legal_form').notNull(),
  formDescription: text('form_description').notNull(),
  orientation: text('orientation').notNull(),
  base: text('base').notNull(),
  hostId: text('host_id'),
  embeddedInId: text('embedded_in_id'),
  businessRepresented: boolean('business_represented').notNull(),
  managerArrangement: text('manager_arrangement').notNull(),
  managerFte: real('manager_fte'),
  ccvAdviserDaysPerWeek: real('ccv_adviser_days_per_week'),
  themes: text('themes').array().notNull(),
  website: text('website'),
  visibilityStars: integer('visibility_stars'),
  municipalityCountInReport: integer('municipality_count_in_report').notNull(),
  startedYear: integer('started_year'),
  facts: text('facts').array().notNull(),
});

export const pvoPartners = regionsSchema.table(
  'pvo_partner',
  {
    regionCode: text('region_code').notNull(),
    organisationId: text('organisation_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.regionCode, table.organisationId] })],
);

export const municipalities = regionsSchema.table(
  'municipality',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    province: text('province').notNull(),
    safetyRegionCode: text('safety_region_code').notNull(),
    safetyRegion: text('safety_region').notNull(),
    regionCode: text('region_code').notNull(),
    population: integer('population').notNull(),
  },
  (table) => [index('municipality_region_idx').on(table.regionCode, table.code)],
);

export const organisations = regionsSchema.table(
  'organisation',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    abbreviation: text('abbreviation'),
    type: text('type').notNull(),
    regionCode: text('region_code'),
    description: text('description').notNull(),
  },
  (table) => [index('organisation_region_idx').on(table.regionCode, table.id)],
);

export const sites = regionsSchema.table(
  'site',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    regionCode: text('region_code').notNull(),
    synthetic: boolean('synthetic').notNull().default(true),
  },
  (table) => [
    index('site_municipality_idx').on(table.municipalityCode, table.id),
    index('site_region_idx').on(table.regionCode, table.kind, table.id),
  ],
);

/** Who wrote what, when: every mutation and import of this subgraph (kit audit.ts). */
export const audit = auditTable(regionsSchema);
