import { seededRandom, SYNTHETIC_SEED } from '../random.js';
import { MUNICIPALITIES } from './municipalities.js';
import type { RegionCode } from './regions.js';

export type SiteKind = 'BUSINESS_PARK' | 'SHOPPING_AREA' | 'RURAL_AREA';

/** A synthetic site: the real register of business parks is not in the sources. */
export interface SiteRecord {
  id: string;
  name: string;
  kind: SiteKind;
  municipalityCode: string;
  regionCode: RegionCode;
}

const PARK_NAMES = ['Noord', 'Zuid', 'Oost', 'West', 'Haven', 'Kanaalzone', 'Spoorzone', 'De Vaart', 'Het Veld',
  'De Kamp', 'Molenzicht', 'De Brand', 'Businesspark A', 'De Hoek', 'Dijkzicht', 'Poort', 'Heide', 'Broek'];
const SHOPPING_NAMES = ['Centrum', 'Winkelcentrum Noord', 'Winkelcentrum Zuid', 'Markt', 'Winkelhof', 'Passage',
  'Wijkcentrum Oost', 'Wijkcentrum West', 'Boulevard'];
const KIND_CODES: Record<SiteKind, string> = { BUSINESS_PARK: 'BT', SHOPPING_AREA: 'WG', RURAL_AREA: 'BG' };
const KIND_LABELS: Record<SiteKind, string> = {
  BUSINESS_PARK: 'Bedrijventerrein',
  SHOPPING_AREA: 'Winkelgebied',
  RURAL_AREA: 'Buitengebied',
};

/** How many sites of each kind a municipality of this population has: about 3,900 business parks nationally. */
function countsFor(population: number, jitter: () => number): Record<SiteKind, number> {
  return {
    BUSINESS_PARK: Math.max(1, Math.round((2 + population / 5500) * jitter())),
    SHOPPING_AREA: Math.max(1, Math.round((1 + population / 12000) * jitter())),
    RURAL_AREA: population < 60000 ? 1 : 0,
  };
}

function generate(): SiteRecord[] {
  const random = seededRandom(SYNTHETIC_SEED);
  const sites: SiteRecord[] = [];
  for (const municipality of MUNICIPALITIES) {
    const counts = countsFor(municipality.population, () => random.number.float({ min: 0.7, max: 1.3 }));
    for (const kind of Object.keys(counts) as SiteKind[]) {
      const names = kind === 'BUSINESS_PARK' ? PARK_NAMES : SHOPPING_NAMES;
      for (let n = 1; n <= counts[kind]; n += 1) {
        const suffix = kind === 'RURAL_AREA' ? '' : ` ${names[(n - 1) % names.length]}${n > names.length ? ` ${n}` : ''}`;
        sites.push({
          id: `${municipality.code}-${KIND_CODES[kind]}${String(n).padStart(2, '0')}`,
          name: `${KIND_LABELS[kind]}${suffix} (${municipality.name})`,
          kind,
          municipalityCode: municipality.code,
          regionCode: municipality.regionCode,
        });
      }
    }
  }
  return sites;
}

/** Every synthetic site, in a stable order; the same list in every subgraph that refers to sites. */
export const SITES: readonly SiteRecord[] = generate();
