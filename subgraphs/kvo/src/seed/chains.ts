import type { SiteRecord, seededRandom } from '@vo/kit';
import { addDays, certificationId, validUntilOf, type Scheme } from '../domain.js';
import type { CertificationInsert } from '../db/schema.js';
import { FIRST_YEAR, LAST_YEAR, SEED_DATE } from './constants.js';

/** The kit's seeded generator; everything here draws from it only, so the data stay reproducible. */
export type Random = ReturnType<typeof seededRandom>;

/** How one scheme's sites enter, renew and leave. */
export interface ChainRules {
  scheme: Scheme;
  /**
   * Sites that start a chain in `year` (each site at most once, so only `unused` ones); `carriedOver`
   * marks the renewal of a certificate from before the data begin.
   */
  starts(year: number, random: Random, unused: (site: SiteRecord) => boolean): Start[];
  /** The chance that `site`'s certificate due in `year` is renewed. */
  renewal(site: SiteRecord, year: number): number;
  /** Years in which exactly this many due certificates are renewed (DOMAIN.md's 2019 figures). */
  exactRenewals?: Record<number, number>;
  themes(random: Random, year: number): string[];
}

export interface Start {
  site: SiteRecord;
  carriedOver: boolean;
  /** The earliest day the certificate can carry, when something had to happen first that year. */
  notBefore?: string;
}

interface Chain {
  site: SiteRecord;
  last: CertificationInsert;
}

export function certificate(
  scheme: Scheme,
  site: SiteRecord,
  certifiedOn: string,
  themes: string[],
  previous?: CertificationInsert | null,
  carriedOver = false,
): CertificationInsert {
  return {
    id: certificationId(scheme, site.id, certifiedOn),
    scheme,
    siteId: site.id,
    siteKind: site.kind,
    municipalityCode: site.municipalityCode,
    regionCode: site.regionCode,
    certifiedOn,
    validUntil: validUntilOf(certifiedOn),
    kind: previous || carriedOver ? 'RECERTIFICATION' : 'FIRST',
    previousId: previous?.id ?? null,
    chainStartedOn: previous?.chainStartedOn ?? certifiedOn,
    themes,
    synthetic: true,
  };
}

/**
 * A day in `year` between 10 January and 10 December (and not after the seed date). Renewals start
 * the day after the old certificate ends, drifting a day per cycle, so a chain stays in its calendar
 * years: one certificate every third year.
 */
export function dayIn(random: Random, year: number, notBefore = `${year}-01-10`): string {
  const start = notBefore > `${year}-01-10` ? notBefore : `${year}-01-10`;
  const last = year === Number(SEED_DATE.slice(0, 4)) ? SEED_DATE : `${year}-12-10`;
  const span = (Date.parse(last) - Date.parse(start)) / 86_400_000;
  return addDays(start, random.number.int({ min: 0, max: span }));
}

/** Which due chains renew: each by chance, or exactly `exact` of them, the likeliest first. */
function renewing(random: Random, due: Chain[], rules: ChainRules, year: number): Set<Chain> {
  const draws = due.map((chain) => ({ chain, p: rules.renewal(chain.site, year), u: random.number.float({ min: 0, max: 1 }) }));
  const exact = rules.exactRenewals?.[year];
  if (exact === undefined) return new Set(draws.filter((d) => d.u < d.p).map((d) => d.chain));
  const eligible = draws.filter((d) => d.p > 0).sort((a, b) => a.u / a.p - b.u / b.p);
  if (eligible.length < exact) throw new Error(`${rules.scheme} ${year}: ${eligible.length} due, ${exact} must renew`);
  return new Set(eligible.slice(0, exact).map((d) => d.chain));
}

/** Simulates one scheme year by year: renewals of the chains due, then the new chains. */
export function generateChains(random: Random, rules: ChainRules): CertificationInsert[] {
  const rows: CertificationInsert[] = [];
  const used = new Set<string>();
  let active: Chain[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    const due = active.filter((chain) => Number(chain.last.certifiedOn.slice(0, 4)) === year - 3);
    const renew = renewing(random, due, rules, year);
    active = active.filter((chain) => !due.includes(chain) || renew.has(chain));
    for (const chain of due.filter((c) => renew.has(c))) {
      const certifiedOn = addDays(chain.last.validUntil!, 1);
      // Due after the seed date: the old certificate is still running and its renewal still to come.
      if (certifiedOn > SEED_DATE) continue;
      chain.last = certificate(rules.scheme, chain.site, certifiedOn, rules.themes(random, year), chain.last);
      rows.push(chain.last);
    }
    for (const { site, carriedOver, notBefore } of rules.starts(year, random, (site) => !used.has(site.id))) {
      used.add(site.id);
      const certifiedOn = dayIn(random, year, notBefore);
      const last = certificate(rules.scheme, site, certifiedOn, rules.themes(random, year), null, carriedOver);
      active.push({ site, last });
      rows.push(last);
    }
  }
  return rows;
}
