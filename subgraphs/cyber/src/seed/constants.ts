import { SYNTHETIC_SEED } from '@vo/kit';
import type { Instrument, Sector, SizeClass } from '../domain.js';

/**
 * Every knob of the synthetic scan generator. None of these numbers is in the sources (DOMAIN.md
 * section 5 only says which instruments exist and where); they are chosen to give plausible data.
 */

/** This subgraph's offset from the hub-wide seed, so its data does not mirror another subgraph's. */
export const SEED = SYNTHETIC_SEED + 3;

/** The data end on this fixed day, not on the clock, so every run generates the same scans. */
export const SEED_DATE = '2026-11-22';
export const FIRST_YEAR = 2018;

/**
 * Scans per million inhabitants per year: `perMillion` in `from`, plus `growth` every later year.
 * The Basisscan is the advised first step and grows as JenV automates it; KVO Cyber is a pilot.
 */
export const RATES: Record<Instrument, { from: number; perMillion: number; growth: number }> = {
  DTC_BASISSCAN: { from: 2018, perMillion: 30, growth: 9 },
  KVO_CYBER: { from: 2021, perMillion: 10, growth: 2 },
  MUNICIPAL_MEASUREMENT: { from: 2018, perMillion: 110, growth: 0 },
  PENTEST: { from: 2020, perMillion: 8, growth: 1 },
};

/** The measurement of De Haagse Hogeschool is used by 20 of the RR municipalities; which 20 is seeded. */
export const MEASUREMENT_REGION = 'RR';
export const MEASUREMENT_MUNICIPALITIES = 20;
/** Affordable pentests were planned in these two regions only (Expertisecentrum Cyberweerbaarheid). */
export const PENTEST_REGIONS = ['AA', 'LB'];

/** Who submits a scan (kit ORGANISATIONS ids); KVO Cyber by MKB-Nederland is inferred, AA pentests have none. */
export const SUBMITTERS: Record<Instrument, Record<string, string | null> & { default: string | null }> = {
  DTC_BASISSCAN: { default: 'dtc' },
  KVO_CYBER: { default: 'mkb-nederland' },
  MUNICIPAL_MEASUREMENT: { default: 'haagse-hogeschool' },
  PENTEST: { default: null, LB: 'smart-service-campus' },
};

/**
 * Which partner holds each instrument's scan records and alone may read them (kit ORGANISATIONS ids):
 * DTC its Basisscan, CCV the KVO Cyber pilot it runs with the PVOs, De Haagse Hogeschool its measurement,
 * and Smart Service Campus the pentests of the Expertisecentrum Cyberweerbaarheid it runs.
 */
export const OWNERS: Record<Instrument, string> = {
  DTC_BASISSCAN: 'dtc',
  KVO_CYBER: 'ccv',
  MUNICIPAL_MEASUREMENT: 'haagse-hogeschool',
  PENTEST: 'smart-service-campus',
};

/** Share of scans that are a repeat scan of a company scanned in an earlier year; KVO Cyber follows up scans. */
export const REPEAT_SHARE: Record<Instrument, number> = {
  DTC_BASISSCAN: 0.2,
  KVO_CYBER: 0.6,
  MUNICIPAL_MEASUREMENT: 0.3,
  PENTEST: 0.3,
};

/** Relative weights of sectors among scanned companies; farms weigh more in small municipalities. */
export const SECTOR_WEIGHTS: Record<Sector, number> = {
  RETAIL: 14,
  HOSPITALITY: 9,
  LOGISTICS: 7,
  AGRICULTURE: 5,
  MANUFACTURING: 8,
  CONSTRUCTION: 12,
  BUSINESS_SERVICES: 25,
  HEALTHCARE: 9,
  OTHER: 11,
};
export const RURAL_POPULATION = 40_000;
export const RURAL_AGRICULTURE_FACTOR = 3;

/** Size classes among scanned companies: mostly self-employed and micro firms; pentests suit larger ones. */
export const SIZE_WEIGHTS: Record<'default' | 'PENTEST', Record<SizeClass, number>> = {
  default: { SOLO: 40, MICRO: 35, SMALL: 18, MEDIUM: 7 },
  PENTEST: { SOLO: 5, MICRO: 30, SMALL: 40, MEDIUM: 25 },
};

/** Score model: every domain score is the sum of these effects plus noise, clamped to 0-100. */
export const BASE_SCORE = 50;
export const YEARLY_IMPROVEMENT = 1.1;
export const SIZE_EFFECT: Record<SizeClass, number> = { SOLO: -8, MICRO: -3, SMALL: 4, MEDIUM: 10 };
export const SECTOR_EFFECT: Record<Sector, number> = {
  RETAIL: -2,
  HOSPITALITY: -5,
  LOGISTICS: 0,
  AGRICULTURE: -6,
  MANUFACTURING: 1,
  CONSTRUCTION: -4,
  BUSINESS_SERVICES: 5,
  HEALTHCARE: 3,
  OTHER: 0,
};
export const DOMAIN_EFFECT = {
  governance: -4,
  awareness: 2,
  accessControl: 0,
  softwareUpdates: 6,
  backups: 4,
  incidentResponse: -10,
};
/** A pentest finds more than a self-assessment; KVO Cyber firms have had professional help. */
export const INSTRUMENT_EFFECT: Record<Instrument, number> = {
  DTC_BASISSCAN: 0,
  KVO_CYBER: 3,
  MUNICIPAL_MEASUREMENT: 0,
  PENTEST: -5,
};
/** Standard deviation of a company's own level, the gain per earlier scan, and per-domain noise. */
export const COMPANY_SPREAD = 8;
export const REPEAT_GAIN = 4;
export const DOMAIN_NOISE = 9;
