import { MUNICIPALITIES, seededRandom, type MunicipalityRecord } from '@vo/kit';
import { INSTRUMENTS, type Instrument } from '../domain.js';
import type { ScanInsert } from '../db/schema.js';
import { newCompany, scoreScan, type Company } from './companies.js';
import {
  FIRST_YEAR,
  MEASUREMENT_MUNICIPALITIES,
  MEASUREMENT_REGION,
  OWNERS,
  PENTEST_REGIONS,
  RATES,
  REPEAT_SHARE,
  SEED,
  SEED_DATE,
  SUBMITTERS,
} from './constants.js';
import { poisson, type Random } from './random.js';

const DAY = 24 * 60 * 60 * 1000;
const LAST_YEAR = Number(SEED_DATE.slice(0, 4));

/** Days of `year` that lie on or before the seed date. */
function daysIn(year: number): number {
  const start = Date.UTC(year, 0, 1);
  const end = year === LAST_YEAR ? Date.parse(SEED_DATE) + DAY : Date.UTC(year + 1, 0, 1);
  return Math.round((end - start) / DAY);
}

/** Where each instrument is used (DOMAIN.md section 5). */
function usedIn(instrument: Instrument, municipality: MunicipalityRecord, measuring: Set<string>): boolean {
  if (instrument === 'MUNICIPAL_MEASUREMENT') return measuring.has(municipality.code);
  if (instrument === 'PENTEST') return PENTEST_REGIONS.includes(municipality.regionCode);
  return true;
}

function expectedScans(instrument: Instrument, municipality: MunicipalityRecord, year: number, measuring: Set<string>) {
  const rate = RATES[instrument];
  if (year < rate.from || !usedIn(instrument, municipality, measuring)) return 0;
  const perYear = ((rate.perMillion + rate.growth * (year - rate.from)) * municipality.population) / 1_000_000;
  return (perYear * daysIn(year)) / 365;
}

/** Generates every scan of one municipality, year by year, reusing companies scanned in earlier years. */
function scansOf(random: Random, municipality: MunicipalityRecord, measuring: Set<string>, refs: () => string) {
  const scans: ScanInsert[] = [];
  const companies: Company[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    const earlier = companies.slice();
    let sequence = 0;
    for (const instrument of INSTRUMENTS) {
      const count = poisson(random, expectedScans(instrument, municipality, year, measuring));
      for (let n = 0; n < count; n += 1) {
        const repeat = earlier.length > 0 && random.number.float({ min: 0, max: 1 }) < REPEAT_SHARE[instrument];
        const company = repeat ? random.helpers.arrayElement(earlier) : newCompany(random, refs(), municipality, instrument);
        if (!repeat) companies.push(company);
        sequence += 1;
        const day = random.number.int({ min: 0, max: daysIn(year) - 1 });
        const submitters = SUBMITTERS[instrument];
        scans.push({
          id: `CS-${municipality.code}-${year}-${String(sequence).padStart(4, '0')}`,
          instrument,
          scannedOn: new Date(Date.UTC(year, 0, 1) + day * DAY).toISOString().slice(0, 10),
          municipalityCode: municipality.code,
          regionCode: municipality.regionCode,
          sector: company.sector,
          sizeClass: company.sizeClass,
          companyRef: company.ref,
          submittedBy: submitters[municipality.regionCode] ?? submitters.default,
          ownerOrganisation: OWNERS[instrument],
          ...scoreScan(random, company, instrument, year),
          synthetic: true,
        });
        company.earlierScans += 1;
      }
    }
  }
  return scans;
}

/** Every synthetic scan, in a stable order: the same seed gives the same scans, ids and scores. */
export function generateScans(): ScanInsert[] {
  const random = seededRandom(SEED);
  const candidates = MUNICIPALITIES.filter((m) => m.regionCode === MEASUREMENT_REGION);
  const measuring = new Set(random.helpers.arrayElements(candidates, MEASUREMENT_MUNICIPALITIES).map((m) => m.code));
  let companyCount = 0;
  const refs = () => `C-${String(++companyCount).padStart(6, '0')}`;
  return MUNICIPALITIES.flatMap((municipality) => scansOf(random, municipality, measuring, refs));
}
