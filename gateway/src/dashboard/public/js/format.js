// Dutch number formats and the Dutch names of the graph's enum values.
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const euroPrecise = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 3, maximumFractionDigits: 3 });
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const score = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('nl-NL');
const date = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Shown instead of a figure the hub withholds because it concerns too few companies. */
export const SUPPRESSED = 'niet gepubliceerd (kleine groep)';
export const NO_DATA = 'geen gegevens';

export const formatPercent = (value) => percent.format(value);
export const formatEuro = (cents) => euro.format(cents / 100);
export const formatEuroPerInhabitant = (euros) => euroPrecise.format(euros);
export const formatScore = (value) => score.format(value);
export const formatNumber = (value) => whole.format(value);
export const formatDate = (isoDate) => date.format(new Date(`${isoDate}T00:00:00Z`));

export const LEGAL_FORMS = {
  VIRTUAL_ORGANISATION: 'virtuele organisatie',
  INFORMAL_NETWORK: 'informeel netwerk',
  REGIONAL_PARTNERSHIP: 'regionaal samenwerkingsverband',
  FOUNDATION: 'stichting',
  COVENANT: 'convenant',
  BEING_SET_UP: 'in oprichting',
};

export const THEMES = {
  CYBER: 'cybercriminaliteit',
  UNDERMINING: 'ondermijning',
  MOBILE_BANDITRY: 'mobiel banditisme',
  ROBBERY: 'overvallen',
  SHOPLIFTING: 'winkeldiefstal',
  BURGLARY: 'inbraak',
  FIRE_SAFETY: 'brandveiligheid',
  NUISANCE: 'overlast',
  RURAL_CRIME: 'criminaliteit in het buitengebied',
  AGGRESSION: 'agressie en geweld',
};

export const SCHEMES = { KVO_B: 'KVO-B', KVO_W: 'KVO-W', VEILIG_BUITENGEBIED: 'Veilig Buitengebied', KVO_CYBER: 'KVO Cyber' };

export const SITE_KINDS = { BUSINESS_PARK: 'bedrijventerrein', SHOPPING_AREA: 'winkelgebied', RURAL_AREA: 'buitengebied' };

/** Escapes text for the HTML templates the views build. */
export function html(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
