// The scan rules as a file import will call them, row by row: pure functions, so no database here
// (writes.test.ts sends the same rules through the mutation and checks that a refusal writes nothing).
import { describe, expect, it } from 'vitest';
import { checkScan, checkScanBatch, MAX_BATCH, scanId, type ScanInput } from '../src/writes/rules.js';

const CONTEXT = { owner: 'dtc', today: '2026-11-23' };
const GOOD: ScanInput = {
  instrument: 'DTC_BASISSCAN', scannedOn: '2026-11-20', municipality: 'GM0014', sector: 'RETAIL', sizeClass: 'MICRO',
  companyRef: 'C-000123', governance: 50, awareness: 60, accessControl: 70, softwareUpdates: 40, backups: 55, incidentResponse: 65,
};

describe('the scan rules', () => {
  it('turn a valid scan into its row: region from the municipality, owner from the token, id from the natural key, not synthetic', () => {
    const { scan, errors } = checkScan(GOOD, ['scans', '0'], CONTEXT);
    expect(errors).toEqual([]);
    expect(scan).toMatchObject({
      id: 'CS-dtc-DTC_BASISSCAN-C-000123-2026-11-20', municipalityCode: 'GM0014', regionCode: 'NN',
      ownerOrganisation: 'dtc', submittedBy: null, synthetic: false, backups: 55,
    });
    expect(scanId({ owner: 'ccv', ...GOOD } as never)).toBe('CS-ccv-DTC_BASISSCAN-C-000123-2026-11-20');
  });

  it.each([
    ['an unknown instrument', { instrument: 'QUICKSCAN' }, 'instrument', 'UNKNOWN_REFERENCE', /"QUICKSCAN" is not a known instrument; use one of DTC_BASISSCAN, KVO_CYBER/],
    ['no instrument', { instrument: null }, 'instrument', 'REQUIRED', /instrument is required/],
    ['an unknown sector', { sector: 'MINING' }, 'sector', 'UNKNOWN_REFERENCE', /use one of RETAIL, HOSPITALITY/],
    ['an unknown size class', { sizeClass: 'HUGE' }, 'sizeClass', 'UNKNOWN_REFERENCE', /SOLO, MICRO, SMALL, MEDIUM/],
    ['an unknown municipality', { municipality: 'GM9999' }, 'municipality', 'UNKNOWN_REFERENCE', /GM9999.*CBS code/],
    ['a day in the future', { scannedOn: '2026-11-24' }, 'scannedOn', 'OUT_OF_RANGE', /never in the future/],
    ['a day before 2018', { scannedOn: '2017-12-31' }, 'scannedOn', 'OUT_OF_RANGE', /from 2018-01-01/],
    ['a day that does not exist', { scannedOn: '2025-02-30' }, 'scannedOn', 'INVALID', /YYYY-MM-DD/],
    ['a Dutch date', { scannedOn: '20-11-2026' }, 'scannedOn', 'INVALID', /YYYY-MM-DD/],
    ['a company name', { companyRef: 'Bakkerij Jansen BV' }, 'companyRef', 'INVALID', /pseudonymous reference.*never a company's or person's name/],
    ['an e-mail address', { companyRef: 'info@example.nl' }, 'companyRef', 'INVALID', /for example C-000123/],
    ['a KvK number', { companyRef: 'C-12345678' }, 'companyRef', 'INVALID', /KvK number/],
    ['no company', { companyRef: '' }, 'companyRef', 'REQUIRED', /companyRef is required/],
    ['an unknown submitter', { submittedBy: 'acme' }, 'submittedBy', 'UNKNOWN_REFERENCE', /"acme" is not a known organisation id/],
    ['a score above 100', { backups: 101 }, 'backups', 'OUT_OF_RANGE', /backups must be from 0 to 100; got 101/],
    ['a negative score', { governance: -1 }, 'governance', 'OUT_OF_RANGE', /from 0 to 100/],
    ['a fractional score', { awareness: 55.5 }, 'awareness', 'INVALID', /awareness must be a whole number; got 55.5/],
    ['a missing score', { incidentResponse: null }, 'incidentResponse', 'REQUIRED', /incidentResponse is required/],
  ])('refuse %s with the field path and code', (_, change, field, code, message) => {
    const { scan, errors } = checkScan({ ...GOOD, ...change } as ScanInput, ['scans', '3'], CONTEXT);
    expect(scan).toBeNull();
    expect(errors).toEqual([{ path: ['scans', '3', field], code, message: expect.stringMatching(message) }]);
  });

  it('never repeat a company reference that is refused, in case it is a name', () => {
    const { errors } = checkScan({ ...GOOD, companyRef: 'Jan de Vries' }, ['scans', '0'], CONTEXT);
    expect(errors[0].message).not.toContain('Vries');
  });

  it('report every problem of a batch at once, refuse a natural key sent twice, and return no rows then', () => {
    const batch = [GOOD, { ...GOOD, backups: 120 }, { ...GOOD, companyRef: 'C-000124' }, { ...GOOD, sector: 'OTHER' }];
    const { rows, errors } = checkScanBatch(batch, CONTEXT);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.path, e.code])).toEqual([[['scans', '1', 'backups'], 'OUT_OF_RANGE'], [['scans', '3'], 'DUPLICATE']]);
    expect(errors[1].message).toBe('Scan 3 repeats scan 0: the same instrument, companyRef and scannedOn make one scan.');
    expect(checkScanBatch([GOOD, { ...GOOD, companyRef: 'C-000124' }], CONTEXT).rows).toHaveLength(2);
  });

  it('refuse a batch larger than a call may carry', () => {
    const { errors } = checkScanBatch(Array.from({ length: MAX_BATCH + 1 }, () => GOOD), CONTEXT);
    expect(errors).toEqual([{ path: ['scans'], code: 'OUT_OF_RANGE', message: expect.stringMatching(/at most 1000 scans; got 1001/) }]);
  });
});
