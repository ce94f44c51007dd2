// The PVO rules as a pure function: the facts the sources give every platform today pass them, so an update is
// judged only on what it changes, and values the GraphQL types would already refuse are refused here too.
import { REGION_CODES } from '@vo/kit';
import { describe, expect, it } from 'vitest';
import { PVO_FACTS } from '../src/seed/pvos.js';
import { checkPvoUpdate, type PvoState } from '../src/writes/rules.js';

const stateOf = (code: (typeof REGION_CODES)[number]): PvoState => {
  const { regionName: _name, ...facts } = PVO_FACTS[code];
  return { regionCode: code, ...facts } as PvoState;
};

describe('PVO rules', () => {
  it.each(REGION_CODES)('accept the facts of %s as they stand', (code) => {
    expect(checkPvoUpdate(stateOf(code), {})).toEqual({ pvo: stateOf(code), errors: [] });
  });

  it.each([
    ['an unknown legal form', { legalForm: 'COOPERATIVE' }, 'legalForm', 'UNKNOWN_REFERENCE'],
    ['an unknown theme', { themes: ['CYBER', 'FRAUD'] }, 'themes.1', 'UNKNOWN_REFERENCE'],
    ['FTE as text', { managerFte: '0,8' }, 'managerFte', 'INVALID'],
    ['a start year with a fraction', { startedYear: 2019.5 }, 'startedYear', 'INVALID'],
    ['facts that are no list', { facts: 'A congress.' }, 'facts', 'INVALID'],
    ['business representation as text', { businessRepresented: 'ja' }, 'businessRepresented', 'INVALID'],
  ])('refuse %s at its field', (_, update, field, code) => {
    const { pvo, errors } = checkPvoUpdate(stateOf('NN'), update, ['row']);
    expect(pvo).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ path: ['row', ...field.split('.')], code })]);
  });
});
