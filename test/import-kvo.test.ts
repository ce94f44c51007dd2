import { NATIONAL_READ, SITES, subgraphWrite, type Db } from '@vo/kit';
import { schemaChecksum } from '@vo/kit/import';
import { authHeaders, graphqlOk, withToken } from '@vo/kit/testing';
import { eq, sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../subgraphs/kvo/src/db/schema.js';
import { startHub, type Hub } from './support/hub.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let hub: Hub;
let db: Db;
let renewed: { id: string; siteId: string; chainStartedOn: string };
let firstImportId: string;
const asCertifier = withToken({ scopes: [subgraphWrite('kvo')], organisation: 'ccv' });
const historyOf = async (id: string) =>
  (await asCertifier.graphqlOk(hub.url, `{ certification(id: "${id}") { history { action importId changes { field after } } } }`)).certification.history;
const parks = SITES.filter((site) => site.kind === 'BUSINESS_PARK');
const shop = SITES.find((site) => site.kind === 'SHOPPING_AREA')!;

const HEADER_NL = 'Locatie;Keurmerk;Gecertificeerd op;Geldig tot;Soort;Vorig certificaat;Thema’s';
const rowsNl = () => [
  `${parks[0]!.id};KVO-B;10-01-2027;;eerste;;inbraak|brandveiligheid`,
  `${parks[1]!.id};KVO-B;11-1-2027;;;;`,
  `${shop.id};KVO-W;12/01/2027;;;;winkeldiefstal`,
  `${renewed.siteId};KVO-B;2027-01-15;;hercertificering;${renewed.id};cyber`,
];
const csv = (header: string, rows: string[]) => `${header}\r\n${rows.join('\r\n')}\r\n`;

async function upload(body: string | Buffer, headers: Record<string, string> = {}, subgraph = 'kvo') {
  const token = await authHeaders({ scopes: [subgraphWrite('kvo')], organisation: 'ccv' });
  const response = await fetch(`${hub.baseUrl}/import/${subgraph}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'x-file-name': 'certificaten.csv', ...token, ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Uploads a malformed file through the gateway: refused with the problem named, and not a byte of the kvo schema changed. */
async function expectRefused(body: string | Buffer, problem: Record<string, unknown>) {
  const before = await schemaChecksum(db, 'kvo');
  const answer = await upload(body);
  expect(answer.status).toBe(422);
  expect(answer.body.status).toBe('rejected');
  expect(answer.body.problems).toContainEqual(expect.objectContaining(problem));
  expect(await schemaChecksum(db, 'kvo')).toEqual(before);
  return answer.body;
}

function importCli(file: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const options = { cwd: ROOT, env: { ...process.env, HUB_URL: hub.baseUrl, HUB_TOKEN: '', ...env } };
    execFile(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--subgraph', 'kvo', file], options, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  hub = await startHub(['kvo']);
  db = hub.subgraphs.kvo!.database.db;
  const result = await db.execute(sql`
    select id, site_id as "siteId", chain_started_on::text as "chainStartedOn" from kvo.certification c
    where scheme = 'KVO_B' and withdrawn_on is null and not exists (select 1 from kvo.certification r where r.previous_id = c.id)
      and chain_started_on < certified_on
    order by certified_on desc, id limit 1`);
  renewed = (((result as { rows?: unknown[] }).rows ?? result) as (typeof renewed)[])[0]!;
});
afterAll(() => hub?.close());

describe('KVO certificate import through the gateway', () => {
  it('refuses callers without kvo:write, non-CSV bodies and unknown subgraphs in the error shape of the kit', async () => {
    expect(await upload('x', { authorization: '' })).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
    const analyst = await authHeaders({ scopes: [NATIONAL_READ] });
    const forbidden = await upload('x', analyst);
    expect(forbidden).toMatchObject({ status: 403, body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
    expect(forbidden.body.errors[0].message).toMatch(/kvo:write/);
    expect(await upload('x', { 'content-type': 'application/json' })).toMatchObject({ status: 415 });
    expect(await upload('x', {}, 'nosuch')).toMatchObject({ status: 404, body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] } });
  });

  it('imports a Dutch file with a BOM, completing a renewal\'s chain, visible through the gateway at once', async () => {
    const answer = await upload(Buffer.from(`\ufeff${csv(HEADER_NL, rowsNl())}`));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ status: 'imported', rows: 4, created: 4, updated: 0, unchanged: 0, encoding: 'utf-8' });
    firstImportId = answer.body.importId;
    const id = `KVO-B-${parks[0]!.id}-2027`;
    const data = await graphqlOk(hub.url, `{ certification(id: "${id}") { id scheme certifiedOn validUntil site { id } } }`);
    expect(data.certification).toEqual({ id, scheme: 'KVO_B', certifiedOn: '2027-01-10', validUntil: '2030-01-10', site: { id: parks[0]!.id } });
    const chain = await db.execute(sql`select chain_started_on::text as start, kind from kvo.certification where previous_id = ${renewed.id}`);
    expect((((chain as { rows?: unknown[] }).rows ?? chain) as unknown[])[0]).toEqual({ start: renewed.chainStartedOn, kind: 'RECERTIFICATION' });
  });

  it('treats the same file again as a no-op, which the audit log shows', async () => {
    const answer = await upload(csv(HEADER_NL, rowsNl()));
    expect(answer.body).toMatchObject({ status: 'imported', created: 0, updated: 0, unchanged: 4 });
    const entries = await db.select().from(audit).where(eq(audit.importId, Number(answer.body.importId)));
    expect(entries).toEqual([]);
    const [imported] = await db.select().from(audit).where(eq(audit.id, Number(answer.body.importId)));
    expect(imported).toMatchObject({ action: 'imported', organisation: 'ccv', changes: { rows: 4, created: 0, updated: 0, unchanged: 4 } });
    const history = await historyOf(`KVO-B-${parks[0]!.id}-2027`);
    expect(history.map((entry: { action: string; importId: string }) => [entry.action, entry.importId])).toEqual([['created', firstImportId]]);
  });

  it('takes an English comma-separated Windows-1252 file and updates exactly its changed row', async () => {
    const english = csv('site,scheme,certified on,valid until,kind,previous certificate,Thema’s', [
      `${parks[0]!.id},KVO_B,2027-01-10,,FIRST,,"BURGLARY,FIRE_SAFETY"`,
      `${parks[1]!.id},KVO_B,2027-01-11,,,,NUISANCE`,
      `${shop.id},KVO_W,2027-01-12,,,,SHOPLIFTING`,
      `${renewed.siteId},KVO_B,2027-01-15,,RECERTIFICATION,${renewed.id},CYBER`,
    ]);
    const answer = await upload(iconv.encode(english, 'win1252'));
    expect(answer.body).toMatchObject({ status: 'imported', encoding: 'windows-1252', created: 0, updated: 1, unchanged: 3 });
    const entries = await db.select().from(audit).where(eq(audit.importId, Number(answer.body.importId)));
    expect(entries.map((e) => [e.action, e.key, e.changes])).toEqual([['updated', `KVO-B-${parks[1]!.id}-2027`, { themes: [[], ['NUISANCE']] }]]);
    const history = await historyOf(`KVO-B-${parks[1]!.id}-2027`);
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['updated', 'created']);
    expect(history[0].changes).toEqual([{ field: 'themes', after: '["NUISANCE"]' }]);
  });

  it('names the fields in a certificate\'s history alike, whether the import or a mutation wrote them', async () => {
    const fieldsOf = (entry: { changes: { field: string }[] }) => entry.changes.map((change) => change.field).sort();
    const id = `KVO-B-${parks[1]!.id}-2027`;
    await asCertifier.graphqlOk(hub.url, `mutation { updateCertification(id: "${id}", input: { themes: [BURGLARY] }) { errors { code } } }`);
    const [byMutation, byImport, importCreated] = await historyOf(id);
    expect([byMutation.importId, byImport.importId, importCreated.action]).toEqual([null, expect.any(String), 'created']);
    expect([fieldsOf(byMutation), fieldsOf(byImport)]).toEqual([['themes'], ['themes']]);
    const input = { siteId: parks[4]!.id, scheme: 'KVO_B', certifiedOn: '2027-01-10', themes: ['BURGLARY'] };
    const created = await asCertifier.graphqlOk(hub.url, 'mutation($input: CertificationInput!) { createCertification(input: $input) { certification { id } } }', { input });
    const [mutationCreated] = await historyOf(created.createCertification.certification.id);
    expect(fieldsOf(importCreated)).toEqual(fieldsOf(mutationCreated));
  });

  it('keeps a withdrawal when the file is imported again: the file does not carry it, so it cannot undo it', async () => {
    const id = `KVO-B-${parks[0]!.id}-2027`;
    const withdrawn = await asCertifier.graphqlOk(hub.url,
      `mutation { withdrawCertification(id: "${id}", withdrawnOn: "2027-06-01", reason: "Site closed") { certification { status withdrawnOn } errors { path code message } } }`);
    expect(withdrawn.withdrawCertification).toMatchObject({ errors: [], certification: { withdrawnOn: '2027-06-01' } });
    const answer = await upload(csv(HEADER_NL, [rowsNl()[0]!]));
    expect(answer.body).toMatchObject({ status: 'imported', created: 0, updated: 0, unchanged: 1 });
    const { certification } = await asCertifier.graphqlOk(hub.url, `{ certification(id: "${id}") { status withdrawnOn } }`);
    expect(certification).toEqual(withdrawn.withdrawCertification.certification);
    const entries = await db.select().from(audit).where(eq(audit.importId, Number(answer.body.importId)));
    expect(entries.filter((entry) => entry.key === id)).toEqual([]);
  });

  it('refuses malformed files with a report, writing nothing', async () => {
    await expectRefused(iconv.encode(`\ufeff${csv(HEADER_NL, rowsNl())}`, 'utf16le'), { code: 'ENCODING' });
    await expectRefused(csv('Locatie;Gecertificeerd op', [`${parks[2]!.id};01-02-2027`]), { line: 1, code: 'MISSING_COLUMN' });
    await expectRefused(csv(`${HEADER_NL};Kleur`, [`${rowsNl()[0]};rood`]), { line: 1, code: 'UNKNOWN_COLUMN' });
    await expectRefused(csv(HEADER_NL, [`${rowsNl()[0]};extra`]), { line: 2, code: 'EXTRA_VALUES' });
    await expectRefused(csv(HEADER_NL, [`${parks[2]!.id};KVO-B;32-01-2027;;;;`]), { line: 2, column: 'Gecertificeerd op', value: '32-01-2027' });
    await expectRefused(csv(HEADER_NL, [`GM9999-BT01;KVO-B;01-02-2027;;;;`]), { line: 2, column: 'Locatie', code: 'UNKNOWN_REFERENCE' });
    const twice = `${parks[2]!.id};KVO-B;01-02-2027;;;;`;
    await expectRefused(csv(HEADER_NL, [twice, rowsNl()[1]!, twice]), { line: 4, code: 'DUPLICATE', column: 'Locatie, Keurmerk, Gecertificeerd op' });
    await expectRefused(csv(HEADER_NL, [`${parks[2]!.id};KVO-B;01-02-2027;;hercertificering;KVO-B-NOPE-2020;`]), { line: 2, column: 'Vorig certificaat', code: 'UNKNOWN_REFERENCE' });
    await expectRefused('', { code: 'EMPTY' });
    await expectRefused(`${csv(HEADER_NL, rowsNl())}${'x'.repeat(10 * 1024 * 1024)}\r\n`, { line: 6, code: 'TOO_LONG' });
  });

  it('imports from the command line: exit 0 when imported, 1 with the report when refused, 2 when it cannot run', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'vo-import-'));
    const good = join(folder, 'certificaten.csv');
    writeFileSync(good, csv(HEADER_NL, rowsNl()));
    const imported = await importCli(good);
    expect(imported, imported.stderr).toMatchObject({ code: 0 });
    expect(imported.stdout).toMatch(/^Imported .*certificaten\.csv: 4 rows, 0 created, 1 updated, 3 unchanged/);
    const bad = join(folder, 'fout.csv');
    writeFileSync(bad, csv(HEADER_NL, [`${parks[2]!.id};KVO-B;01-02-2027;;;;`, `${parks[3]!.id};KVO-X;01-02-2027;;;;`]));
    const refused = await importCli(bad);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`fout.csv:3 [Keurmerk] "KVO-X": "KVO-X" is not one of KVO_B, KVO_W, VEILIG_BUITENGEBIED, KVO_CYBER. (INVALID)`);
    expect((await importCli(join(folder, 'missing.csv'))).code).toBe(2);
    expect((await importCli(good, { HUB_URL: 'http://127.0.0.1:9' })).code).toBe(2);
  });
});
