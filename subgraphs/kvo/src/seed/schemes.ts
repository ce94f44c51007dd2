import { SITES, type SiteKind, type SiteRecord } from '@vo/kit';
import { THEMES, type Theme } from '../domain.js';
import type { ChainRules, Random, Start } from './chains.js';
import * as c from './constants.js';

const sitesOf = (kind: SiteKind) => SITES.filter((site) => site.kind === kind);

/** `count` sites drawn from `candidates`, in id order. */
function draw(random: Random, candidates: SiteRecord[], count: number): SiteRecord[] {
  return random.helpers.arrayElements(candidates, Math.min(count, candidates.length)).sort((a, b) => a.id.localeCompare(b.id));
}

/** The base themes of a scheme, plus cyber and ondermijning for a growing share of certificates from 2016. */
function themes(random: Random, year: number, base: Theme[], uptakeFactor: number): Theme[] {
  const chosen = new Set<Theme>(base);
  if (year >= c.NEW_THEMES_FROM) {
    const { start, perYear, max } = c.NEW_THEME_UPTAKE;
    const uptake = Math.min(max, start + perYear * (year - c.NEW_THEMES_FROM)) * uptakeFactor;
    if (random.number.float({ min: 0, max: 1 }) < uptake) chosen.add('CYBER');
    if (random.number.float({ min: 0, max: 1 }) < uptake) chosen.add('UNDERMINING');
  }
  return THEMES.filter((theme) => chosen.has(theme));
}

/** Den Haag and Assen stop taking new sites, and renew fewer (Den Haag) or none (Assen). */
const stopped = (site: SiteRecord, year: number) =>
  (site.regionCode === c.DECLINING_REGION.code && year >= c.DECLINING_REGION.from) ||
  (site.municipalityCode === c.QUITTING_MUNICIPALITY.code && year >= c.QUITTING_MUNICIPALITY.from);

function renewalWithExceptions(plan: c.ChainPlan) {
  return (site: SiteRecord, year: number) => {
    if (site.municipalityCode === c.QUITTING_MUNICIPALITY.code && year >= c.QUITTING_MUNICIPALITY.from) return 0;
    if (site.regionCode === c.DECLINING_REGION.code && year >= c.DECLINING_REGION.from) return c.DECLINING_REGION.renewal;
    return plan.renewal(year);
  };
}

/** Carried-over chains (2011-2013) and first certifications, drawn from the sites that may still start. */
function planStarts(plan: c.ChainPlan, sites: SiteRecord[]): ChainRules['starts'] {
  return (year, random, unused) => {
    const candidates = sites.filter((site) => unused(site) && !stopped(site, year));
    const carried = draw(random, candidates, plan.carriedOver[year - c.FIRST_YEAR] ?? 0);
    const rest = candidates.filter((site) => !carried.includes(site));
    const firsts = draw(random, rest, plan.firsts[year] ?? 0);
    return [...carried.map((site) => ({ site, carriedOver: true })), ...firsts.map((site) => ({ site, carriedOver: false }))];
  };
}

export const KVO_B_RULES: ChainRules = {
  scheme: 'KVO_B',
  starts: planStarts(c.KVO_B_PLAN, sitesOf('BUSINESS_PARK')),
  renewal: renewalWithExceptions(c.KVO_B_PLAN),
  exactRenewals: { [c.KVO_B_2019.year]: c.KVO_B_2019.certifications - c.KVO_B_2019.first },
  themes: (random, year) => themes(random, year, ['BURGLARY', 'FIRE_SAFETY', 'NUISANCE'], 1),
};

export const KVO_W_RULES: ChainRules = {
  scheme: 'KVO_W',
  starts: planStarts(c.KVO_W_PLAN, sitesOf('SHOPPING_AREA')),
  renewal: renewalWithExceptions(c.KVO_W_PLAN),
  themes: (random, year) => themes(random, year, ['ROBBERY', 'SHOPLIFTING', 'BURGLARY', 'NUISANCE'], 0.6),
};

const ruralSites = sitesOf('RURAL_AREA');
const ruralSitesIn = (municipalities: string[]) => ruralSites.filter((site) => municipalities.includes(site.municipalityCode));

/** Bronckhorst first, then the rest of the Achterhoek, then rural areas in the regions working on rural crime. */
function ruralStarts(year: number, random: Random, unused: (site: SiteRecord) => boolean): Start[] {
  const { first, achterhoek } = c.RURAL;
  const start = (sites: SiteRecord[], notBefore?: string) =>
    sites.filter(unused).map((site) => ({ site, carriedOver: false, notBefore }));
  if (year === first.year) return start(ruralSitesIn([first.municipality]));
  if (year === achterhoek.year) return start(ruralSitesIn(achterhoek.municipalities), achterhoek.notBefore);
  if (year < achterhoek.year) return [];
  const candidates = ruralSites.filter((site) => unused(site) && c.RURAL.regions.includes(site.regionCode));
  return start(draw(random, candidates, c.RURAL.firsts[year] ?? 0));
}

export const RURAL_RULES: ChainRules = {
  scheme: 'VEILIG_BUITENGEBIED',
  starts: ruralStarts,
  renewal: () => c.RURAL.renewal,
  themes: () => ['UNDERMINING', 'BURGLARY', 'RURAL_CRIME'],
};
