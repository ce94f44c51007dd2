import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { REGIONS, type RegionCode } from './regions.js';

/** A municipality as CBS publishes it (data/municipalities.csv, population of 1-1-2022). */
export interface MunicipalityRecord {
  code: string;
  name: string;
  province: string;
  safetyRegionCode: string;
  safetyRegion: string;
  regionCode: RegionCode;
  population: number;
}

const regionByPoliceUnit = new Map<string, RegionCode>(REGIONS.map((region) => [region.policeUnit, region.code]));

function load(): MunicipalityRecord[] {
  const file = new URL('../../data/municipalities.csv', import.meta.url);
  const rows: Record<string, string>[] = parse(readFileSync(file), { columns: true, skip_empty_lines: true });
  return rows.map((row, index) => {
    const regionCode = regionByPoliceUnit.get(row.police_unit);
    const population = Number(row.population);
    if (!regionCode || !/^GM\d{4}$/.test(row.code) || !Number.isInteger(population)) {
      throw new Error(`data/municipalities.csv line ${index + 2}: unexpected row ${JSON.stringify(row)}`);
    }
    return {
      code: row.code,
      name: row.name,
      province: row.province,
      safetyRegionCode: row.safety_region_code,
      safetyRegion: row.safety_region,
      regionCode,
      population,
    };
  });
}

/** All 342 municipalities, sorted by CBS code. */
export const MUNICIPALITIES: readonly MunicipalityRecord[] = load().sort((a, b) => a.code.localeCompare(b.code));
