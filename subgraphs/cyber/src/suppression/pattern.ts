import { MUNICIPALITIES, isRegionCode } from '@vo/kit';
import type { CellRow } from '../db/queries/cells.js';
import { suppress, type Relation, type Suppression } from './suppress.js';

/** A cell of the cross-classification: a place and, per dimension, one value or null for "all". */
export interface CellRef {
  place: string;
  year: number | null;
  instrument: string | null;
  sector: string | null;
}

const ALL = '*';
const REGION_OF = new Map(MUNICIPALITIES.map((m) => [m.code, m.regionCode]));

export const cellKey = (cell: CellRef) =>
  [cell.place, cell.year ?? ALL, cell.instrument ?? ALL, cell.sector ?? ALL].join('|');

/** The place one level up: a municipality's region, a region's country; null for the country. */
function parentPlace(place: string): string | null {
  if (isRegionCode(place)) return 'NL';
  return REGION_OF.get(place) ?? null;
}

/** Every additive relation among the cells: each cell is a part of its total along each dimension. */
function relationsOf(cells: readonly CellRow[]): Relation[] {
  const parts = new Map<string, string[]>();
  const add = (total: CellRef, part: string, dimension: string) => {
    const id = `${cellKey(total)}#${dimension}`;
    const list = parts.get(id) ?? [];
    list.push(part);
    parts.set(id, list);
  };
  for (const cell of cells) {
    const key = cellKey(cell);
    const place = parentPlace(cell.place);
    if (place) add({ ...cell, place }, key, 'place');
    if (cell.year !== null) add({ ...cell, year: null }, key, 'year');
    if (cell.instrument !== null) add({ ...cell, instrument: null }, key, 'instrument');
    if (cell.sector !== null) add({ ...cell, sector: null }, key, 'sector');
  }
  return [...parts].map(([id, list]) => ({ total: id.slice(0, id.lastIndexOf('#')), parts: list }));
}

/**
 * The suppression pattern of the whole cross-classification, computed once from every cell, so a
 * cell is withheld the same way whichever question (filter, breakdown, place) reaches it.
 */
export class SuppressionPattern {
  private readonly companies: Map<string, number>;
  private readonly withheld: Map<string, Suppression>;
  constructor(cells: readonly CellRow[], readonly minGroupSize: number) {
    this.companies = new Map(cells.map((cell) => [cellKey(cell), cell.companyCount]));
    this.withheld = suppress(this.companies, relationsOf(cells), minGroupSize);
  }

  /** Why the cell is withheld, or null when it is published; a cell unknown to the pattern is empty. */
  statusOf(cell: CellRef): Suppression | null {
    return this.withheld.get(cellKey(cell)) ?? null;
  }
}
