import { ORGANISATIONS, readTypeDefs, type InputError } from '@vo/kit';
import { enumValues, InputChecks } from '@vo/kit';
import type { pvos } from '../db/schema.js';

/*
 * What a PVO's facts must be when the network updates them: pure and synchronous, every problem reported at once
 * with its field path. The region's code and name, the platform's name and the 2019 report's figures (annex stars,
 * municipality count) are history, not facts that change, so an update cannot touch them.
 */

const SDL = readTypeDefs(new URL('../schema.graphql', import.meta.url));
const LEGAL_FORMS = enumValues(SDL, 'PvoLegalForm');
const ORIENTATIONS = enumValues(SDL, 'PvoOrientation');
const THEMES = enumValues(SDL, 'Theme');
const ORGANISATION_IDS = ORGANISATIONS.map((o) => o.id);

/** Manager capacity: from a few hours a week to two full-time people. */
export const MANAGER_FTE = { min: 0.05, max: 2 };
/** CCV adviser time in half days, at most a working week. */
export const ADVISER_DAYS = { min: 0.5, max: 5, step: 0.5 };
/** The RPCs, the PVOs' predecessors, go back to the 1990s; NH's foundation dates from 2007. */
export const STARTED_YEARS = { min: 1990, max: 2100 };
export const MAX_FACTS = 30;
export const MAX_PARTNERS = 60;

export type PvoRow = typeof pvos.$inferSelect;
/** A PVO as an update sees it: its row and its partners' organisation ids. */
export type PvoState = PvoRow & { partners: string[] };

/** The facts that change, as updatePvo takes them; values are unchecked, and only given fields change. */
export interface PvoUpdate {
  legalForm?: unknown;
  formDescription?: unknown;
  orientation?: unknown;
  base?: unknown;
  host?: unknown;
  embeddedIn?: unknown;
  businessRepresented?: unknown;
  managerArrangement?: unknown;
  managerFte?: unknown;
  ccvAdviserDaysPerWeek?: unknown;
  themes?: unknown;
  website?: unknown;
  startedYear?: unknown;
  facts?: unknown;
  partners?: unknown;
}

function website(checks: InputChecks, value: unknown): string | null {
  const text = checks.text('website', value, { max: 200 });
  if (text === null) return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url && ['https:', 'http:'].includes(url.protocol) && url.hostname.includes('.')) return text;
  return checks.fail('website', 'INVALID', `website must be a web address starting with https://, for example https://rpcnh.nl; got ${JSON.stringify(text)}.`);
}

function facts(checks: InputChecks, value: unknown): string[] {
  if (!Array.isArray(value)) return checks.fail('facts', value == null ? 'REQUIRED' : 'INVALID', 'facts must be a list of sentences (possibly empty).') ?? [];
  if (value.length > MAX_FACTS) checks.fail('facts', 'OUT_OF_RANGE', `A PVO lists at most ${MAX_FACTS} facts; got ${value.length}.`);
  const accepted: string[] = [];
  value.forEach((fact, index) => {
    const text = checks.text(['facts', String(index)], fact, { required: true, max: 500 });
    if (text !== null && accepted.includes(text)) checks.fail(['facts', String(index)], 'DUPLICATE', 'This fact is listed twice.');
    else if (text !== null) accepted.push(text);
  });
  return accepted;
}

function organisation(checks: InputChecks, field: string, value: unknown): string | null {
  return checks.oneOf(field, value, ORGANISATION_IDS, 'organisation id', false);
}

/** The facts after the update: the current ones with the given fields replaced, every one checked. */
function updatedFacts(checks: InputChecks, next: Record<string, unknown>) {
  const themes = checks.distinct('themes', next.themes, THEMES, 'theme');
  if (next.themes != null && themes.length === 0 && checks.ok) checks.fail('themes', 'REQUIRED', 'A PVO works on at least one theme.');
  const partners = checks.distinct('partners', next.partners, ORGANISATION_IDS, 'organisation id');
  if (partners.length > MAX_PARTNERS) checks.fail('partners', 'OUT_OF_RANGE', `A PVO lists at most ${MAX_PARTNERS} partners.`);
  return {
    legalForm: checks.oneOf('legalForm', next.legalForm, LEGAL_FORMS, 'legal form'),
    formDescription: checks.text('formDescription', next.formDescription, { required: true, max: 300 }),
    orientation: checks.oneOf('orientation', next.orientation, ORIENTATIONS, 'orientation'),
    base: checks.text('base', next.base, { required: true, max: 100 }),
    hostId: organisation(checks, 'host', next.host),
    embeddedInId: organisation(checks, 'embeddedIn', next.embeddedIn),
    businessRepresented: checks.boolean('businessRepresented', next.businessRepresented),
    managerArrangement: checks.text('managerArrangement', next.managerArrangement, { required: true, max: 500 }),
    managerFte: checks.number('managerFte', next.managerFte, MANAGER_FTE),
    ccvAdviserDaysPerWeek: checks.number('ccvAdviserDaysPerWeek', next.ccvAdviserDaysPerWeek, ADVISER_DAYS),
    themes,
    website: website(checks, next.website),
    startedYear: checks.integer('startedYear', next.startedYear, STARTED_YEARS, false),
    facts: facts(checks, next.facts),
    partners,
  };
}

/** A PVO's facts as updatePvo names them, so an update is checked by the same rules as the current state. */
const factsOf = (pvo: PvoState): Record<string, unknown> => ({
  legalForm: pvo.legalForm, formDescription: pvo.formDescription, orientation: pvo.orientation, base: pvo.base,
  host: pvo.hostId, embeddedIn: pvo.embeddedInId, businessRepresented: pvo.businessRepresented,
  managerArrangement: pvo.managerArrangement, managerFte: pvo.managerFte, ccvAdviserDaysPerWeek: pvo.ccvAdviserDaysPerWeek,
  themes: pvo.themes, website: pvo.website, startedYear: pvo.startedYear, facts: pvo.facts, partners: pvo.partners,
});

/** The PVO after `update`, checked; null with the problems when any rule is broken. */
export function checkPvoUpdate(pvo: PvoState, update: PvoUpdate, base: readonly string[] = ['input']): { pvo: PvoState | null; errors: InputError[] } {
  const checks = new InputChecks(base);
  const given = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
  const next = updatedFacts(checks, { ...factsOf(pvo), ...given });
  if (!checks.ok) return { pvo: null, errors: checks.errors };
  // Every required fact was accepted (checks.ok), so none of `next` is a refused null.
  return { pvo: { ...pvo, ...next } as PvoState, errors: [] };
}
