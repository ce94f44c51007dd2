import { listOf, oneOf } from './values.js';

/**
 * The network's themes as Dutch files write them, beside the schema's own names (Theme): one list for every
 * subgraph whose files name themes, so a word a clerk may write in one file is understood in all.
 */
export const THEME_NAMES = {
  CYBER: ['cyber', 'cybercrime', 'cyberveiligheid', 'cyberweerbaarheid'],
  UNDERMINING: ['ondermijning'],
  MOBILE_BANDITRY: ['mobiel banditisme'],
  ROBBERY: ['overvallen', 'overval'],
  SHOPLIFTING: ['winkeldiefstal'],
  BURGLARY: ['inbraak', 'inbraken'],
  FIRE_SAFETY: ['brandveiligheid', 'brand'],
  NUISANCE: ['overlast'],
  RURAL_CRIME: ['criminaliteit buitengebied', 'buitengebied'],
  AGGRESSION: ['agressie', 'geweld'],
};

/** A cell listing themes (`inbraak|brandveiligheid`). */
export const themeList = listOf(oneOf(THEME_NAMES));
