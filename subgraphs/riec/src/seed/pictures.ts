import { ORGANISATIONS, REGIONS, type RegionCode, type seededRandom } from '@vo/kit';
import type { PictureInsert } from '../db/schema.js';
import { halfYears, periodEnd, periodLabel, periodStart, previousHalfYear, type HalfYear } from '../periods.js';
import * as c from './constants.js';

type Random = ReturnType<typeof seededRandom>;
type Signals = Record<c.Source, number>;

const producerName = (id: string) => ORGANISATIONS.find((o) => o.id === id)?.name ?? id;
const regionName = (code: RegionCode) => REGIONS.find((r) => r.code === code)!.policeUnit;

/** The expected signals for a theme in a region and year, before noise. */
function level(region: RegionCode, theme: c.Theme, year: number): number {
  const boost = theme === 'MOBILE_BANDITRY' && year >= c.MOBILE_BANDITRY_BOOST_FROM ? c.MOBILE_BANDITRY_BOOST : 1;
  const growth = (1 + c.GROWTH_PER_YEAR) ** (year - 2018);
  return c.BASE_SIGNALS[theme] * (c.REGION_FACTOR[region]?.[theme] ?? 1) * boost * growth;
}

/** Splits a picture's signals over the sources; business only where the sources say businesses report. */
function bySource(random: Random, region: RegionCode, year: number, total: number): Signals {
  const share = (range: { min: number; max: number }) => Math.round(total * random.number.float(range));
  const business = c.BUSINESS_SHARE[region];
  const BUSINESS = business && year >= business.from ? share(business) : 0;
  const POLICE = Math.min(share(c.POLICE_SHARE), total - BUSINESS);
  const MUNICIPALITY = Math.min(share(c.MUNICIPALITY_SHARE), total - BUSINESS - POLICE);
  return { POLICE, MUNICIPALITY, PUBLIC_PROSECUTION: total - BUSINESS - POLICE - MUNICIPALITY, BUSINESS };
}

export const classify = (signalCount: number) => c.CLASSIFICATIONS.find((t) => signalCount >= t.atLeast)!.classification;

function trend(count: number, previous: number | undefined, period: HalfYear): string {
  if (previous === undefined) return 'the first picture of this theme';
  const before = periodLabel(previousHalfYear(period));
  if (count === previous) return `as many as in ${before}`;
  return `${count > previous ? 'up' : 'down'} from ${previous} in ${before}`;
}

/** Two sentences from fixed parts only: no person or company is ever named. */
function summary(picture: { producerId: string; region: RegionCode; theme: c.Theme; period: HalfYear; signals: Signals; previous?: number; classification: string }) {
  const { signals } = picture;
  const total = c.SOURCES.reduce((sum, source) => sum + signals[source], 0);
  return (
    `Synthetic picture by ${producerName(picture.producerId)} of ${c.THEME_TEXT[picture.theme]} in ${regionName(picture.region)}, ${periodLabel(picture.period)}: ` +
    `${total} signals (police ${signals.POLICE}, municipalities ${signals.MUNICIPALITY}, public prosecution ${signals.PUBLIC_PROSECUTION}, business ${signals.BUSINESS}), ` +
    `${trend(total, picture.previous, picture.period)}. Assessed ${picture.classification.toLowerCase()}.`
  );
}

/** Every picture of one region: each half-year from its RIEC's first year, each theme. */
export function regionPictures(random: Random, region: RegionCode, producer: { producerId: string; firstYear: number }): PictureInsert[] {
  const previous = new Map<c.Theme, number>();
  return halfYears(producer.firstYear, { year: c.LAST_YEAR, half: c.LAST_HALF }).flatMap((period) =>
    c.THEMES.map((theme) => {
      const expected = level(region, theme, period.year);
      const signalCount = Math.max(0, Math.round(expected * random.number.float({ min: 1 - c.NOISE, max: 1 + c.NOISE })));
      const signals = bySource(random, region, period.year, signalCount);
      const classification = classify(signalCount);
      const text = summary({ producerId: producer.producerId, region, theme, period, signals, previous: previous.get(theme), classification });
      previous.set(theme, signalCount);
      return {
        id: `${region}-${periodLabel(period)}-${theme}`,
        regionCode: region,
        producerId: producer.producerId,
        year: period.year,
        half: period.half,
        period: periodLabel(period),
        periodStart: periodStart(period),
        periodEnd: periodEnd(period),
        theme,
        policeSignals: signals.POLICE,
        municipalitySignals: signals.MUNICIPALITY,
        prosecutionSignals: signals.PUBLIC_PROSECUTION,
        businessSignals: signals.BUSINESS,
        signalCount,
        classification,
        summary: text,
        synthetic: true,
      };
    }),
  );
}
