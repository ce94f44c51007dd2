// The grant rules as an importer calls them, one row at a time: values the GraphQL types would already refuse
// (an unknown kind or theme, a malformed date, text where a number belongs) are refused here too, at their field.
import { describe, expect, it } from 'vitest';
import { checkCorrection, checkGrant } from '../src/writes/rules.js';
import { generateGrants } from '../src/seed/index.js';

const ROW = {
  funder: 'province-limburg', recipient: 'LB', purpose: 'structural', amountCents: 54_000_000, periodStart: '2029-01-01',
  periodEnd: '2031-12-31', kind: 'STRUCTURAL', description: 'Three-year grant from the province.',
};

describe('grant rules', () => {
  it('derive the id, budget year, funder category and recipient region of a valid row', () => {
    const { row, errors } = checkGrant(ROW);
    expect(errors).toEqual([]);
    expect(row).toMatchObject({
      id: '2029-province-limburg-lb-structural', year: 2029, funderCategory: 'PROVINCE', recipientRegionCode: 'LB',
      themes: [], earmarked: false, viaId: null, source: null, synthetic: false,
    });
  });

  it.each([
    ['an unknown kind', { kind: 'GIFT' }, 'kind', 'UNKNOWN_REFERENCE'],
    ['an unknown theme', { themes: ['CYBER', 'FRAUD'] }, 'themes.1', 'UNKNOWN_REFERENCE'],
    ['a date that does not exist', { periodStart: '2029-02-30' }, 'periodStart', 'INVALID'],
    ['a Dutch date left unparsed', { periodEnd: '31-12-2031' }, 'periodEnd', 'INVALID'],
    ['an amount in euros with a comma', { amountCents: '540.000,00' }, 'amountCents', 'INVALID'],
    ['a fraction of a cent', { amountCents: 10.5 }, 'amountCents', 'INVALID'],
    ['earmarked as text', { earmarked: 'ja' }, 'earmarked', 'INVALID'],
    ['a missing funder', { funder: undefined }, 'funder', 'REQUIRED'],
  ])('refuse %s at its field', (_, change, field, code) => {
    const { row, errors } = checkGrant({ ...ROW, ...change }, ['row']);
    expect(row).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ path: ['row', ...field.split('.')], code })]);
  });

  it('accept every seeded grant as it stands, so a correction of one is judged only on what it changes', () => {
    for (const grant of generateGrants()) {
      const row = { ...grant, viaId: grant.viaId ?? null, source: grant.source ?? null, recipientRegionCode: grant.recipientRegionCode ?? null };
      const { errors } = checkCorrection(row, { reason: 'Check' });
      expect(errors, grant.id).toEqual([]);
    }
  });
});
