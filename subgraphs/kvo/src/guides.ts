import { MUNICIPALITIES, NotFoundError } from '@vo/kit';
import type { Scheme } from './domain.js';

/** Who guides a KVO project (DOMAIN.md section 3, "Who guides"). */
export interface ProcessGuide {
  id: string;
  name: string;
  organisationId: string;
  schemes: Scheme[];
  /** CBS province names; empty for a guide that works nationwide. */
  provinces: string[];
  description: string;
  source: string;
}

const MKB_SCHEMES: Scheme[] = ['KVO_B', 'KVO_CYBER'];
const MKB_SOURCE = 'DOMAIN.md section 3; KVO Cyber following the KVO-B guide is inferred';

/** The sources say only "one guide" and "the other"; A and B are this hub's names for them. */
export const PROCESS_GUIDES: readonly ProcessGuide[] = [
  {
    id: 'mkb-a',
    name: 'MKB-Nederland process guide A',
    organisationId: 'mkb-nederland',
    schemes: MKB_SCHEMES,
    provinces: ['Flevoland', 'Fryslân', 'Noord-Brabant', 'Noord-Holland', 'Zeeland', 'Zuid-Holland'],
    description: 'The MKB-Nederland process guide (procesbegeleider) for KVO-B projects in Friesland, Flevoland, Noord-Brabant, Noord-Holland, Zuid-Holland and Zeeland.',
    source: MKB_SOURCE,
  },
  {
    id: 'mkb-b',
    name: 'MKB-Nederland process guide B',
    organisationId: 'mkb-nederland',
    schemes: MKB_SCHEMES,
    provinces: ['Drenthe', 'Gelderland', 'Groningen', 'Limburg', 'Overijssel', 'Utrecht'],
    description: 'The MKB-Nederland process guide (procesbegeleider) for KVO-B projects in Groningen, Drenthe, Overijssel, Gelderland, Utrecht and Limburg.',
    source: MKB_SOURCE,
  },
  {
    id: 'ccv',
    name: 'CCV process guidance',
    organisationId: 'ccv',
    schemes: ['KVO_W', 'VEILIG_BUITENGEBIED'],
    provinces: [],
    description: 'CCV guides KVO-W projects in shopping areas nationwide, and the Keurmerk Veilig Buitengebied it developed with PVO Oost-Nederland.',
    source: 'DOMAIN.md sections 2 (ON) and 3; CCV guiding the Keurmerk Veilig Buitengebied is inferred',
  },
];

/** The documents write Friesland; CBS writes Fryslân. */
const ALIASES: Record<string, string> = { friesland: 'Fryslân' };
const PROVINCES = new Map(MUNICIPALITIES.map((m) => [m.province.toLowerCase(), m.province]));
const PROVINCE_OF = new Map(MUNICIPALITIES.map((m) => [m.code, m.province]));

/** The CBS name of a province, case-insensitive; NOT_FOUND naming it when there is no such province. */
export function provinceNamed(name: string): string {
  const key = name.trim().toLowerCase();
  const province = ALIASES[key] ?? PROVINCES.get(key);
  if (!province) throw new NotFoundError('Province', name);
  return province;
}

/** The guide for a scheme in a province: MKB-Nederland's by province, CCV's nationwide. */
export function guideFor(scheme: Scheme, province: string): ProcessGuide {
  const guide = PROCESS_GUIDES.find((g) => g.schemes.includes(scheme) && (g.provinces.length === 0 || g.provinces.includes(province)));
  if (!guide) throw new Error(`No process guide for ${scheme} in ${province}`);
  return guide;
}

export const guideForMunicipality = (scheme: Scheme, municipalityCode: string) =>
  guideFor(scheme, PROVINCE_OF.get(municipalityCode) ?? '');
