import type { RegionCode } from '@vo/kit';

/**
 * The generator's constants, in one place. Which RIEC draws pictures for which region follows DOMAIN.md
 * section 6 (and the kit's organisations); every number is invented, and every picture is marked synthetic.
 */

export const THEMES = ['DRUG_LABS', 'CANNABIS_CULTIVATION', 'DRUG_WASTE_DUMPING', 'MOBILE_BANDITRY'] as const;
export type Theme = (typeof THEMES)[number];

export const SOURCES = ['POLICE', 'MUNICIPALITY', 'PUBLIC_PROSECUTION', 'BUSINESS'] as const;
export type Source = (typeof SOURCES)[number];

/** The seed ends with the first half of 2026, the last whole half-year before the hub's reference date. */
export const LAST_YEAR = 2026;
export const LAST_HALF = 1;

/**
 * The regions whose RIEC works with the PVO in the sources, the RIEC drawing their pictures, and the first year
 * of pictures: MN's pictures of 2018 are named; the Taskforce RIEC Brabant-Zeeland came later, with OB and ZWB.
 */
export const PRODUCERS: Partial<Record<RegionCode, { producerId: string; firstYear: number }>> = {
  NN: { producerId: 'riec-nn', firstYear: 2019 },
  MN: { producerId: 'riec-mn', firstYear: 2018 },
  DH: { producerId: 'riec-dh', firstYear: 2019 },
  ZWB: { producerId: 'taskforce-riec-bz', firstYear: 2020 },
  OB: { producerId: 'taskforce-riec-bz', firstYear: 2020 },
};

/** Typical signals per half-year per theme; a region's factor scales them (synthetic). */
export const BASE_SIGNALS: Record<Theme, number> = { DRUG_LABS: 18, CANNABIS_CULTIVATION: 30, DRUG_WASTE_DUMPING: 12, MOBILE_BANDITRY: 22 };
/** Brabant highest on drugs, where the Taskforce RIEC leads; NN's countryside names cannabis, drug labs and dumping. */
export const REGION_FACTOR: Partial<Record<RegionCode, Partial<Record<Theme, number>>>> = {
  NN: { CANNABIS_CULTIVATION: 1.2, DRUG_LABS: 1.1, DRUG_WASTE_DUMPING: 1.2, MOBILE_BANDITRY: 0.8 },
  MN: { MOBILE_BANDITRY: 1.3 },
  DH: { CANNABIS_CULTIVATION: 0.9, DRUG_WASTE_DUMPING: 0.5, MOBILE_BANDITRY: 1.4 },
  ZWB: { DRUG_LABS: 2.4, DRUG_WASTE_DUMPING: 2.6, CANNABIS_CULTIVATION: 1.5 },
  OB: { DRUG_LABS: 2.8, DRUG_WASTE_DUMPING: 3, CANNABIS_CULTIVATION: 1.6 },
};
/** Signals rise a little each year as partners learn to pass them on; mobile banditry from the 2022 priorities on. */
export const GROWTH_PER_YEAR = 0.07;
export const MOBILE_BANDITRY_BOOST_FROM = 2022;
export const MOBILE_BANDITRY_BOOST = 1.5;
/** Draws vary around the level by up to this share either way. */
export const NOISE = 0.35;

/** Shares of the signals by source; public prosecution gets the rest after police, municipalities and business. */
export const POLICE_SHARE = { min: 0.42, max: 0.55 };
export const MUNICIPALITY_SHARE = { min: 0.2, max: 0.28 };
/** Business signals: NN's trade-association pilot, and ZWB after the Etten-Leur RIEC meeting (DOMAIN.md sections 2, 6). */
export const BUSINESS_SHARE: Partial<Record<RegionCode, { from: number; min: number; max: number }>> = {
  NN: { from: 2019, min: 0.08, max: 0.15 },
  ZWB: { from: 2020, min: 0.05, max: 0.12 },
};

/** Classification by signals per half-year: the first threshold a picture reaches (synthetic rule). */
export const CLASSIFICATIONS = [
  { atLeast: 60, classification: 'SEVERE' },
  { atLeast: 35, classification: 'SERIOUS' },
  { atLeast: 15, classification: 'MODERATE' },
  { atLeast: 0, classification: 'LIMITED' },
] as const;

export const THEME_TEXT: Record<Theme, string> = {
  DRUG_LABS: 'drug labs',
  CANNABIS_CULTIVATION: 'cannabis cultivation',
  DRUG_WASTE_DUMPING: 'dumped drug waste',
  MOBILE_BANDITRY: 'mobile banditry',
};
