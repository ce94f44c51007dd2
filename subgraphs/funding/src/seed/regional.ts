import type { RegionCode } from '@vo/kit';
import type { GrantInsert } from '../db/schema.js';
import * as c from './constants.js';
import { drawCents, grant, municipalitiesIn, municipality, organisation, region, wholeYear, years, type Random } from './parties.js';

/** PVO MN -> its municipalities: JenV's earmarked money passed on as one-off grants, one per subsidised meeting. */
function midNetherlandsMeetings(random: Random): GrantInsert[] {
  const candidates = municipalitiesIn('MN').map((m) => m.code);
  return c.MN_MEETINGS.flatMap(({ year, theme, count }) =>
    random.helpers.arrayElements(candidates, count).sort().map((code) =>
      grant({
        funder: region('MN'),
        recipient: municipality(code),
        purpose: 'meeting',
        amountCents: drawCents(random, c.MEETING_GRANT_EURO),
        periodStart: `${year}-0${random.number.int({ min: 4, max: 9 })}-01`,
        periodEnd: `${year}-12-31`,
        kind: 'ONE_OFF',
        themes: [theme],
        description: `One-off grant from PVO Midden-Nederland for a subsidised ${theme === 'CYBER' ? 'cyber' : 'ondermijning'} meeting, paid from JenV's earmarked money.`,
        source: 'DOMAIN.md sections 2 (MN: 20 subsidised meetings) and 4; amount synthetic',
      }),
    ),
  );
}

/** EZK -> LB (and NN): the cyber-resilience grant LB won together with NN, running two years. */
function ezkCyber(random: Random): GrantInsert[] {
  return (['LB', 'NN'] as const).map((code) =>
    grant({
      funder: organisation('ezk'),
      recipient: region(code),
      purpose: 'cyber-resilience',
      amountCents: drawCents(random, c.EZK_CYBER_EURO[code]),
      periodStart: `${c.EZK_CYBER_YEAR}-07-01`,
      periodEnd: `${c.EZK_CYBER_YEAR + 2}-06-30`,
      kind: 'PROJECT_SUBSIDY',
      themes: ['CYBER'],
      description: `EZK cyber-resilience grant (Expertisecentrum Cyberweerbaarheid), ${code === 'LB' ? 'won by Limburg together with Noord-Nederland' : "Noord-Nederland's part"}.`,
      source: 'DOMAIN.md sections 2 (NN, LB) and 4; amount synthetic',
    }),
  );
}

/** Province Limburg -> LB: structural 3-year grants; the whole grant counts in its first year. */
function provinceLimburg(random: Random): GrantInsert[] {
  return c.PROVINCE_LB_START_YEARS.map((year) =>
    grant({
      funder: organisation('province-limburg'),
      recipient: region('LB'),
      purpose: 'structural',
      amountCents: drawCents(random, c.PROVINCE_LB_EURO_PER_YEAR, 3),
      periodStart: `${year}-01-01`,
      periodEnd: `${year + 2}-12-31`,
      kind: 'STRUCTURAL',
      description: 'Three-year grant from the province, the main funder of Veilig Ondernemen Limburg.',
      source: 'DOMAIN.md sections 2 (LB) and 4; amount synthetic',
    }),
  );
}

/** Province Noord-Brabant -> ZWB: "the province supports it", read as yearly support while setting up. */
function provinceBrabant(random: Random): GrantInsert[] {
  return years(c.PROVINCE_ZWB_FROM, c.LAST_YEAR).map((year) =>
    grant({
      funder: organisation('province-noord-brabant'), recipient: region('ZWB'), purpose: 'support',
      amountCents: drawCents(random, c.PROVINCE_ZWB_EURO), ...wholeYear(year), kind: 'PROJECT_SUBSIDY',
      description: 'Provincial support for setting up PVO Zeeland West-Brabant.',
      source: 'DOMAIN.md section 2 (ZWB: the province supports it); amount synthetic',
    }),
  );
}

/** Police units -> NN, ON, NH: the manager as capacity (not in Brabant). */
function policeManagers(random: Random): GrantInsert[] {
  return (Object.entries(c.POLICE_MANAGER_FTE) as [RegionCode, number][]).flatMap(([code, fte]) =>
    years(c.FIRST_YEAR, c.LAST_YEAR).map((year) =>
      grant({
        funder: organisation(`police-${code.toLowerCase()}`), recipient: region(code), purpose: 'manager',
        amountCents: drawCents(random, c.FTE_EURO, fte), ...wholeYear(year), kind: 'IN_KIND',
        description: `A police officer as PVO manager for ${fte} FTE (valued at a synthetic salary cost).`,
        source: 'DOMAIN.md sections 2 and 4 (Police -> manager); FTE and value synthetic',
      }),
    ),
  );
}

/** ON: "sometimes the municipality pays": now and then a one-off from one or two municipalities. */
function eastNetherlandsMunicipalities(random: Random): GrantInsert[] {
  const candidates = municipalitiesIn('ON').map((m) => m.code);
  return c.ON_MUNICIPAL_YEARS.flatMap((year) =>
    random.helpers.arrayElements(candidates, random.number.int({ min: 1, max: 2 })).map((code) =>
      grant({
        funder: municipality(code), recipient: region('ON'), purpose: 'ondernemers-alert',
        amountCents: drawCents(random, c.ON_MUNICIPAL_EURO), ...wholeYear(year), kind: 'ONE_OFF', earmarked: true,
        description: 'One-off municipal contribution to an "Ondernemers Alert" evening.',
        source: 'DOMAIN.md section 2 (ON: sometimes the municipality pays); amount synthetic',
      }),
    ),
  );
}

/** Streams from ministries other than JenV, provinces, police units and PVOs. */
export function regionalGrants(random: Random): GrantInsert[] {
  return [
    ...midNetherlandsMeetings(random),
    ...ezkCyber(random),
    ...provinceLimburg(random),
    ...provinceBrabant(random),
    ...policeManagers(random),
    ...eastNetherlandsMunicipalities(random),
  ];
}
