import { ORGANISATIONS, REGION_CODES, REGIONS, RIEC_READ } from '@vo/kit';
import { startTestSubgraph, withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pictures } from '../src/db/schema.js';
import { PRODUCERS, THEMES } from '../src/seed/constants.js';
import { generatePictures } from '../src/seed/index.js';
import { riecSubgraph } from '../src/subgraph.js';

// Pictures are for RIEC analysts: these tests read them with a riec:read token (access.test.ts tries every role).
const { graphql, graphqlOk } = withToken({ scopes: [RIEC_READ] });

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(riecSubgraph);
});
afterAll(() => subgraph?.close());

describe('the riec subgraph', () => {
  it('serves its SDL for composition: the picture key, the Region extension and the access directives', async () => {
    const { _service } = await graphqlOk(subgraph.url, '{ _service { sdl } }');
    expect(_service.sdl).toMatch(/type UnderminingPicture\s+@key\(fields: "id"\)\s+@requiresScopes\(scopes: \[\["riec:read"\]\]\)/);
    expect(_service.sdl).toMatch(/type Region\s+@key\(fields: "code"\)/);
    expect(_service.sdl).toMatch(/underminingSignals\([^)]*\): \[UnderminingSignalYear!\] .*@requiresScopes\(scopes: \[\["riec:read"\], \["national:read"\]\]\)/s);
  });

  it('resolves every entity key through _entities, unknown keys as null, with region and RIEC as key stubs', async () => {
    const data = await graphqlOk(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on UnderminingPicture { id period periodStart periodEnd theme region { code } producer { id } synthetic }
        ... on Region { code underminingPictures(period: "2024-H1") { id } } } }`,
      { reps: [
        { __typename: 'UnderminingPicture', id: 'OB-2024-H2-DRUG_LABS' },
        { __typename: 'Region', code: 'NN' },
        { __typename: 'Region', code: 'AA' },
        { __typename: 'UnderminingPicture', id: 'AA-2024-H1-DRUG_LABS' },
        { __typename: 'Region', code: 'XX' },
      ] },
    );
    const [picture, north, amsterdam, ...missing] = data._entities;
    expect(picture).toEqual({
      id: 'OB-2024-H2-DRUG_LABS', period: '2024-H2', periodStart: '2024-07-01', periodEnd: '2024-12-31', theme: 'DRUG_LABS',
      region: { code: 'OB' }, producer: { id: 'taskforce-riec-bz' }, synthetic: true,
    });
    expect(north.underminingPictures.map((p: { id: string }) => p.id)).toEqual(THEMES.map((theme) => `NN-2024-H1-${theme}`).sort());
    // Amsterdam-Amstelland's RIEC shares no pictures with the hub in the sources: an empty list, not an error.
    expect(amsterdam).toEqual({ code: 'AA', underminingPictures: [] });
    expect(missing).toEqual([null, null]);
  });

  it('pages through pictures with filters, without gaps or repeats', async () => {
    const query = `query($after: String) { underminingPictures(first: 7, after: $after, region: "ZWB", year: 2023) {
      totalCount nodes { id year theme } pageInfo { hasNextPage endCursor } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const { underminingPictures }: any = await graphqlOk(subgraph.url, query, { after });
      ids.push(...underminingPictures.nodes.map((p: { id: string }) => p.id));
      for (const node of underminingPictures.nodes) expect(node.year).toBe(2023);
      if (!underminingPictures.pageInfo.hasNextPage) break;
      after = underminingPictures.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(2 * THEMES.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('ZWB-2023-'))).toBe(true);
    const themed = await graphqlOk(subgraph.url, '{ underminingPictures(theme: MOBILE_BANDITRY, period: "2025-H2", first: 100) { totalCount nodes { region { code } } } }');
    expect(themed.underminingPictures.totalCount).toBe(Object.keys(PRODUCERS).length);
  });

  it('adds up: a picture is the sum of its sources, a year the sum of its pictures', async () => {
    const data = await graphqlOk(subgraph.url, `{ _entities(representations: [{__typename: "Region", code: "DH"}]) { ... on Region {
      underminingPictures(year: 2022) { signalCount classification signalsBySource { source signalCount } }
      underminingSignals(from: 2017, to: 2022) { year pictureCount signalCount } } } }`);
    const [region] = data._entities;
    for (const picture of region.underminingPictures) {
      expect(picture.signalsBySource.map((s: { source: string }) => s.source)).toEqual(['POLICE', 'MUNICIPALITY', 'PUBLIC_PROSECUTION', 'BUSINESS']);
      expect(picture.signalsBySource.reduce((sum: number, s: { signalCount: number }) => sum + s.signalCount, 0)).toBe(picture.signalCount);
    }
    const total = region.underminingPictures.reduce((sum: number, p: { signalCount: number }) => sum + p.signalCount, 0);
    // DH's RIEC pictures start in 2019: earlier years are there, with no count rather than zero signals.
    expect(region.underminingSignals.slice(0, 2)).toEqual([{ year: 2017, pictureCount: 0, signalCount: null }, { year: 2018, pictureCount: 0, signalCount: null }]);
    expect(region.underminingSignals.at(-1)).toEqual({ year: 2022, pictureCount: 2 * THEMES.length, signalCount: total });
  });

  it('batches the Region extension: pictures and yearly signals of all ten regions in one statement each', async () => {
    const reps = REGION_CODES.map((code) => ({ __typename: 'Region', code }));
    const before = subgraph.database.statements.count;
    const data = await graphqlOk(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region {
      code underminingPictures(year: 2024, theme: DRUG_LABS) { id } underminingSignals(from: 2024, to: 2025) { signalCount } } } }`, { reps });
    expect(subgraph.database.statements.count - before).toBe(2);
    const withPictures = data._entities.filter((r: { underminingPictures: unknown[] }) => r.underminingPictures.length > 0);
    expect(withPictures.map((r: { code: string }) => r.code).sort()).toEqual(Object.keys(PRODUCERS).sort());
  });

  it('refuses bad arguments with BAD_USER_INPUT and unknown ids and regions with NOT_FOUND, saying what to send', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['{ underminingPictures(period: "2024-Q1") { totalCount } }', { code: 'BAD_USER_INPUT', argument: 'period' }, 'period must be a half-year written YYYY-H1 or YYYY-H2, for example 2024-H1; got "2024-Q1".'],
      ['{ underminingPictures(year: 2023, period: "2024-H1") { totalCount } }', { code: 'BAD_USER_INPUT', argument: 'period' }, 'period 2024-H1 is not in year 2023; give one of them, or both for the same year.'],
      ['{ underminingPictures(year: 1850) { totalCount } }', { code: 'BAD_USER_INPUT', argument: 'year' }, 'year must be a year from 2000 to 2100; got 1850.'],
      ['{ underminingPictures(first: 500) { totalCount } }', { code: 'BAD_USER_INPUT', argument: 'first' }, 'first must be between 0 and 100; got 500.'],
      ['{ underminingPictures(region: "QQ") { totalCount } }', { code: 'NOT_FOUND', region: 'QQ' }, 'Region "QQ" does not exist.'],
      ['{ underminingPicture(id: "drug labs") { id } }', { code: 'BAD_USER_INPUT', argument: 'id' }, 'id must be region code, half-year and theme, for example NN-2024-H1-DRUG_LABS; got "drug labs".'],
      ['{ underminingPicture(id: "AA-2024-H1-DRUG_LABS") { id } }', { code: 'NOT_FOUND' }, 'UnderminingPicture "AA-2024-H1-DRUG_LABS" does not exist.'],
      ['{ _entities(representations: [{__typename: "Region", code: "NN"}]) { ... on Region { underminingSignals(from: 2026, to: 2019) { year } } } }', { code: 'BAD_USER_INPUT', argument: 'from' }, 'from (2026) is after to (2019).'],
      ['{ _entities(representations: [{__typename: "Region", code: "NN"}]) { ... on Region { underminingPictures(period: "24-H1") { id } } } }', { code: 'BAD_USER_INPUT', argument: 'period' }, 'period must be a half-year written YYYY-H1 or YYYY-H2, for example 2024-H1; got "24-H1".'],
    ];
    for (const [query, extensions, message] of cases) {
      const result = await graphql(subgraph.url, query);
      expect(result.errors?.[0], query).toMatchObject({ message, extensions });
    }
  });

  it('generates the same synthetic pictures every time, names no one, and seeds idempotently', async () => {
    const rows = generatePictures();
    expect(rows).toEqual(generatePictures());
    const riecs = ORGANISATIONS.filter((o) => o.type === 'RIEC');
    const anyOf = (names: readonly string[]) => `(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
    // Every summary is one fixed sentence pattern: the RIEC's and the region's name, numbers and fixed words only.
    const pattern = new RegExp(
      `^Synthetic picture by ${anyOf(riecs.map((o) => o.name))} of (drug labs|cannabis cultivation|dumped drug waste|mobile banditry) in ${anyOf(REGIONS.map((r) => r.policeUnit))}, \\d{4}-H[12]: ` +
        '\\d+ signals \\(police \\d+, municipalities \\d+, public prosecution \\d+, business \\d+\\), ' +
        '(the first picture of this theme|(up|down) from \\d+ in \\d{4}-H[12]|as many as in \\d{4}-H[12])\\. Assessed (limited|moderate|serious|severe)\\.$',
    );
    for (const row of rows) {
      expect(row.synthetic).toBe(true);
      expect(riecs.map((o) => o.id)).toContain(row.producerId);
      expect(row.summary).toMatch(pattern);
      expect(row.summary).toContain(`: ${row.signalCount} signals (police ${row.policeSignals}, municipalities ${row.municipalitySignals}, public prosecution ${row.prosecutionSignals}, business ${row.businessSignals})`);
      expect(row.summary).toContain(`Assessed ${row.classification.toLowerCase()}.`);
    }
    const query = '{ underminingPictures(first: 0) { totalCount } _entities(representations: [{__typename: "Region", code: "OB"}]) { ... on Region { underminingSignals(from: 2020, to: 2026) { signalCount } } } }';
    const before = await graphqlOk(subgraph.url, query);
    await riecSubgraph.seed(subgraph.database.db);
    expect(await graphqlOk(subgraph.url, query)).toEqual(before);
    expect(before.underminingPictures.totalCount).toBe(rows.length);
    expect(await subgraph.database.db.$count(pictures)).toBe(rows.length);
  });
});
