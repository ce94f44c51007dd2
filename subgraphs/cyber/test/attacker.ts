import { MUNICIPALITIES, REGION_CODES } from '@vo/kit';
import { INSTRUMENTS, SECTORS } from '../src/domain.js';

/** A filter the attacker asks `cyber(...)` with: one year or all, an instrument, a sector. */
export interface AttackFilter {
  year?: number;
  instrument?: string;
  sector?: string;
}

/** A figure as the attacker sees it: numbers when published, null when withheld. */
interface Seen {
  scans: number | null;
  /** The sum of overall scores, from average × count: what averages-times-counts differencing uses. */
  scoreSum: number | null;
  companies: number | null;
}

const FIRST = 2018;
const LAST = 2026;
export const PLACES = ['NL', ...REGION_CODES, ...MUNICIPALITIES.map((m) => m.code)];
const REGION_OF = new Map<string, string>([...MUNICIPALITIES.map((m) => [m.code, m.regionCode] as const), ...REGION_CODES.map((r) => [r, 'NL'] as const)]);

const key = (place: string, year: number | '*', instrument = '*', sector = '*') => `${place}|${year}|${instrument}|${sector}`;

/** Everything the attacker has collected, keyed by the cell it describes, and what contradicted itself. */
export class Attacker {
  readonly seen = new Map<string, Seen>();
  readonly contradictions: string[] = [];

  private record(cellKey: string, figure: { scanCount: number | null; companyCount: number | null; averageScore: number | null }) {
    const seen: Seen = {
      scans: figure.scanCount,
      companies: figure.companyCount,
      scoreSum: figure.scanCount === null ? null : (figure.averageScore ?? 0) * figure.scanCount,
    };
    const before = this.seen.get(cellKey);
    if (before && (before.scans !== seen.scans || before.companies !== seen.companies)) this.contradictions.push(cellKey);
    if (!before || before.scans === null) this.seen.set(cellKey, seen);
  }

  /** Records one place's summary for a filter: its total, its years, instruments and sectors (absent means zero). */
  collect(place: string, filter: AttackFilter, summary: any) {
    const { instrument, sector } = filter;
    const time = filter.year ?? '*';
    this.record(key(place, time, instrument, sector), summary);
    // Within a one-year summary the other years are empty by construction, not facts about those years.
    for (const year of summary.perYear) {
      if (time === '*' || year.year === time) this.record(key(place, year.year, instrument, sector), year);
    }
    const zero = { scanCount: 0, companyCount: 0, averageScore: null };
    for (const value of instrument ? [instrument] : INSTRUMENTS) {
      const row = summary.byInstrument.find((r: any) => r.instrument === value) ?? zero;
      this.record(key(place, time, value, sector), row);
    }
    for (const value of sector ? [sector] : SECTORS) {
      const row = summary.bySector.find((r: any) => r.sector === value) ?? zero;
      this.record(key(place, time, instrument, value), row);
    }
  }

  /** Every additive relation among the collected cells: places, years, instruments, sectors. */
  relations(): { total: string; parts: string[] }[] {
    const relations: { total: string; parts: string[] }[] = [];
    const add = (total: string, parts: string[]) => {
      if (this.seen.has(total) && parts.every((part) => this.seen.has(part))) relations.push({ total, parts });
    };
    const years = Array.from({ length: LAST - FIRST + 1 }, (_, i) => FIRST + i);
    for (const cell of this.seen.keys()) {
      const [place, time, instrument, sector] = cell.split('|');
      const children = PLACES.filter((child) => REGION_OF.get(child) === place);
      if (children.length) add(cell, children.map((c) => [c, time, instrument, sector].join('|')));
      if (time === '*') add(cell, years.map((y) => key(place, y, instrument, sector)));
      const year = time === '*' ? '*' : Number(time);
      if (instrument === '*') add(cell, INSTRUMENTS.map((i) => key(place, year, i, sector)));
      if (sector === '*') add(cell, SECTORS.map((s) => key(place, year, instrument, s)));
    }
    return relations;
  }

  /**
   * The attack: in any relation where exactly one figure is withheld, compute it (total minus
   * parts, or a part as total minus the other parts), treat it as known, and repeat until nothing
   * more comes out. Returns what it recovered.
   */
  recover(): Map<string, Seen> {
    const known = new Map([...this.seen].filter(([, seen]) => seen.scans !== null));
    const recovered = new Map<string, Seen>();
    const relations = this.relations();
    let progress = true;
    while (progress) {
      progress = false;
      for (const { total, parts } of relations) {
        const unknown = [total, ...parts].filter((cell) => !known.has(cell));
        if (unknown.length !== 1) continue;
        const [cell] = unknown;
        const sign = cell === total ? 1 : -1;
        const value = (pick: (s: Seen) => number) =>
          sign * (parts.filter((p) => p !== cell).reduce((sum, p) => sum + pick(known.get(p)!), 0) - (cell === total ? 0 : pick(known.get(total)!)));
        const found = { scans: value((s) => s.scans!), scoreSum: value((s) => s.scoreSum!), companies: null };
        known.set(cell, found);
        recovered.set(cell, found);
        progress = true;
      }
    }
    return recovered;
  }
}

/** The `cyber(...)` arguments for a filter. */
export function cyberArguments(filter: AttackFilter): string {
  const args = [
    filter.year ? `year: ${filter.year}` : '',
    filter.instrument ? `instrument: ${filter.instrument}` : '',
    filter.sector ? `sector: ${filter.sector}` : '',
  ].filter(Boolean);
  return args.length ? `(${args.join(', ')})` : '';
}
