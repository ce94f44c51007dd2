import type { MunicipalityRecord } from '@vo/kit';
import { DOMAINS, type DomainColumn, type Instrument, type Sector, type SizeClass } from '../domain.js';
import {
  BASE_SCORE,
  COMPANY_SPREAD,
  DOMAIN_EFFECT,
  DOMAIN_NOISE,
  FIRST_YEAR,
  INSTRUMENT_EFFECT,
  REPEAT_GAIN,
  RURAL_AGRICULTURE_FACTOR,
  RURAL_POPULATION,
  SECTOR_EFFECT,
  SECTOR_WEIGHTS,
  SIZE_EFFECT,
  SIZE_WEIGHTS,
  YEARLY_IMPROVEMENT,
} from './constants.js';
import { clamp, gaussian, weighted, type Random } from './random.js';

/** A synthetic company: known only by its pseudonymous ref; it keeps its sector and size across scans. */
export interface Company {
  ref: string;
  sector: Sector;
  sizeClass: SizeClass;
  /** The company's own offset from the average, fixed for all its scans. */
  level: number;
  /** How many scans it had before: each one helped it improve. */
  earlierScans: number;
}

export function newCompany(random: Random, ref: string, municipality: MunicipalityRecord, instrument: Instrument): Company {
  const sectorWeights =
    municipality.population < RURAL_POPULATION
      ? { ...SECTOR_WEIGHTS, AGRICULTURE: SECTOR_WEIGHTS.AGRICULTURE * RURAL_AGRICULTURE_FACTOR }
      : SECTOR_WEIGHTS;
  return {
    ref,
    sector: weighted(random, sectorWeights),
    sizeClass: weighted(random, SIZE_WEIGHTS[instrument === 'PENTEST' ? 'PENTEST' : 'default']),
    level: COMPANY_SPREAD * gaussian(random),
    earlierScans: 0,
  };
}

/** The six domain scores of one scan: slow yearly improvement, larger firms higher, with noise. */
export function scoreScan(random: Random, company: Company, instrument: Instrument, year: number) {
  const expected =
    BASE_SCORE +
    YEARLY_IMPROVEMENT * (year - FIRST_YEAR) +
    SIZE_EFFECT[company.sizeClass] +
    SECTOR_EFFECT[company.sector] +
    INSTRUMENT_EFFECT[instrument] +
    REPEAT_GAIN * company.earlierScans +
    company.level;
  const scores = {} as Record<DomainColumn, number>;
  for (const { column } of DOMAINS) {
    scores[column] = Math.round(clamp(expected + DOMAIN_EFFECT[column] + DOMAIN_NOISE * gaussian(random), 0, 100));
  }
  return scores;
}
