// The picture rules as a file import will call them, row by row: pure functions, so no database here
// (writes.test.ts sends the same rules through the mutations and checks that a refusal writes nothing).
import { describe, expect, it } from 'vitest';
import { checkPicture, checkWithdrawalReason, regionsOfRiec, type PictureInput } from '../src/writes/rules.js';

const CONTEXT = { producer: 'riec-nn', today: '2026-11-23' };
const GOOD: PictureInput = {
  region: 'NN', period: '2026-H2', theme: 'DRUG_LABS', classification: 'MODERATE',
  signalsBySource: { police: 10, municipality: 5, publicProsecution: 3, business: 2 }, signalCount: 20,
  summary: 'Drug labs in empty barns in the east of the region, up from the first half-year.',
};
const withSignals = (change: Record<string, unknown>) => ({ signalsBySource: { ...GOOD.signalsBySource, ...change } });

describe('the picture rules', () => {
  it('turn a valid picture into its row: id from region, period and theme, the RIEC as producer, published and not synthetic', () => {
    const { picture, errors } = checkPicture(GOOD, CONTEXT);
    expect(errors).toEqual([]);
    expect(picture).toMatchObject({
      id: 'NN-2026-H2-DRUG_LABS', producerId: 'riec-nn', year: 2026, half: 2, periodStart: '2026-07-01', periodEnd: '2026-12-31',
      policeSignals: 10, prosecutionSignals: 3, signalCount: 20, synthetic: false, withdrawnAt: null,
    });
    expect(regionsOfRiec('taskforce-riec-bz').sort()).toEqual(['OB', 'ZWB']);
  });

  it.each([
    ['an unknown region', { region: 'XX' }, 'region', 'UNKNOWN_REFERENCE', /ten region codes/],
    ["another RIEC's region", { region: 'DH' }, 'region', 'CONFLICT', /riec-nn draws pictures for NN; a picture of DH is for that region's RIEC/],
    ['a quarter for a period', { period: '2026-Q1' }, 'period', 'INVALID', /YYYY-H1 or YYYY-H2/],
    ['a period not yet begun', { period: '2027-H1' }, 'period', 'OUT_OF_RANGE', /has begun/],
    ['a period before 2000', { period: '1999-H2' }, 'period', 'OUT_OF_RANGE', /from 2000-H1/],
    ['an unknown theme', { theme: 'FRAUD' }, 'theme', 'UNKNOWN_REFERENCE', /"FRAUD" is not a known theme; use one of DRUG_LABS, CANNABIS_CULTIVATION/],
    ['an unknown classification', { classification: 'CRITICAL' }, 'classification', 'UNKNOWN_REFERENCE', /LIMITED, MODERATE, SERIOUS, SEVERE/],
    ['a negative count', withSignals({ police: -1 }), 'signalsBySource.police', 'OUT_OF_RANGE', /police must be at least 0; got -1/],
    ['a fractional count', withSignals({ business: 1.5 }), 'signalsBySource.business', 'INVALID', /whole number/],
    ['a missing count', withSignals({ municipality: null }), 'signalsBySource.municipality', 'REQUIRED', /municipality is required/],
    ['a total that is not the sum', { signalCount: 21 }, 'signalCount', 'INVALID', /sum of signalsBySource, 20; got 21/],
    ['an empty summary', { summary: '  ' }, 'summary', 'REQUIRED', /summary is required/],
    ['an e-mail address', { summary: 'Tips went to j.jansen@gemeente.nl this half-year.' }, 'summary', 'INVALID', /looks like an e-mail address/],
    ['a phone number', { summary: 'Call 06-12345678 for details.' }, 'summary', 'INVALID', /looks like a phone number/],
    ['an international phone number', { summary: 'Reached on +31 20 123 4567.' }, 'summary', 'INVALID', /phone number/],
    ['a form of address and a name', { summary: 'Dhr. Jansen runs the lab.' }, 'summary', 'INVALID', /form of address followed by a name/],
    ['a summary too long', { summary: 'x'.repeat(1001) }, 'summary', 'OUT_OF_RANGE', /at most 1000/],
  ])('refuse %s with the field path and code', (_, change, field, code, message) => {
    const { picture, errors } = checkPicture({ ...GOOD, ...change } as PictureInput, CONTEXT);
    expect(picture).toBeNull();
    expect(errors).toEqual([{ path: ['input', ...field.split('.')], code, message: expect.stringMatching(message) }]);
  });

  it('let counts, years and periods through: only nine digits in a row look like a phone number', () => {
    const summary = 'In 2025-H2 there were 120 signals (police 60, municipalities 40) in 2024 and 2025; 12 345 678 is no phone.';
    expect(checkPicture({ ...GOOD, summary }, CONTEXT).errors).toEqual([]);
  });

  it('check a withdrawal reason like a summary', () => {
    expect(checkWithdrawalReason('Drawn for the wrong half-year.')).toBeNull();
    expect(checkWithdrawalReason('')).toMatchObject({ path: ['reason'], code: 'REQUIRED' });
    expect(checkWithdrawalReason('Asked by mevr. De Vries')).toMatchObject({ path: ['reason'], code: 'INVALID' });
  });
});
