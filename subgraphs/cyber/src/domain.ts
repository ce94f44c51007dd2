/** The values of the SDL enums, in schema order; the database stores them as text. */

export const INSTRUMENTS = ['DTC_BASISSCAN', 'KVO_CYBER', 'MUNICIPAL_MEASUREMENT', 'PENTEST'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const SECTORS = [
  'RETAIL',
  'HOSPITALITY',
  'LOGISTICS',
  'AGRICULTURE',
  'MANUFACTURING',
  'CONSTRUCTION',
  'BUSINESS_SERVICES',
  'HEALTHCARE',
  'OTHER',
] as const;
export type Sector = (typeof SECTORS)[number];

export const SIZE_CLASSES = ['SOLO', 'MICRO', 'SMALL', 'MEDIUM'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** The six domains a scan scores, each with the property of its score column in `db/schema.ts`. */
export const DOMAINS = [
  { domain: 'GOVERNANCE', column: 'governance' },
  { domain: 'AWARENESS', column: 'awareness' },
  { domain: 'ACCESS_CONTROL', column: 'accessControl' },
  { domain: 'SOFTWARE_UPDATES', column: 'softwareUpdates' },
  { domain: 'BACKUPS', column: 'backups' },
  { domain: 'INCIDENT_RESPONSE', column: 'incidentResponse' },
] as const;
export type DomainColumn = (typeof DOMAINS)[number]['column'];

