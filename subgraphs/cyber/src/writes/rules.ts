import { inputError, isMunicipalityCode, MUNICIPALITIES, ORGANISATIONS, type InputError } from '@vo/kit';
import { InputChecks } from '@vo/kit';
import { DOMAINS, INSTRUMENTS, SECTORS, SIZE_CLASSES, type DomainColumn } from '../domain.js';
import type { ScanInsert } from '../db/schema.js';

/**
 * The domain rules of a submitted scan, in one place: pure and synchronous, so the mutation and a file import
 * check every row the same way. Each rule reports an InputError at the path of the field it concerns.
 */
export type ScanInput = {
  instrument?: string | null;
  scannedOn?: string | null;
  municipality?: string | null;
  sector?: string | null;
  sizeClass?: string | null;
  companyRef?: string | null;
  submittedBy?: string | null;
} & Partial<Record<DomainColumn, number | null>>;

/** Who submits (the token's org claim, checked by the scan_submitter policy) and what day it is (YYYY-MM-DD). */
export interface ScanRuleContext {
  owner: string;
  today: string;
}

/** The Digital Trust Center and its Basisscan date from 2018: no scan the hub holds is older. */
export const EARLIEST_SCAN = '2018-01-01';
/** At most this many scans per call; larger sets go through the file import. */
export const MAX_BATCH = 1000;
/** A pseudonym: C- and 6 to 32 digits or lowercase hex letters, the form the synthetic scans use (C-000123). */
const COMPANY_REF = /^C-[0-9a-f]{6,32}$/;
const KVK_NUMBER = /^C-\d{8}$/;
const regionOf = new Map(MUNICIPALITIES.map((municipality) => [municipality.code, municipality.regionCode]));
const ORGANISATION_IDS = ORGANISATIONS.map((organisation) => organisation.id);

/**
 * The scan's id, from its natural key: owner, instrument, company and day. One company scanned with one instrument
 * on one day is one scan, so submitting it again finds the same record; the owner is part of the key, so no partner
 * can overwrite another's scan. For example CS-dtc-DTC_BASISSCAN-C-000123-2026-11-20.
 */
export const scanId = (key: { owner: string; instrument: string; companyRef: string; scannedOn: string }) =>
  `CS-${key.owner}-${key.instrument}-${key.companyRef}-${key.scannedOn}`;

const COMPANY_FORM = 'a pseudonymous reference: C- and 6 to 32 digits or lowercase hex letters, for example C-000123 or C-9f86d081884c';

function scanDay(checks: InputChecks, value: unknown, today: string): string | null {
  const day = checks.date('scannedOn', value);
  if (day === null || (day >= EARLIEST_SCAN && day <= today)) return day;
  return checks.fail('scannedOn', 'OUT_OF_RANGE', `scannedOn must lie from ${EARLIEST_SCAN} to today (${today}), never in the future; got ${day}.`);
}

function municipalityOf(checks: InputChecks, value: unknown): string | null {
  const code = checks.text('municipality', value, { required: true, max: 10 });
  if (code === null || isMunicipalityCode(code)) return code;
  return checks.fail('municipality', 'UNKNOWN_REFERENCE', `municipality "${code}" is not a Dutch municipality's CBS code (for example GM0363).`);
}

/** The company must stay unidentifiable: the value is never echoed back, in case it is a name after all. */
function companyRefOf(checks: InputChecks, value: unknown): string | null {
  if (value == null || value === '') return checks.fail('companyRef', 'REQUIRED', `companyRef is required: ${COMPANY_FORM}.`);
  if (typeof value === 'string' && KVK_NUMBER.test(value)) {
    return checks.fail('companyRef', 'INVALID', `companyRef looks like a KvK number (8 digits), which identifies the company; send ${COMPANY_FORM}.`);
  }
  if (typeof value === 'string' && COMPANY_REF.test(value)) return value;
  return checks.fail('companyRef', 'INVALID', `companyRef must be ${COMPANY_FORM}; never a company's or person's name, e-mail address or KvK number (the value sent is not repeated here).`);
}

/** Checks one scan, reporting every problem at once; with none, the row to store (not synthetic: a partner's real result). */
export function checkScan(input: ScanInput, path: string[], context: ScanRuleContext): { scan: ScanInsert | null; errors: InputError[] } {
  const checks = new InputChecks(path);
  const instrument = checks.oneOf('instrument', input.instrument, INSTRUMENTS, 'instrument');
  const scannedOn = scanDay(checks, input.scannedOn, context.today);
  const municipality = municipalityOf(checks, input.municipality);
  const sector = checks.oneOf('sector', input.sector, SECTORS, 'sector');
  const sizeClass = checks.oneOf('sizeClass', input.sizeClass, SIZE_CLASSES, 'size class');
  const companyRef = companyRefOf(checks, input.companyRef);
  const submittedBy = checks.oneOf('submittedBy', input.submittedBy || null, ORGANISATION_IDS, 'organisation id', false);
  const scores = Object.fromEntries(DOMAINS.map(({ column }) => [column, checks.integer(column, input[column], { min: 0, max: 100 })]));
  if (!checks.ok) return { scan: null, errors: checks.errors };
  const scan: ScanInsert = {
    id: scanId({ owner: context.owner, instrument: instrument!, companyRef: companyRef!, scannedOn: scannedOn! }),
    instrument: instrument!,
    scannedOn: scannedOn!,
    municipalityCode: municipality!,
    regionCode: regionOf.get(municipality!)!,
    sector: sector!,
    sizeClass: sizeClass!,
    companyRef: companyRef!,
    submittedBy,
    ownerOrganisation: context.owner,
    ...(scores as Record<DomainColumn, number>),
    synthetic: false,
  };
  return { scan, errors: [] };
}

/** Checks a batch: every scan, the batch's size, and no natural key twice (the second would silently win). */
export function checkScanBatch(inputs: readonly ScanInput[], context: ScanRuleContext) {
  if (inputs.length > MAX_BATCH) {
    const error = inputError(['scans'], 'OUT_OF_RANGE', `A call submits at most ${MAX_BATCH} scans; got ${inputs.length}. Split the batch, or import a file.`);
    return { rows: [], errors: [error] };
  }
  const rows: ScanInsert[] = [];
  const errors: InputError[] = [];
  const firstIndex = new Map<string, number>();
  inputs.forEach((input, index) => {
    const result = checkScan(input, ['scans', String(index)], context);
    errors.push(...result.errors);
    if (!result.scan) return;
    const earlier = firstIndex.get(result.scan.id);
    if (earlier !== undefined) {
      errors.push(inputError(['scans', String(index)], 'DUPLICATE', `Scan ${index} repeats scan ${earlier}: the same instrument, companyRef and scannedOn make one scan.`));
    } else firstIndex.set(result.scan.id, index);
    rows.push(result.scan);
  });
  return { rows: errors.length ? [] : rows, errors };
}
