import { REGION_CODES, type RegionCode } from '@vo/kit';
import type { GrantInsert } from '../db/schema.js';
import * as c from './constants.js';
import { drawCents, grant, organisation, region, wholeYear, years, type Random } from './parties.js';

const JENV = organisation('jenv');
const firstYear = (code: RegionCode) => c.JENV_FIRST_YEAR[code] ?? c.FIRST_YEAR;

/** Subsidies are decided yearly and often late: the period starts between March and June. */
function lateStart(random: Random, year: number) {
  return { periodStart: `${year}-0${random.number.int({ min: 3, max: 6 })}-01`, periodEnd: `${year}-12-31` };
}

/** JenV -> each PVO: one earmarked project subsidy for cyber and one for ondermijning a year. */
function projectSubsidies(random: Random): GrantInsert[] {
  return REGION_CODES.flatMap((code) =>
    years(firstYear(code), c.LAST_YEAR).flatMap((year) => {
      const factor = year >= c.BUDGET_RISE_YEAR ? c.BUDGET_RISE_FACTOR : 1;
      const undermining = year >= c.MOBILE_BANDITRY_FROM ? ['UNDERMINING', 'MOBILE_BANDITRY'] : ['UNDERMINING'];
      return [
        { purpose: 'cyber', themes: ['CYBER'], what: 'cyber resilience projects' },
        { purpose: 'undermining', themes: undermining, what: 'projects against undermining (ondermijning)' },
      ].map((stream) =>
        grant({
          funder: JENV,
          recipient: region(code),
          purpose: stream.purpose,
          amountCents: drawCents(random, c.JENV_PROJECT_EURO, factor),
          ...lateStart(random, year),
          kind: 'PROJECT_SUBSIDY',
          themes: stream.themes,
          description: `JenV's yearly earmarked project subsidy for ${stream.what}.`,
          source: 'DOMAIN.md section 4 (JenV -> PVOs); amount synthetic',
        }),
      );
    }),
  );
}

/** JenV -> CCV -> PVOs: an adviser's days a week, valued as capacity; LB got the budget as money from 2019. */
function ccvAdvisers(random: Random): GrantInsert[] {
  return REGION_CODES.flatMap((code) =>
    years(firstYear(code), c.LAST_YEAR).map((year) => {
      const days = c.CCV_DAYS_PER_WEEK[code];
      const amountCents = drawCents(random, c.ADVISER_DAY_EURO, days * c.WORKING_WEEKS);
      if (code === 'LB' && year >= c.LB_CCV_BUDGET_FROM) {
        return grant({
          funder: JENV, recipient: region(code), purpose: 'ccv-budget', amountCents, ...wholeYear(year), kind: 'STRUCTURAL',
          description: "JenV's CCV budget, handed to the Limburg PVO itself instead of an adviser.",
          source: 'DOMAIN.md section 2 (LB); amount synthetic',
        });
      }
      return grant({
        funder: JENV, recipient: region(code), purpose: 'ccv-adviser', amountCents, ...wholeYear(year), kind: 'IN_KIND', via: 'ccv',
        description: `A CCV adviser for ${days} day${days === 1 ? '' : 's'} a week, paid by JenV (valued at a synthetic day rate).`,
        source: 'DOMAIN.md sections 2 (Staffing) and 4 (JenV -> CCV -> PVOs); value synthetic',
      });
    }),
  );
}

/** The real EUR 6,000 offer to RR for an event in the October Safety Week (invited in July). */
function safetyWeek(): GrantInsert {
  return grant({
    funder: JENV,
    recipient: region('RR'),
    purpose: 'safety-week',
    amountCents: c.SAFETY_WEEK_EURO * 100,
    periodStart: `${c.SAFETY_WEEK_YEAR}-07-01`,
    periodEnd: `${c.SAFETY_WEEK_YEAR}-10-31`,
    kind: 'ONE_OFF',
    earmarked: true,
    description: 'JenV offer of EUR 6,000 for an event in the October Safety Week (Week van de Veiligheid); the year is inferred.',
    synthetic: false,
    source: 'DOMAIN.md sections 2 (RR) and 4',
  });
}

/** Every stream JenV pays for. */
export function jenvGrants(random: Random): GrantInsert[] {
  return [...projectSubsidies(random), ...ccvAdvisers(random), safetyWeek()];
}
