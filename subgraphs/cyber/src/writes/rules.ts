import { inputError, isMunicipalityCode, isOrganisationKnown, MUNICIPALITIES, type InputError } from '@vo/kit';
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
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const regionOf = new Map(MUNICIPALITIES.map((municipality) => [municipality.code, municipality.regionCode]));

/**
 * The scan's id, from its natural key: owner, instrument, company and day. One company scanned with one instrument
 * on one day is one scan, so submitting it again finds the same record; the owner is part of the key, so no partner
 * can overwrite another's scan. For example CS-dtc-DTC_BASISSCAN-C-000123-2026-11-20.
 */
export const scanId = (key: { owner: string; instrument: string; companyRef: string; scannedOn: string }) =>
  `CS-${key.owner}-${key.instrument}-${key.companyRef}-${key.scannedOn}`;

const isRealDate = (value: string) => ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

function known(value: string | null | undefined, allowed: readonly string[], path: string[]): InputError | null {
  const field = path.at(-1)!;
  if (value == null || value === '') return inputError(path, 'REQUIRED', `${field} is required: one of ${allowed.join(', ')}.`);
  if (allowed.includes(value)) return null;
  return inputError(path, 'INVALID', `${field} must be one of ${allowed.join(', ')}; got "${value}".`);
}

function placeAndDay(input: ScanInput, at: (field: string) => string[], today: string): (InputError | null)[] {
  const { municipality, scannedOn } = input;
  const place = !municipality
    ? inputError(at('municipality'), 'REQUIRED', 'municipality is required: a CBS municipality code, for example GM0363.')
    : isMunicipalityCode(municipality)
      ? null
      : inputError(at('municipality'), 'UNKNOWN_REFERENCE', `municipality "${municipality}" is not a Dutch municipality's CBS code (for example GM0363).`);
  let day: InputError | null = null;
  if (!scannedOn) day = inputError(at('scannedOn'), 'REQUIRED', 'scannedOn is required: the day of the scan, YYYY-MM-DD.');
  else if (!isRealDate(scannedOn)) day = inputError(at('scannedOn'), 'INVALID', `scannedOn must be a date written YYYY-MM-DD; got "${scannedOn}".`);
  else if (scannedOn < EARLIEST_SCAN || scannedOn > today) {
    day = inputError(at('scannedOn'), 'OUT_OF_RANGE', `scannedOn must lie from ${EARLIEST_SCAN} to today (${today}), never in the future; got ${scannedOn}.`);
  }
  return [place, day];
}

/** The company must stay unidentifiable: the value is never echoed back, in case it is a name after all. */
function company(input: ScanInput, at: (field: string) => string[]): (InputError | null)[] {
  const form = 'a pseudonymous reference: C- and 6 to 32 digits or lowercase hex letters, for example C-000123 or C-9f86d081884c';
  const { companyRef, submittedBy } = input;
  const ref = !companyRef
    ? inputError(at('companyRef'), 'REQUIRED', `companyRef is required: ${form}.`)
    : KVK_NUMBER.test(companyRef)
      ? inputError(at('companyRef'), 'INVALID', `companyRef looks like a KvK number (8 digits), which identifies the company; send ${form}.`)
      : COMPANY_REF.test(companyRef)
        ? null
        : inputError(at('companyRef'), 'INVALID', `companyRef must be ${form}; never a company's or person's name, e-mail address or KvK number (the value sent is not repeated here).`);
  const submitter =
    submittedBy && !isOrganisationKnown(submittedBy)
      ? inputError(at('submittedBy'), 'UNKNOWN_REFERENCE', `submittedBy "${submittedBy}" is not an organisation of the hub (an organisation id, for example dtc).`)
      : null;
  return [ref, submitter];
}

function scores(input: ScanInput, at: (field: string) => string[]): (InputError | null)[] {
  return DOMAINS.map(({ column }) => {
    const score = input[column];
    if (score == null) return inputError(at(column), 'REQUIRED', `${column} is required: a whole number from 0 to 100.`);
    if (Number.isInteger(score) && score >= 0 && score <= 100) return null;
    return inputError(at(column), 'OUT_OF_RANGE', `${column} must be a whole number from 0 to 100; got ${score}.`);
  });
}

/** Checks one scan; with no errors, the row to store (not synthetic: a partner's real result). */
export function checkScan(input: ScanInput, path: string[], context: ScanRuleContext): { scan: ScanInsert | null; errors: InputError[] } {
  const at = (field: string) => [...path, field];
  const errors = [
    known(input.instrument, INSTRUMENTS, at('instrument')),
    ...placeAndDay(input, at, context.today),
    known(input.sector, SECTORS, at('sector')),
    known(input.sizeClass, SIZE_CLASSES, at('sizeClass')),
    ...company(input, at),
    ...scores(input, at),
  ].filter((error): error is InputError => error !== null);
  if (errors.length) return { scan: null, errors };
  const valid = input as { [field in keyof ScanInput]-?: NonNullable<ScanInput[field]> };
  const scoreColumns = Object.fromEntries(DOMAINS.map(({ column }) => [column, valid[column]])) as Record<DomainColumn, number>;
  const scan: ScanInsert = {
    id: scanId({ owner: context.owner, ...valid }),
    instrument: valid.instrument,
    scannedOn: valid.scannedOn,
    municipalityCode: valid.municipality,
    regionCode: regionOf.get(valid.municipality)!,
    sector: valid.sector,
    sizeClass: valid.sizeClass,
    companyRef: valid.companyRef,
    submittedBy: input.submittedBy || null,
    ownerOrganisation: context.owner,
    ...scoreColumns,
    synthetic: false,
  };
  return { scan, errors };
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
