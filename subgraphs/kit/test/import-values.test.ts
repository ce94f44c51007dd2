import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cents, date, decodeText, detectSeparator, euroCents, firstInvalidUtf8, ImportRefusal, matchHeader, normaliseName, oneOf, text } from '../src/import/index.js';

const value = (parsed: unknown) => (parsed as { value?: unknown }).value;
const problem = (parsed: unknown) => (parsed as { code?: string }).code;

async function decodeAll(...chunks: Uint8Array[]): Promise<string> {
  let out = '';
  for await (const piece of decodeText((async function* () { yield* chunks; })())) out += piece;
  return out;
}

describe('import cell values', () => {
  it('reads Dutch and ISO dates to ISO, and refuses impossible days, other shapes and years out of range', () => {
    const read = date({ from: 2000, to: 2100 });
    for (const [cell, iso] of [['23-11-2026', '2026-11-23'], ['3-1-2026', '2026-01-03'], ['03/01/2026', '2026-01-03'], ['2026-11-23', '2026-11-23'], ['29-02-2024', '2024-02-29']]) {
      expect(value(read(cell!)), cell).toBe(iso);
    }
    for (const cell of ['31-02-2026', '2026-13-01', '11/23/2026', '23-11-26', 'morgen', '2026-1-3']) expect(problem(read(cell)), cell).toBe('INVALID');
    expect(problem(read('01-01-1999'))).toBe('OUT_OF_RANGE');
    expect(value(read(''))).toBeNull();
  });

  it('reads euro amounts to exact integer cents: dots group thousands unless one or two decimals follow', () => {
    const read = euroCents();
    const cases: [string, number][] = [
      ['€ 6.000,00', 600_000], ['6000,00', 600_000], ['6.000', 600_000], ['6000.00', 600_000], ['6000', 600_000],
      ['€6.000', 600_000], ['1.234.567,89', 123_456_789], ['0,25', 25], ['6,5', 650], ['6000.5', 600_050],
      ['EUR 12,34', 1234], ['6,000', 600_000], ['6,123', 612_300], ['0.1', 10], ['€ 0,07', 7], ['99999999999,99', 9_999_999_999_999],
    ];
    for (const [cell, expected] of cases) expect(value(read(cell)), cell).toBe(expected);
    for (const cell of ['6.00.0', '6,001,0', '1.2345', '6,1234', 'zes', '6.000,001', '€', '1e3', '0x10']) expect(problem(read(cell)), cell).toBe('INVALID');
    expect(problem(read('-6.000,00'))).toBe('OUT_OF_RANGE');
    expect(problem(read('€ -12,50'))).toBe('OUT_OF_RANGE');
    expect(value(euroCents({ negative: true })('-12,50'))).toBe(-1250);
    expect(problem(read('1234567890123456,00'))).toBe('OUT_OF_RANGE');
  });

  it('reads plain cents, refusing negatives, decimals and numbers past the exact integer range', () => {
    expect(value(cents('600000'))).toBe(600_000);
    expect(problem(cents('-5'))).toBe('OUT_OF_RANGE');
    expect(problem(cents('60,00'))).toBe('INVALID');
    expect(problem(cents('99999999999999999'))).toBe('OUT_OF_RANGE');
  });

  it('matches names and values case-, space-, accent- and underscore-insensitively', () => {
    expect(normaliseName(' Geldig_tot ')).toBe(normaliseName('geldig tot'));
    expect(normaliseName('Thema’s')).toBe(normaliseName('themas'));
    expect(normaliseName('Categorie')).toBe(normaliseName('Catégorie'));
    const scheme = oneOf({ KVO_B: ['KVO-B'], KVO_W: ['KVO-W'] });
    expect(value(scheme('kvo b'))).toBe('KVO_B');
    expect(problem(scheme('KVO-X'))).toBe('INVALID');
    expect(value(text(''))).toBeNull();
  });

  it('detects the separator from the header line, outside quotes', () => {
    expect(detectSeparator('kenmerk;gemeente;bedrag')).toBe(';');
    expect(detectSeparator('reference,municipality,amount')).toBe(',');
    expect(detectSeparator('"a;b",c,d')).toBe(',');
  });

  it('refuses unknown, repeated and missing columns, naming each of them at once', () => {
    const columns = [{ key: 'a', aliases: ['alfa'], parse: text }, { key: 'b', aliases: ['beta'], parse: text }, { key: 'c', aliases: ['gamma'], parse: text, optional: true }];
    expect(matchHeader(['ALFA', 'Beta'], columns).keys).toEqual(['a', 'b']);
    const refusal = (header: string[]) => { try { matchHeader(header, columns); } catch (error) { return error as ImportRefusal; } throw new Error('accepted'); };
    expect(refusal(['alfa']).message).toMatch(/missing column "beta"/);
    expect(refusal(['alfa', 'beta', 'delta']).message).toMatch(/column 3 "delta" is not a column/);
    expect(refusal(['alfa', 'beta', 'Alfa']).message).toMatch(/"Alfa" repeats the column "alfa"/);
  });
});

describe('import decoding', () => {
  it('reads UTF-8 with and without a BOM and Windows-1252, keeping accented names', async () => {
    const line = 'naam;plaats\nCafé Ærø;Düsseldorf €\n';
    expect(await decodeAll(Buffer.from(`\ufeff${line}`))).toBe(line);
    expect(await decodeAll(Buffer.from(line))).toBe(line);
    expect(await decodeAll(iconv.encode(line, 'win1252'))).toBe(line);
    // A character split across two chunks survives.
    const bytes = Buffer.from(line);
    expect(await decodeAll(bytes.subarray(0, 17), bytes.subarray(17))).toBe(line);
  });

  it('refuses UTF-16 and binary files, and UTF-8 that turns invalid later, naming the line', async () => {
    await expect(decodeAll(iconv.encode('\ufeffnaam;plaats\n', 'utf16le'))).rejects.toThrow(/UTF-16/);
    await expect(decodeAll(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).rejects.toThrow(/NUL bytes/);
    const start = Buffer.from(`naam;plaats\n${'Café;Utrecht\n'.repeat(6000)}`);
    const bad = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(';Utrecht\n')]);
    await expect(decodeAll(start, bad)).rejects.toThrow(/^Line 6002 is not valid UTF-8/);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0xa9, 0xff]))).toBe(3);
  });
});
