import { MIN_YEAR, SITES, inputError, isIsoDate, today, type InputError, type SiteRecord } from '@vo/kit';
import type { CertificationInsert } from '../db/schema.js';
import {
  KINDS, NEW_THEMES, NEW_THEMES_FROM, REGISTER_FROM_YEAR, SCHEMES, SITE_KIND_OF, THEMES, VALIDITY_YEARS,
  addYears, certificationId, validUntilOf, type Scheme,
} from '../domain.js';

/** A certificate as a partner writes it, by mutation or by a row of an import file. */
export interface CertificationInput {
  id?: string | null;
  siteId: string;
  scheme: string;
  certifiedOn: string;
  validUntil?: string | null;
  kind?: string | null;
  previousId?: string | null;
  themes?: string[] | null;
}

const SITE_BY_ID = new Map(SITES.map((site) => [site.id, site]));
const ID_FORMAT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
const FIRST_DAY = `${MIN_YEAR}-01-01`;

/** Null for a sensible day: a real date from 2000 up to a year from today. The KVO started in 2005. */
export function dateProblem(value: string, path: string[]): InputError | null {
  if (!isIsoDate(value)) return inputError(path, 'INVALID', `"${value}" is not a date; write it as YYYY-MM-DD, for example 2024-03-15.`);
  const latest = addYears(today(), 1);
  if (value < FIRST_DAY) return inputError(path, 'OUT_OF_RANGE', `${value} lies before ${MIN_YEAR}; the KVO started in 2005.`);
  if (value > latest) return inputError(path, 'OUT_OF_RANGE', `${value} lies more than a year ahead (after ${latest}); write the day it happened.`);
  return null;
}

type Problems = InputError[];
const REQUIRED: Record<'siteId' | 'scheme' | 'certifiedOn', string> = {
  siteId: 'the id of the certified site, such as GM0363-BT01',
  scheme: `the quality mark: ${SCHEMES.join(', ')}`,
  certifiedOn: 'the day the certificate was issued, as YYYY-MM-DD',
};

function checkSiteAndScheme(input: CertificationInput, at: (field: string) => string[], errors: Problems): SiteRecord | undefined {
  const site = SITE_BY_ID.get(input.siteId);
  if (!site) errors.push(inputError(at('siteId'), 'UNKNOWN_REFERENCE', `Site "${input.siteId}" does not exist; use a site id such as GM1876-BG01.`));
  if (!SCHEMES.includes(input.scheme as Scheme)) {
    errors.push(inputError(at('scheme'), 'INVALID', `"${input.scheme}" is not a scheme; use one of ${SCHEMES.join(', ')}.`));
  } else if (site && SITE_KIND_OF[input.scheme as Scheme] !== site.kind) {
    const wanted = SITE_KIND_OF[input.scheme as Scheme];
    errors.push(inputError(at('scheme'), 'INVALID', `${input.scheme} certifies a ${wanted}; site ${site.id} is a ${site.kind}.`));
  }
  return site;
}

/** The stated or default last valid day, after certifiedOn and at most three years on. */
function checkValidUntil(input: CertificationInput, at: (field: string) => string[], errors: Problems): string | undefined {
  const standard = validUntilOf(input.certifiedOn);
  if (input.validUntil == null) return standard;
  const problem = dateProblem(input.validUntil, at('validUntil'));
  if (problem && problem.code === 'INVALID') return void errors.push(problem);
  if (input.validUntil <= input.certifiedOn) {
    return void errors.push(inputError(at('validUntil'), 'OUT_OF_RANGE', `validUntil (${input.validUntil}) must come after certifiedOn (${input.certifiedOn}).`));
  }
  if (input.validUntil > standard) {
    const reason = `a certificate is valid for at most ${VALIDITY_YEARS} years: from ${input.certifiedOn} until ${standard} at the latest`;
    return void errors.push(inputError(at('validUntil'), 'OUT_OF_RANGE', `validUntil (${input.validUntil}) is too late; ${reason}.`));
  }
  return input.validUntil;
}

/**
 * FIRST or RECERTIFICATION, defaulting by whether a previous certificate is named. A renewal names it, unless it
 * was issued before the register begins (a renewal before 2014 may renew a certificate from before 2011).
 */
function checkKind(input: CertificationInput, at: (field: string) => string[], errors: Problems): string | undefined {
  const previousId = input.previousId ?? null;
  const kind = input.kind ?? (previousId ? 'RECERTIFICATION' : 'FIRST');
  if (!KINDS.includes(kind as (typeof KINDS)[number])) {
    return void errors.push(inputError(at('kind'), 'INVALID', `"${kind}" is not a kind; use FIRST or RECERTIFICATION.`));
  }
  const predecessorRecorded = input.certifiedOn >= `${REGISTER_FROM_YEAR + VALIDITY_YEARS}-01-01`;
  if (kind === 'RECERTIFICATION' && !previousId && predecessorRecorded) {
    errors.push(inputError(at('previousId'), 'REQUIRED', 'A recertification names the certificate it renews (previousId).'));
  }
  if (kind === 'FIRST' && previousId) {
    errors.push(inputError(at('previousId'), 'INVALID', 'A first certification renews nothing: leave previousId empty, or set kind RECERTIFICATION.'));
  }
  return kind;
}

/** Known themes, in the order of Theme; cyber and ondermijning only from 2016. */
function checkThemes(input: CertificationInput, at: (field: string) => string[], errors: Problems): string[] {
  const given = new Set(input.themes ?? []);
  for (const theme of given) {
    if (!THEMES.includes(theme as (typeof THEMES)[number])) {
      errors.push(inputError(at('themes'), 'INVALID', `"${theme}" is not a theme; use any of ${THEMES.join(', ')}.`));
    } else if ((NEW_THEMES as readonly string[]).includes(theme) && input.certifiedOn < `${NEW_THEMES_FROM}-01-01`) {
      errors.push(inputError(at('themes'), 'OUT_OF_RANGE', `${theme} became a KVO theme in ${NEW_THEMES_FROM}; this certificate is from ${input.certifiedOn}.`));
    }
  }
  return THEMES.filter((theme) => given.has(theme));
}

function checkId(input: CertificationInput, at: (field: string) => string[], errors: Problems): string {
  if (input.id == null) return certificationId(input.scheme as Scheme, input.siteId, input.certifiedOn);
  if (!ID_FORMAT.test(input.id)) {
    errors.push(inputError(at('id'), 'INVALID', `"${input.id}" is not an id: 1 to 80 letters, digits, dots, dashes or underscores.`));
  }
  return input.id;
}

/**
 * Pure, synchronous (reference data is in the kit): the row to store, or the problems with their paths under `path`.
 * What needs the database (the previous certificate exists, is of the same site and scheme, and gives the chain's
 * start) is `checkCertificationReferences` in references.ts, which completes `chainStartedOn` of recertifications.
 */
export function checkCertification(
  input: CertificationInput,
  path: string[],
): { row: CertificationInsert; errors: [] } | { row?: undefined; errors: InputError[] } {
  const at = (field: string) => [...path, field];
  const missing = (Object.keys(REQUIRED) as (keyof typeof REQUIRED)[]).filter((field) => !input[field]?.trim());
  if (missing.length > 0) return { errors: missing.map((field) => inputError(at(field), 'REQUIRED', `${field} is required: ${REQUIRED[field]}.`)) };
  const errors: Problems = [];
  const site = checkSiteAndScheme(input, at, errors);
  const certifiedProblem = dateProblem(input.certifiedOn, at('certifiedOn'));
  if (certifiedProblem) errors.push(certifiedProblem);
  const validUntil = certifiedProblem ? undefined : checkValidUntil(input, at, errors);
  const kind = checkKind(input, at, errors);
  const themes = checkThemes(input, at, errors);
  const id = checkId(input, at, errors);
  if (errors.length > 0 || !site || !validUntil || !kind) return { errors };
  const row: CertificationInsert = {
    id,
    scheme: input.scheme,
    siteId: site.id,
    siteKind: site.kind,
    municipalityCode: site.municipalityCode,
    regionCode: site.regionCode,
    certifiedOn: input.certifiedOn,
    validUntil,
    kind,
    previousId: input.previousId ?? null,
    chainStartedOn: input.certifiedOn,
    themes,
    synthetic: false,
  };
  return { row, errors: [] };
}
