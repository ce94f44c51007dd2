import { SYNTHETIC_SEED } from '@vo/kit';

/**
 * Every knob of the synthetic certification generator. Only the facts marked DOMAIN.md are from the
 * sources; the other numbers are chosen so the data show those facts.
 */

/** This subgraph's offset from the hub-wide seed, so its data does not mirror another subgraph's. */
export const SEED = SYNTHETIC_SEED + 1;

/** The data end on this fixed day, not on the clock, so every run generates the same certificates. */
export const SEED_DATE = '2026-11-22';
/** The first year of the data: the source's lost table covers 2011-2019. */
export { REGISTER_FROM_YEAR as FIRST_YEAR } from '../domain.js';
export const LAST_YEAR = 2026;

/** DOMAIN.md section 3: in 2019, 211 sites were certified or recertified, 44 of them for the first time. */
export const KVO_B_2019 = { year: 2019, certifications: 211, first: 44 };

/** DOMAIN.md section 3: cyber and ondermijning became KVO themes in 2016 (one definition, in domain.ts). */
export { NEW_THEMES_FROM } from '../domain.js';

/** DOMAIN.md section 2 (DH): the number of KVO projects in The Hague roughly halved; from 2018 (inf). */
export const DECLINING_REGION = { code: 'DH', from: 2018, renewal: 0.78 };
/** DOMAIN.md section 3: Assen quit over the cost of audits; when is not said (2018, inf). */
export const QUITTING_MUNICIPALITY = { code: 'GM0106', from: 2018 };

/** Renewals run from the day after the old certificate ends, so a renewed site is never uncovered. */
export interface ChainPlan {
  /** Certificates renewing pre-2011 certificates (not in the data) in 2011, 2012 and 2013. */
  carriedOver: [number, number, number];
  /** New sites certified for the first time, per year. */
  firsts: Record<number, number>;
  /** The chance that a due certificate is renewed, per year (before the regional exceptions). */
  renewal: (year: number) => number;
}

/**
 * KVO-B on business parks. Free guidance in 2016-2018 brings more new parks, the fee charged from
 * 2020 fewer renewals, and the bigger budget from 2022 more new parks (DOMAIN.md sections 3 and 4).
 */
export const KVO_B_PLAN: ChainPlan = {
  carriedOver: [120, 120, 110],
  firsts: {
    2011: 45, 2012: 45, 2013: 45, 2014: 50, 2015: 55, 2016: 65, 2017: 75, 2018: 70,
    2019: KVO_B_2019.first, 2020: 50, 2021: 60, 2022: 90, 2023: 95, 2024: 95, 2025: 95, 2026: 85,
  },
  renewal: (year) => (year === 2020 || year === 2021 ? 0.82 : 0.86),
};

/** KVO-W on shopping areas, guided by CCV: smaller and steadier than KVO-B. */
export const KVO_W_PLAN: ChainPlan = {
  carriedOver: [55, 55, 50],
  firsts: {
    2011: 20, 2012: 20, 2013: 20, 2014: 22, 2015: 22, 2016: 25, 2017: 25, 2018: 25,
    2019: 22, 2020: 20, 2021: 22, 2022: 28, 2023: 30, 2024: 30, 2025: 30, 2026: 25,
  },
  renewal: () => 0.85,
};

/**
 * Keurmerk Veilig Buitengebied (DOMAIN.md section 2, ON): Bronckhorst was the first municipality
 * certified (2017); eight mayors signed an intention agreement in March and all eight Achterhoek
 * municipalities take part (the agreement's year is not given: 2018, inf, so the others from April 2018).
 * Later rural areas are spread over the regions that work on rural crime (inf).
 */
export const RURAL = {
  first: { municipality: 'GM1876', year: 2017 },
  achterhoek: {
    municipalities: ['GM0197', 'GM0222', 'GM0294', 'GM1509', 'GM1586', 'GM1859', 'GM1955'],
    year: 2018,
    notBefore: '2018-04-01',
  },
  regions: ['ON', 'NN', 'MN', 'ZWB', 'OB', 'LB'],
  firsts: { 2019: 6, 2020: 6, 2021: 8, 2022: 10, 2023: 10, 2024: 12, 2025: 12, 2026: 10 } as Record<number, number>,
  renewal: 0.9,
};

/**
 * The KVO Cyber pilot (DOMAIN.md section 5): a handful of business parks that hold KVO-B. The sources
 * give no years; 2021-2024 follows the cyber subgraph's pilot start (inf).
 */
export const CYBER_PILOT: Record<number, number> = { 2021: 2, 2022: 3, 2023: 3, 2024: 2 };

/** Share of KVO-B and KVO-W certificates that take up the cyber and ondermijning themes, from 2016 on. */
export const NEW_THEME_UPTAKE = { start: 0.3, perYear: 0.05, max: 0.85 };
