import { date, oneOf, text, themeList, type ImportColumn } from '@vo/kit/import';

/**
 * The columns of a certificate file, Dutch first (the name the report suggests), then English. Required: site,
 * scheme and certified-on (the natural key); the rest may be left out, and the KVO rules fill in their defaults.
 */
export const CERTIFICATION_COLUMNS: ImportColumn[] = [
  { key: 'siteId', aliases: ['locatie', 'site', 'site id', 'locatiecode', 'terrein'], parse: text },
  {
    key: 'scheme',
    aliases: ['keurmerk', 'scheme', 'regeling'],
    parse: oneOf({
      KVO_B: ['KVO-B', 'KVO Bedrijventerreinen'],
      KVO_W: ['KVO-W', 'KVO Winkelgebieden'],
      VEILIG_BUITENGEBIED: ['Keurmerk Veilig Buitengebied', 'KVB'],
      KVO_CYBER: ['KVO-Cyber', 'KVO-C'],
    }),
  },
  { key: 'certifiedOn', aliases: ['gecertificeerd op', 'certified on', 'certificeringsdatum', 'datum certificering'], parse: date() },
  { key: 'validUntil', aliases: ['geldig tot', 'valid until', 'vervaldatum'], parse: date(), optional: true },
  {
    key: 'kind',
    aliases: ['soort', 'kind', 'soort certificering'],
    parse: oneOf({ FIRST: ['eerste', 'eerste certificering', 'first'], RECERTIFICATION: ['hercertificering', 'recertification'] }),
    optional: true,
  },
  { key: 'previousId', aliases: ['vorig certificaat', 'previous certificate', 'previous id'], parse: text, optional: true },
  { key: 'themes', aliases: ['themas', 'themes'], parse: themeList, optional: true },
  { key: 'id', aliases: ['certificaatnummer', 'certificate id', 'id'], parse: text, optional: true },
];
