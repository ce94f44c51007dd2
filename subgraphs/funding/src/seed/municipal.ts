import type { GrantInsert } from '../db/schema.js';
import * as c from './constants.js';
import { drawCents, grant, municipalitiesIn, municipality, organisation, region, wholeYear, years, type Random } from './parties.js';

/** NH: a contribution per inhabitant from every municipality until 2019, then a share of Noord-Holland Samen Veilig. */
function northHolland(random: Random): GrantInsert[] {
  const perInhabitant = years(c.FIRST_YEAR, c.NH_PER_INHABITANT_UNTIL).flatMap((year) => {
    const rate = random.number.int(c.NH_CENTS_PER_INHABITANT);
    return municipalitiesIn('NH').map((m) =>
      grant({
        funder: municipality(m.code), recipient: region('NH'), purpose: 'per-inhabitant',
        amountCents: rate * m.population, ...wholeYear(year), kind: 'PER_INHABITANT',
        description: `Municipal contribution to RPC Noord-Holland of ${rate} cents per inhabitant (rate synthetic; CBS population of 2022).`,
        source: 'DOMAIN.md sections 2 (NH) and 4; rate synthetic',
      }),
    );
  });
  const share = years(c.NH_PER_INHABITANT_UNTIL + 1, c.LAST_YEAR).map((year) =>
    grant({
      funder: organisation('nh-samen-veilig'), recipient: region('NH'), purpose: 'budget-share',
      amountCents: drawCents(random, c.NH_SAMEN_VEILIG_EURO), ...wholeYear(year), kind: 'STRUCTURAL',
      description: "RPC Noord-Holland's yearly share of the Noord-Holland Samen Veilig budget (set yearly, sometimes not until March).",
      source: 'DOMAIN.md sections 2 (NH) and 4; amount synthetic',
    }),
  );
  return [...perInhabitant, ...share];
}

/** RR: municipalities pay VAR pro rata to population; VAR passes a fixed share of that on to its PVO. */
function rotterdamAlliance(random: Random): GrantInsert[] {
  return years(c.FIRST_YEAR, c.LAST_YEAR).flatMap((year) => {
    const rate = random.number.int(c.VAR_CENTS_PER_INHABITANT);
    const contributions = municipalitiesIn('RR').map((m) =>
      grant({
        funder: municipality(m.code), recipient: organisation('var'), purpose: 'per-inhabitant',
        amountCents: rate * m.population, ...wholeYear(year), kind: 'PER_INHABITANT',
        description: `Municipal contribution to the VeiligheidsAlliantie regio Rotterdam of ${rate} cents per inhabitant (rate synthetic).`,
        source: 'DOMAIN.md sections 2 (RR) and 4; rate synthetic',
      }),
    );
    const pooled = contributions.reduce((sum, row) => sum + row.amountCents, 0);
    const pvoShare = grant({
      funder: organisation('var'), recipient: region('RR'), purpose: 'pvo-share',
      amountCents: Math.round((pooled * c.VAR_PVO_SHARE) / 100) * 100, ...wholeYear(year), kind: 'STRUCTURAL',
      description: `VAR's share for the PVO it houses: ${c.VAR_PVO_SHARE * 100}% of the municipal contributions (share synthetic).`,
      source: 'DOMAIN.md sections 2 (RR) and 4; share synthetic',
    });
    return [...contributions, pvoShare];
  });
}

/** OB: the real EUR 0.25 per inhabitant safety fund, applied to each municipality's CBS population. */
function eastBrabantFund(): GrantInsert[] {
  return municipalitiesIn('OB').map((m) =>
    grant({
      funder: municipality(m.code), recipient: region('OB'), purpose: 'safety-fund',
      amountCents: c.OB_SAFETY_FUND_CENTS_PER_INHABITANT * m.population, ...wholeYear(c.OB_SAFETY_FUND_YEAR),
      kind: 'PER_INHABITANT', synthetic: false,
      description: 'Contribution to the Oost-Brabant safety fund of EUR 0.25 per inhabitant (CBS population of 2022; the year is inferred).',
      source: 'DOMAIN.md sections 2 (OB) and 4; population from CBS via the kit',
    }),
  );
}

/** AA: the covenant partners contribute money or capacity each year of the 2019-2022 covenant (signed 30 Jan 2019). */
function amsterdamCovenant(random: Random): GrantInsert[] {
  return c.AA_COVENANT_YEARS.flatMap((year) =>
    c.AA_COVENANT_PARTNERS.map((partner) =>
      grant({
        funder: partner.party, recipient: region('AA'), purpose: 'covenant',
        amountCents: drawCents(random, partner.euro), ...wholeYear(year),
        ...(year === 2019 ? { periodStart: '2019-01-30' } : {}),
        kind: partner.kind,
        description: `Covenant partner's ${partner.kind === 'IN_KIND' ? 'capacity' : 'money'} for PVO Amsterdam-Amstelland under the 2019-2022 covenant.`,
        source: 'DOMAIN.md sections 2 (AA) and 4; amount synthetic',
      }),
    ),
  );
}

/** Streams paid by municipalities and the partnerships that spend their money. */
export function municipalGrants(random: Random): GrantInsert[] {
  return [...northHolland(random), ...rotterdamAlliance(random), ...eastBrabantFund(), ...amsterdamCovenant(random)];
}
