import { ORGANISATIONS, readTypeDefs, type InputError } from '@vo/kit';
import { enumValues, InputChecks } from '@vo/kit';
import type { GrantInsert, GrantRow } from '../db/schema.js';
import { funderCategory, grantId, partyKindOf, partyOf, regionOf, type Party } from '../parties.js';

/*
 * Every rule a grant must meet, for a mutation and for an import row alike: pure and synchronous, and every
 * problem reported at once with its field path. Nothing here reads the database; whether the id is taken is
 * the writer's question (writes/grants.ts).
 */

const SDL = readTypeDefs(new URL('../schema.graphql', import.meta.url));
export const GRANT_KINDS = enumValues(SDL, 'GrantKind');
export const THEMES = enumValues(SDL, 'Theme');
const ORGANISATION_IDS = ORGANISATIONS.map((o) => o.id);

/** EUR 100 million: far above any grant in the network, so a slip of the decimal comma is refused. */
export const MAX_AMOUNT_CENTS = 10_000_000_000;
/** A period spans at most this many budget years (the regions ask for 2 to 5 years of certainty). */
export const MAX_PERIOD_YEARS = 10;
const PURPOSE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a funder sends for a new grant (recordGrant's input, or one import row); values are unchecked. */
export interface GrantInput {
  funder?: unknown;
  recipient?: unknown;
  purpose?: unknown;
  via?: unknown;
  amountCents?: unknown;
  periodStart?: unknown;
  periodEnd?: unknown;
  year?: unknown;
  kind?: unknown;
  themes?: unknown;
  earmarked?: unknown;
  description?: unknown;
  source?: unknown;
}

/** A correction: any of the grant's terms (not its funder, recipient or purpose), and why. */
export type GrantCorrection = Omit<GrantInput, 'funder' | 'recipient' | 'purpose' | 'year'> & { reason?: unknown };

export interface Checked<T> {
  row: T | null;
  errors: InputError[];
}

function party(checks: InputChecks, field: string, value: unknown): Party | null {
  const id = checks.text(field, value, { required: true, max: 60 });
  if (id === null) return null;
  return partyOf(id) ?? checks.fail(field, 'UNKNOWN_REFERENCE',
    `${partyKindOf(id)} "${id}" does not exist: use an organisation id (jenv), a region code for its PVO (MN) or a CBS municipality code (GM0344).`);
}

function purposeOf(checks: InputChecks, value: unknown): string | null {
  const purpose = checks.text('purpose', value, { required: true, max: 40 });
  if (purpose === null || PURPOSE.test(purpose)) return purpose;
  return checks.fail('purpose', 'INVALID', `purpose is a short name in lowercase letters, digits and hyphens, such as safety-week; got ${JSON.stringify(purpose)}.`);
}

/** The period and its budget year, the year the period starts. */
function period(checks: InputChecks, input: GrantInput) {
  const periodStart = checks.date('periodStart', input.periodStart);
  const periodEnd = checks.date('periodEnd', input.periodEnd);
  if (periodStart === null || periodEnd === null) return null;
  if (periodEnd < periodStart) return checks.fail('periodEnd', 'OUT_OF_RANGE', `periodEnd (${periodEnd}) is before periodStart (${periodStart}).`);
  const year = Number(periodStart.slice(0, 4));
  if (Number(periodEnd.slice(0, 4)) - year >= MAX_PERIOD_YEARS) {
    return checks.fail('periodEnd', 'OUT_OF_RANGE', `A grant covers at most ${MAX_PERIOD_YEARS} budget years; ${periodStart} to ${periodEnd} is more.`);
  }
  if (input.year != null && input.year !== year) {
    return checks.fail('year', 'CONFLICT', `year must be ${year}: a grant counts in the budget year its period starts (${periodStart}); got ${JSON.stringify(input.year)}.`);
  }
  return { periodStart, periodEnd, year };
}

/** Amount, kind, themes, earmark, via and texts: what a new grant and a correction share. */
function terms(checks: InputChecks, input: GrantInput) {
  const themes = checks.distinct('themes', input.themes, THEMES, 'theme');
  // Themes are what the money is earmarked for, so a grant with themes is earmarked.
  const earmarked = input.earmarked == null ? themes.length > 0 : checks.boolean('earmarked', input.earmarked);
  if (earmarked === false && themes.length > 0) {
    checks.fail('earmarked', 'CONFLICT', 'A grant with themes is earmarked for them: set earmarked to true, or leave out the themes.');
  }
  return {
    amountCents: checks.integer('amountCents', input.amountCents, { min: 0, max: MAX_AMOUNT_CENTS }),
    kind: checks.oneOf('kind', input.kind, GRANT_KINDS, 'grant kind'),
    themes,
    earmarked,
    viaId: checks.oneOf('via', input.via, ORGANISATION_IDS, 'organisation id', false),
    description: checks.text('description', input.description, { required: true, max: 500 }),
    source: checks.text('source', input.source, { max: 200 }),
  };
}

type Found = ReturnType<typeof terms>;
type Terms = { [K in keyof Found]: K extends 'viaId' | 'source' ? Found[K] : NonNullable<Found[K]> } & { periodStart: string; periodEnd: string; year: number };
/** Whether every required term was accepted (via and source may be empty). */
const complete = (found: Record<string, unknown>): found is Terms =>
  !Object.entries(found).some(([field, value]) => value == null && field !== 'viaId' && field !== 'source');

/** A new grant from a partner: checked, with its derived columns (id, category, region); never synthetic. */
export function checkGrant(input: GrantInput, base: readonly string[] = ['input']): Checked<GrantInsert> {
  const checks = new InputChecks(base);
  const funder = party(checks, 'funder', input.funder);
  const recipient = party(checks, 'recipient', input.recipient);
  if (funder && recipient && funder.id === recipient.id) checks.fail('recipient', 'INVALID', 'The recipient is the funder: a grant goes from one party to another.');
  const purpose = purposeOf(checks, input.purpose);
  const found = { ...terms(checks, input), ...period(checks, input) };
  if (!checks.ok || !funder || !recipient || !purpose || !complete(found)) return { row: null, errors: checks.errors };
  const row: GrantInsert = {
    id: grantId(found.year, funder, recipient, purpose),
    funderType: funder.type,
    funderId: funder.id,
    funderCategory: funderCategory(funder),
    recipientType: recipient.type,
    recipientId: recipient.id,
    recipientRegionCode: regionOf(recipient),
    ...found,
    synthetic: false,
  };
  return { row, errors: [] };
}

/** A grant's terms as input, so a correction is checked by the same rules as a new grant. */
const termsOf = (grant: GrantRow): GrantInput => ({
  via: grant.viaId, amountCents: grant.amountCents, periodStart: grant.periodStart, periodEnd: grant.periodEnd,
  kind: grant.kind, themes: grant.themes, earmarked: grant.earmarked, description: grant.description, source: grant.source,
});

/**
 * A correction of `grant`: the grant with the corrected terms, checked, and the reason. The budget year is part of
 * the id, so a correction keeps it. A corrected amount is the partner's, so the row is no longer synthetic.
 */
export function checkCorrection(grant: GrantRow, patch: GrantCorrection, base: readonly string[] = ['input']): Checked<GrantRow> & { reason: string | null } {
  const checks = new InputChecks(base);
  const reason = checks.text('reason', patch.reason, { required: true, max: 500 });
  const given = Object.fromEntries(Object.entries(patch).filter(([field, value]) => value !== undefined && field !== 'reason'));
  // Correcting the themes without the earmark lets the earmark follow the themes, as for a new grant.
  const merged = { ...termsOf(grant), ...('themes' in given && !('earmarked' in given) ? { earmarked: undefined } : {}), ...given };
  const found = { ...terms(checks, merged), ...period(checks, merged) };
  if (found.year != null && found.year !== grant.year) {
    checks.fail('periodStart', 'CONFLICT', `A correction keeps the budget year ${grant.year}, which is part of the grant's id (${grant.id}); record a new grant for another year.`);
  }
  if (!checks.ok || !complete(found)) return { row: null, errors: checks.errors, reason };
  const synthetic = grant.synthetic && found.amountCents === grant.amountCents;
  return { row: { ...grant, ...found, synthetic }, errors: [], reason };
}
