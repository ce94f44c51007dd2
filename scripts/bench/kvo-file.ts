import { seededRandom, SITES, SYNTHETIC_SEED, type SiteRecord } from '@vo/kit';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const SCHEMES_OF: Record<SiteRecord['kind'], string[]> = { BUSINESS_PARK: ['KVO-B', 'KVO-Cyber'], SHOPPING_AREA: ['KVO-W'], RURAL_AREA: ['Keurmerk Veilig Buitengebied'] };
const THEMES = ['inbraak', 'brandveiligheid', 'overlast', 'winkeldiefstal', 'overvallen', 'agressie'];
const DAY = 86_400_000;
const START = Date.UTC(2000, 0, 3);

const dutch = (time: number) => {
  const date = new Date(time);
  return `${String(date.getUTCDate()).padStart(2, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${date.getUTCFullYear()}`;
};

/**
 * Writes a reproducible SYNTHETIC certificate file of `rows` rows (seeded; no real certificate): every site and
 * scheme in turn gets a certificate every 90 days from 2000, in chains of a first certification and two renewals,
 * with explicit certificate numbers (a site and scheme hold more certificates than years). Dutch header, `;`.
 */
export async function writeSyntheticKvoFile(path: string, rows: number): Promise<void> {
  const random = seededRandom(SYNTHETIC_SEED);
  const pairs = SITES.flatMap((site) => SCHEMES_OF[site.kind].map((scheme) => ({ site, scheme })));
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('Certificaatnummer;Locatie;Keurmerk;Gecertificeerd op;Soort;Vorig certificaat;Thema’s\n');
  for (let n = 0; n < rows; n += 1) {
    const { site, scheme } = pairs[n % pairs.length]!;
    const round = Math.floor(n / pairs.length);
    const renewal = round % 3 !== 0;
    const themes = random.helpers.arrayElements(THEMES, { min: 0, max: 2 }).join('|');
    const previous = renewal ? `SYN-${String(n - pairs.length).padStart(7, '0')}` : '';
    await write(`SYN-${String(n).padStart(7, '0')};${site.id};${scheme};${dutch(START + round * 90 * DAY)};${renewal ? 'hercertificering' : 'eerste'};${previous};${themes}\n`);
  }
  out.end();
  await once(out, 'finish');
}
