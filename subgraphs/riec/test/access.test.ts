// Who sees what of the RIEC's pictures, asked of the subgraph directly (the gateway forwards the same token, and
// test/security-matrix.test.ts repeats this through the gateway): pictures need riec:read; the yearly signals per
// region riec:read or national:read; a regional dashboard, a partner organisation and anonymous callers get neither.
import { NATIONAL_READ, regionRead, RIEC_READ } from '@vo/kit';
import { graphql, startTestSubgraph, withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riecSubgraph } from '../src/subgraph.js';

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(riecSubgraph);
});
afterAll(() => subgraph?.close());

const CALLERS = {
  anonymous: { graphql },
  national: withToken({ scopes: [NATIONAL_READ] }),
  riec: withToken({ scopes: [RIEC_READ] }),
  regionNN: withToken({ scopes: [regionRead('NN')] }),
  partner: withToken({ scopes: [], organisation: 'riec-nn' }),
  allButRiec: withToken({ scopes: [NATIONAL_READ, regionRead('NN'), 'riec:write', 'registry:publish:riec'], organisation: 'riec-nn' }),
};
type Caller = keyof typeof CALLERS;

/** One way to each restricted field, and the data it must give to a caller who may see it. */
const FIELDS = {
  pictures: '{ underminingPictures(region: "NN", year: 2024) { totalCount } }',
  picture: '{ underminingPicture(id: "NN-2024-H1-DRUG_LABS") { summary } }',
  regionPictures: '{ _entities(representations: [{__typename: "Region", code: "NN"}]) { ... on Region { underminingPictures(period: "2024-H1") { classification } } } }',
  // _entities returns the picture itself: its type-level directive guards every field, so the key is no way round.
  pictureEntity: '{ _entities(representations: [{__typename: "UnderminingPicture", id: "NN-2024-H1-DRUG_LABS"}]) { ... on UnderminingPicture { id summary signalCount } } }',
  signals: '{ _entities(representations: [{__typename: "Region", code: "NN"}]) { ... on Region { underminingSignals(from: 2024, to: 2025) { year signalCount } } } }',
};
type Field = keyof typeof FIELDS;

const MAY_SEE: Record<Field, Caller[]> = {
  pictures: ['riec'],
  picture: ['riec'],
  regionPictures: ['riec'],
  pictureEntity: ['riec'],
  signals: ['riec', 'national', 'allButRiec'],
};

describe('access to the undermining pictures', () => {
  it.each(Object.keys(FIELDS) as Field[])('%s: each caller gets exactly what it may', async (field) => {
    for (const caller of Object.keys(CALLERS) as Caller[]) {
      const result = await CALLERS[caller].graphql(subgraph.url, FIELDS[field]);
      const codes = result.errors?.map((e) => e.extensions?.code);
      if (MAY_SEE[field].includes(caller)) {
        expect({ caller, codes }).toEqual({ caller, codes: undefined });
        expect(JSON.stringify(result.data), caller).not.toMatch(/null/);
      } else {
        expect({ caller, codes: [...new Set(codes)] }).toEqual({ caller, codes: ['FORBIDDEN'] });
        // Nothing of a picture leaks: no summary, count or classification anywhere in the answer.
        expect(JSON.stringify(result.data ?? {}), caller).not.toMatch(/summary|classification|signalCount"?:\s*\d|totalCount"?:\s*\d/);
      }
    }
  });

  it('names the scope that would allow it', async () => {
    const picture = await CALLERS.national.graphql(subgraph.url, FIELDS.picture);
    expect(picture.errors?.[0]).toMatchObject({ message: 'This field needs the scope riec:read.', path: ['underminingPicture'] });
    const signals = await CALLERS.regionNN.graphql(subgraph.url, FIELDS.signals);
    expect(signals.errors?.[0].message).toBe('This field needs the scope riec:read, or national:read.');
  });

  it('refuses an expired or forged token as UNAUTHENTICATED, not as anonymous', async () => {
    const forged = await graphql(subgraph.url, FIELDS.signals, undefined, { authorization: 'Bearer not.a.token' });
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(forged.data?._entities).toBeUndefined();
  });
});
