/** The ten PVO regions follow the ten police units (DOMAIN.md section 2). */
export const REGIONS = [
  { code: 'NN', policeUnitCode: 'RE01', policeUnit: 'Noord-Nederland' },
  { code: 'ON', policeUnitCode: 'RE02', policeUnit: 'Oost-Nederland' },
  { code: 'MN', policeUnitCode: 'RE03', policeUnit: 'Midden-Nederland' },
  { code: 'NH', policeUnitCode: 'RE04', policeUnit: 'Noord-Holland' },
  { code: 'AA', policeUnitCode: 'RE05', policeUnit: 'Amsterdam' },
  { code: 'DH', policeUnitCode: 'RE06', policeUnit: 'Den Haag' },
  { code: 'RR', policeUnitCode: 'RE07', policeUnit: 'Rotterdam' },
  { code: 'ZWB', policeUnitCode: 'RE08', policeUnit: 'Zeeland-West-Brabant' },
  { code: 'OB', policeUnitCode: 'RE09', policeUnit: 'Oost-Brabant' },
  { code: 'LB', policeUnitCode: 'RE10', policeUnit: 'Limburg' },
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];

export const REGION_CODES: readonly RegionCode[] = REGIONS.map((region) => region.code);

export function isRegionCode(code: string): code is RegionCode {
  return (REGION_CODES as readonly string[]).includes(code);
}
