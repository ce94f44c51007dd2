import { describe, expect, it } from 'vitest';
import { suppress } from '../src/suppression/suppress.js';

const table = (cells: Record<string, number>) => new Map(Object.entries(cells));

describe('suppress: primary and secondary suppression on hand-made tables', () => {
  it('withholds nothing when every cell is large enough or empty', () => {
    const cells = table({ T: 30, a: 10, b: 20 });
    expect(suppress(cells, [{ total: 'T', parts: ['a', 'b', 'c'] }], 5)).toEqual(new Map());
  });

  it('withholds the small cell and the next smallest, so the total minus the rest gives no single cell', () => {
    const cells = table({ T: 46, a: 2, b: 9, c: 15, d: 20 });
    const result = suppress(cells, [{ total: 'T', parts: ['d', 'c', 'b', 'a'] }], 5);
    expect(result).toEqual(new Map([['a', 'PRIMARY'], ['b', 'SECONDARY']]));
  });

  it('keeps withholding until the withheld parts together cover k companies', () => {
    const cells = table({ T: 40, a: 1, b: 1, c: 2, d: 6, e: 30 });
    const result = suppress(cells, [{ total: 'T', parts: ['a', 'b', 'c', 'd', 'e'] }], 5);
    expect([...result]).toEqual([['a', 'PRIMARY'], ['b', 'PRIMARY'], ['c', 'PRIMARY'], ['d', 'SECONDARY']]);
  });

  it('breaks ties by key, so the pattern never depends on input order', () => {
    const cells = table({ T: 22, a: 2, x: 10, y: 10 });
    const one = suppress(cells, [{ total: 'T', parts: ['a', 'y', 'x'] }], 5);
    const other = suppress(cells, [{ total: 'T', parts: ['x', 'a', 'y'] }], 5);
    expect(one.get('x')).toBe('SECONDARY');
    expect([...other]).toEqual([...one]);
  });

  it('withholds a part when the total is withheld and every part is published', () => {
    // Only through a linked table: T is withheld as a part of G; T's own parts must not give it back.
    const cells = table({ G: 14, T: 12, U: 2, a: 6, b: 6, c: 1, d: 1 });
    const relations = [{ total: 'G', parts: ['T', 'U'] }, { total: 'T', parts: ['a', 'b'] }, { total: 'U', parts: ['c', 'd'] }];
    const result = suppress(cells, relations, 5);
    expect(result.get('U')).toBe('PRIMARY');
    expect(result.get('T')).toBe('SECONDARY');
    // T = a + b: with T withheld, publishing both a and b would give T (and so U = G - T) back.
    expect(result.get('a')).toBe('SECONDARY');
    expect(result.has('b')).toBe(false);
  });

  it('propagates through linked tables until every relation has none or at least two withheld cells', () => {
    // A 2 x 2 table with margins: rows r1, r2, columns c1, c2, cells r1c1 ... and the grand total.
    const cells = table({ N: 40, r1: 20, r2: 20, c1: 18, c2: 22, r1c1: 3, r1c2: 17, r2c1: 15, r2c2: 5 });
    const relations = [
      { total: 'N', parts: ['r1', 'r2'] }, { total: 'N', parts: ['c1', 'c2'] },
      { total: 'r1', parts: ['r1c1', 'r1c2'] }, { total: 'r2', parts: ['r2c1', 'r2c2'] },
      { total: 'c1', parts: ['r1c1', 'r2c1'] }, { total: 'c2', parts: ['r1c2', 'r2c2'] },
    ];
    const result = suppress(cells, relations, 5);
    expect(result.get('r1c1')).toBe('PRIMARY');
    for (const relation of relations) {
      const withheld = [relation.total, ...relation.parts].filter((key) => result.has(key)).length;
      expect(withheld === 0 || withheld >= 2).toBe(true);
    }
    expect(['r1c2', 'r2c1', 'r2c2'].every((key) => result.has(key))).toBe(true);
  });
});

describe('suppress: a total with a single non-empty part', () => {
  it('withholds the total along with its only part, since they are the same figure', () => {
    const cells = table({ G: 12, T: 6, U: 6, a: 6 });
    const relations = [{ total: 'G', parts: ['T', 'U'] }, { total: 'T', parts: ['a', 'b'] }];
    // a is withheld for another reason (a linked table): T = a must follow.
    const result = suppress(new Map([...cells, ['a', 3]]), relations, 5);
    expect(result.get('a')).toBe('PRIMARY');
    expect(result.get('T')).toBe('SECONDARY');
    expect(result.get('U')).toBe('SECONDARY');
  });
});
