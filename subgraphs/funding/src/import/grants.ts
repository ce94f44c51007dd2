import { date, euroCents, oneOf, rowProblems, text, themeList, type ImportColumn, type ImportSpec } from '@vo/kit/import';
import { audit, grants } from '../db/schema.js';
import { GRANT_AUDITED } from '../writes/grants.js';
import { checkGrant, type GrantInput } from '../writes/rules.js';

const KINDS = {
  PROJECT_SUBSIDY: ['projectsubsidie', 'project subsidy'],
  STRUCTURAL: ['structureel', 'structural'],
  ONE_OFF: ['eenmalig', 'one-off'],
  PER_INHABITANT: ['inwonersbijdrage', 'bijdrage per inwoner', 'per inhabitant'],
  IN_KIND: ['in natura', 'in kind'],
};

/**
 * The columns of a grants file, Dutch first (the name the report suggests), then English: a ledger export with
 * amounts in euros (`€ 6.000,00`) and Dutch dates (dd-mm-jjjj). The budget year is the year the period starts.
 */
export const GRANT_COLUMNS: ImportColumn[] = [
  { key: 'funder', aliases: ['financier', 'funder', 'verstrekker'], parse: text },
  { key: 'recipient', aliases: ['ontvanger', 'recipient'], parse: text },
  { key: 'purpose', aliases: ['doel', 'purpose'], parse: text },
  { key: 'amountCents', aliases: ['bedrag', 'amount'], parse: euroCents() },
  { key: 'periodStart', aliases: ['begindatum', 'period start', 'startdatum'], parse: date() },
  { key: 'periodEnd', aliases: ['einddatum', 'period end'], parse: date() },
  { key: 'kind', aliases: ['soort', 'kind'], parse: oneOf(KINDS) },
  { key: 'description', aliases: ['omschrijving', 'description'], parse: text },
  { key: 'themes', aliases: ['themas', 'themes'], parse: themeList, optional: true },
  { key: 'earmarked', aliases: ['geoormerkt', 'earmarked'], parse: oneOf({ yes: ['ja', 'true'], no: ['nee', 'false'] }), optional: true },
  { key: 'via', aliases: ['via', 'uitvoerder'], parse: text, optional: true },
  { key: 'source', aliases: ['bron', 'source'], parse: text, optional: true },
];

/**
 * The grants file: one row per grant, checked by the same rules as recordGrant and merged on the grant's id (budget
 * year, funder, recipient and purpose), so importing a file twice changes nothing and a corrected file changes
 * exactly the grants whose terms differ.
 */
export const grantImport: ImportSpec<typeof grants> = {
  entity: 'Grant',
  target: grants,
  audit,
  audited: GRANT_AUDITED,
  columns: GRANT_COLUMNS,
  key: { fields: [grants.id], columns: ['funder', 'recipient', 'periodStart', 'purpose'] },
  toRow(values) {
    const earmarked = values.earmarked == null ? null : values.earmarked === 'yes';
    const checked = checkGrant({ ...values, earmarked } as GrantInput, []);
    return checked.row ? { row: checked.row } : rowProblems(checked.errors);
  },
};
