/**
 * The export's columns: one per figure of the RegionTrends operation, in a fixed order under names that do not
 * change (snake_case, unit in the name). A row is one place in one period; a figure the row does not have (a
 * region's name on a national row, funding and cyber on a quarter row) or that the caller may not read is empty.
 */
export type Kind = 'text' | 'integer' | 'decimal' | 'euro' | 'boolean';

export interface Column {
  name: string;
  kind: Kind;
  /** Where the figure is in a row of the GraphQL answer (`trends.rows[i]` or `trends.national[i]`). */
  value: (row: TrendRowData) => unknown;
  /** The field of the answer the figure comes from, to place an error at its column. */
  field: string;
}

export type TrendRowData = Record<string, any>;

const at = (path: string) => (row: TrendRowData) => path.split('.').reduce<any>((value, key) => value?.[key], row);
const column = (name: string, kind: Kind, field: string): Column => ({ name, kind, field, value: at(field) });

/** The cyber domains, in the order of the CyberDomain enum. */
const DOMAINS = ['GOVERNANCE', 'AWARENESS', 'ACCESS_CONTROL', 'SOFTWARE_UPDATES', 'BACKUPS', 'INCIDENT_RESPONSE'];
const domainAverage = (domain: string): Column => ({
  name: `cyber_average_${domain.toLowerCase()}`,
  kind: 'decimal',
  field: 'cyber.averages',
  value: (row) => row.cyber?.averages?.find((entry: { domain: string }) => entry.domain === domain)?.average,
});

export const COLUMNS: Column[] = [
  column('place', 'text', 'place'),
  column('region_name', 'text', 'region.name'),
  column('period', 'text', 'period'),
  column('year', 'integer', 'year'),
  column('quarter', 'integer', 'quarter'),
  column('period_start', 'text', 'periodStart'),
  column('period_end', 'text', 'periodEnd'),
  column('population', 'integer', 'population'),
  column('business_park_count', 'integer', 'businessParkCount'),
  column('kvo_new_certifications', 'integer', 'kvo.newCertifications'),
  column('kvo_recertifications', 'integer', 'kvo.recertifications'),
  column('kvo_expired', 'integer', 'kvo.expired'),
  column('kvo_valid_at_end', 'integer', 'kvo.validAtEnd'),
  column('kvo_certified_business_parks_at_end', 'integer', 'kvo.certifiedBusinessParksAtEnd'),
  column('kvo_business_park_coverage', 'decimal', 'kvo.businessParkCoverage'),
  column('funding_total_eur', 'euro', 'funding.totalCents'),
  column('funding_earmarked_eur', 'euro', 'funding.earmarkedCents'),
  column('funding_earmarked_share', 'decimal', 'funding.earmarkedShare'),
  column('funding_grant_count', 'integer', 'funding.grantCount'),
  column('funding_national_recipients_eur', 'euro', 'funding.nationalRecipientsCents'),
  column('cyber_scan_count', 'integer', 'cyber.scanCount'),
  column('cyber_company_count', 'integer', 'cyber.companyCount'),
  column('cyber_average_score', 'decimal', 'cyber.averageScore'),
  column('cyber_suppressed', 'boolean', 'cyber.suppressed'),
  column('cyber_suppression', 'text', 'cyber.suppression'),
  ...DOMAINS.map(domainAverage),
];

/** The last column: why cells of the row are empty although the row has the figure (a refused or failed field). */
export const ERRORS_COLUMN = 'errors';

export const COLUMN_NAMES = [...COLUMNS.map((c) => c.name), ERRORS_COLUMN];
