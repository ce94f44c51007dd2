// The KVO write rules as the importer calls them: the pure row check, and the database half over a whole batch.
import { migrateSubgraph, SITES, subgraphWrite, type DatabaseHandle } from '@vo/kit';
import { runImport } from '@vo/kit/import';
import { openTestDatabase } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifications } from '../src/db/schema.js';
import { certificationImport } from '../src/import/certifications.js';
import { kvoSubgraph } from '../src/subgraph.js';
import { checkCertificationReferences } from '../src/writes/references.js';
import { checkCertification, type CertificationInput } from '../src/writes/rules.js';

const park = SITES.find((site) => site.kind === 'BUSINESS_PARK')!;
const rural = SITES.find((site) => site.kind === 'RURAL_AREA')!;
const otherPark = SITES.find((site) => site.kind === 'BUSINESS_PARK' && site.id !== park.id)!;
const row = (input: Partial<CertificationInput>, path = ['rows', '0']) => {
  const result = checkCertification({ siteId: park.id, scheme: 'KVO_B', certifiedOn: '2020-03-02', ...input }, path);
  if (!result.row) throw new Error(JSON.stringify(result.errors));
  return result.row;
};

describe('checkCertification', () => {
  it('derives the stored row: place from the site, three years, kind, themes in order, id from scheme, site and year', () => {
    expect(row({ themes: ['NUISANCE', 'BURGLARY'] })).toEqual({
      id: `KVO-B-${park.id}-2020`, scheme: 'KVO_B', siteId: park.id, siteKind: 'BUSINESS_PARK', municipalityCode: park.municipalityCode,
      regionCode: park.regionCode, certifiedOn: '2020-03-02', validUntil: '2023-03-02', kind: 'FIRST', previousId: null,
      chainStartedOn: '2020-03-02', themes: ['BURGLARY', 'NUISANCE'], synthetic: false,
    });
    expect(row({ previousId: 'P' }).kind).toBe('RECERTIFICATION');
    expect(row({ siteId: rural.id, scheme: 'VEILIG_BUITENGEBIED', kind: 'RECERTIFICATION', certifiedOn: '2012-05-01' }).previousId).toBeNull();
  });

  it('reports every problem of a row at once, under the path it is given', () => {
    const { errors } = checkCertification({ siteId: rural.id, scheme: 'KVO_X', certifiedOn: '2021-13-01', kind: 'LATER', themes: ['GRAFFITI'] }, ['rows', '7']);
    expect(errors.map((error) => [error.path.join('.'), error.code])).toEqual([
      ['rows.7.scheme', 'INVALID'],
      ['rows.7.certifiedOn', 'INVALID'],
      ['rows.7.kind', 'INVALID'],
      ['rows.7.themes', 'INVALID'],
    ]);
    const missing = checkCertification({ siteId: ' ', scheme: '', certifiedOn: '' }, ['input']);
    expect(missing.errors.map((error) => [error.path.join('.'), error.code])).toEqual([
      ['input.siteId', 'REQUIRED'],
      ['input.scheme', 'REQUIRED'],
      ['input.certifiedOn', 'REQUIRED'],
    ]);
  });
});

describe('checkCertificationReferences', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
    await migrateSubgraph(handle, 'kvo', kvoSubgraph.migrationsFolder);
    await handle.db.insert(certifications).values(row({ certifiedOn: '2014-02-01' }));
  });
  afterAll(() => handle?.close());

  it('follows a chain through stored certificates and through the batch itself, in one statement', async () => {
    const renewal = row({ certifiedOn: '2017-02-02', previousId: `KVO-B-${park.id}-2014` });
    const next = row({ certifiedOn: '2020-02-03', previousId: renewal.id });
    const start = handle.statements.count;
    const { rows, errors } = await checkCertificationReferences(handle.db, [{ row: next, path: ['rows', '1'] }, { row: renewal, path: ['rows', '0'] }]);
    expect(handle.statements.count - start).toBe(1);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.id, r.chainStartedOn])).toEqual([[next.id, '2014-02-01'], [renewal.id, '2014-02-01']]);
  });

  it('finds duplicates and second renewals within the batch, naming the rows', async () => {
    const first = row({ certifiedOn: '2017-02-02', previousId: `KVO-B-${park.id}-2014` });
    const rival = { ...row({ certifiedOn: '2017-02-02', previousId: `KVO-B-${park.id}-2014` }), id: 'RIVAL' };
    const { errors } = await checkCertificationReferences(handle.db, [{ row: first, path: ['rows', '0'] }, { row: rival, path: ['rows', '1'] }]);
    expect(errors.map((error) => [error.path.join('.'), error.code])).toEqual([
      ['rows.0.previousId', 'CONFLICT'],
      ['rows.1.previousId', 'CONFLICT'],
      ['rows.1.certifiedOn', 'DUPLICATE'],
    ]);
  });

  it('applies the renewal rules of the importer, with its codes and messages', async () => {
    const stored = `KVO-B-${park.id}-2014`;
    const renewals: [string, string, string, string][] = [
      ['OTHER-SITE', otherPark.id, '2017-02-02', stored],
      ['EARLIER', park.id, '2013-05-01', stored],
      ['UNKNOWN', park.id, '2018-01-01', 'KVO-B-NOPE-2010'],
      ['SELF', park.id, '2019-01-01', 'SELF'],
      ['TWICE-1', park.id, '2017-03-01', stored],
      ['TWICE-2', park.id, '2017-04-01', stored],
    ];
    const batch = renewals.map(([id, siteId, certifiedOn, previousId], index) => ({ row: row({ id, siteId, certifiedOn, previousId }), path: [String(index)] }));
    const { errors } = await checkCertificationReferences(handle.db, batch);
    const file = ['Locatie;Keurmerk;Gecertificeerd op;Vorig certificaat;Certificaatnummer', ...renewals.map(([id, site, day, previous]) => `${site};KVO-B;${day};${previous};${id}`)];
    async function* bytes() {
      yield Buffer.from(file.join('\n'));
    }
    const viewer = { authenticated: true, subject: 'ccv-kvo-register', organisation: 'ccv', scopes: new Set([subgraphWrite('kvo')]) };
    const report = await runImport({ db: handle.db, spec: certificationImport, viewer, fileName: 'renewals.csv', source: bytes() });
    const imported = report.problems.filter((problem) => problem.column === 'Vorig certificaat').map((problem) => [problem.line! - 2, problem.code, problem.reason]);
    expect(imported).toEqual(errors.filter((error) => error.path[1] === 'previousId').map((error) => [Number(error.path[0]), error.code, error.message]));
    expect(imported.map(([, code]) => code)).toEqual(['CONFLICT', 'CONFLICT', 'UNKNOWN_REFERENCE', 'INVALID', 'CONFLICT', 'CONFLICT']);
  });
});
