import type { RegionCode } from '@vo/kit';

/**
 * The funding generator's constants, in one place. Only SAFETY_WEEK_EURO and
 * OB_SAFETY_FUND_CENTS_PER_INHABITANT are real (DOMAIN.md sections 2 and 4); every other number
 * is an invented but plausible size, and the grants that use it are marked synthetic.
 */

/** Ranges in whole euros; the generator rounds draws to ROUND_EURO. */
export interface EuroRange {
  min: number;
  max: number;
}
export const ROUND_EURO = 500;

/** The PVOs started in 2017; the seed covers ten budget years. */
export const FIRST_YEAR = 2017;
export const LAST_YEAR = 2026;

/** OB and ZWB were still being set up in the 2019 report, so JenV money and CCV capacity start later there. */
export const JENV_FIRST_YEAR: Partial<Record<RegionCode, number>> = { OB: 2019, ZWB: 2019 };

/** One JenV project subsidy per theme per PVO per year; "more budget since 2022" multiplies it. */
export const JENV_PROJECT_EURO: EuroRange = { min: 25_000, max: 55_000 };
export const BUDGET_RISE_YEAR = 2022;
export const BUDGET_RISE_FACTOR = 1.8;
/** From the rise on, the ondermijning money also covers mobile banditry, S0's third 2022 priority. */
export const MOBILE_BANDITRY_FROM = 2022;

/** CCV adviser days a week (DOMAIN.md section 2); OB and ZWB share 4, of which ZWB's quartermaster has 3. */
export const CCV_DAYS_PER_WEEK: Record<RegionCode, number> = {
  NN: 2, ON: 2, MN: 2, NH: 2, AA: 2, DH: 2, RR: 2, ZWB: 3, OB: 1, LB: 2,
};
/** A valuation of adviser capacity: working weeks a year times a day rate (synthetic). */
export const WORKING_WEEKS = 46;
export const ADVISER_DAY_EURO: EuroRange = { min: 650, max: 800 };
/** JenV's CCV budget was handed to the Limburg PVO in 2019: money from then on instead of an adviser. */
export const LB_CCV_BUDGET_FROM = 2019;

/** The real EUR 6,000 Safety Week offer to RR; the year is inferred from the 2019 report. */
export const SAFETY_WEEK_YEAR = 2019;
export const SAFETY_WEEK_EURO = 6_000;

/** MN passed JenV money on as one-off grants for meetings: 20 subsidised ondermijning meetings is real, 12 cyber ones invented. */
export const MN_MEETINGS = [
  { year: 2018, theme: 'UNDERMINING', count: 20 },
  { year: 2019, theme: 'CYBER', count: 12 },
] as const;
export const MEETING_GRANT_EURO: EuroRange = { min: 1_500, max: 4_000 };

/** EZK's cyber-resilience grant: won by LB together with NN, already there in the 2019 report. */
export const EZK_CYBER_YEAR = 2019;
export const EZK_CYBER_EURO: Record<'LB' | 'NN', EuroRange> = { LB: { min: 250_000, max: 400_000 }, NN: { min: 60_000, max: 120_000 } };

/** Province Limburg, LB's main funder, with 3-year grants. */
export const PROVINCE_LB_START_YEARS = [2017, 2020, 2023, 2026];
export const PROVINCE_LB_EURO_PER_YEAR: EuroRange = { min: 150_000, max: 210_000 };

/** "The province supports it": Noord-Brabant's yearly support for setting up ZWB. */
export const PROVINCE_ZWB_FROM = 2020;
export const PROVINCE_ZWB_EURO: EuroRange = { min: 30_000, max: 60_000 };

/** Police managers as capacity (NN part-time, NH full time), valued per FTE. */
export const POLICE_MANAGER_FTE: Partial<Record<RegionCode, number>> = { NN: 0.5, ON: 0.6, NH: 1 };
export const FTE_EURO: EuroRange = { min: 80_000, max: 95_000 };

/** NH: municipalities paid per inhabitant until all 3 districts joined in 2019, then a Samen Veilig share. */
export const NH_PER_INHABITANT_UNTIL = 2019;
export const NH_CENTS_PER_INHABITANT = { min: 4, max: 6 };
export const NH_SAMEN_VEILIG_EURO: EuroRange = { min: 60_000, max: 110_000 };

/** RR: municipalities pay VAR pro rata to population; VAR passes a share on to its PVO. */
export const VAR_CENTS_PER_INHABITANT = { min: 35, max: 45 };
export const VAR_PVO_SHARE = 0.1;

/** OB's safety fund: EUR 0.25 per inhabitant (real); the year of the contribution is inferred. */
export const OB_SAFETY_FUND_CENTS_PER_INHABITANT = 25;
export const OB_SAFETY_FUND_YEAR = 2019;

/** ON: "sometimes the municipality pays"; one or two one-off grants in these years. */
export const ON_MUNICIPAL_YEARS = [2018, 2021, 2024];
export const ON_MUNICIPAL_EURO: EuroRange = { min: 2_000, max: 8_000 };

/** AA's covenant 2019-2022: partners contribute money or capacity each year. */
export const AA_COVENANT_YEARS = [2019, 2020, 2021, 2022];
export const AA_COVENANT_PARTNERS = [
  { party: { type: 'MUNICIPALITY', id: 'GM0363' }, kind: 'STRUCTURAL', euro: { min: 40_000, max: 70_000 } },
  { party: { type: 'ORGANISATION', id: 'amsterdam-city' }, kind: 'STRUCTURAL', euro: { min: 8_000, max: 15_000 } },
  { party: { type: 'ORGANISATION', id: 'westpoort' }, kind: 'IN_KIND', euro: { min: 8_000, max: 15_000 } },
  { party: { type: 'ORGANISATION', id: 'khn' }, kind: 'IN_KIND', euro: { min: 5_000, max: 10_000 } },
] as const;
