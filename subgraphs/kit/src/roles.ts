import { MUNICIPALITIES } from './reference/municipalities.js';
import { ORGANISATIONS } from './reference/organisations.js';
import { isRegionCode, REGION_CODES, type RegionCode } from './reference/regions.js';

/**
 * The hub's roles, carried as OAuth scopes in a token's `scope` claim (ARCHITECTURE.md, "Access"),
 * and who the caller is. Every subgraph and the gateway read roles only through this module.
 */
export const NATIONAL_READ = 'national:read';
export const RIEC_READ = 'riec:read';
export const regionRead = (code: RegionCode) => `region:${code}:read`;
export const subgraphWrite = (subgraph: string) => `${subgraph}:write`;
export const registryPublish = (subgraph: string) => `registry:publish:${subgraph}`;

const REGION_READ = /^region:([A-Z]+):read$/;
const SUBGRAPH_NAME = '[a-z][a-z0-9-]*';
const SUBGRAPH_SCOPE = new RegExp(`^(?:${SUBGRAPH_NAME}:write|registry:publish:${SUBGRAPH_NAME})$`);

/** Why `scope` is not one of the hub's roles, or null when it is. */
export function scopeProblem(scope: string): string | null {
  if (scope === NATIONAL_READ || scope === RIEC_READ || SUBGRAPH_SCOPE.test(scope)) return null;
  const region = REGION_READ.exec(scope)?.[1];
  if (region && isRegionCode(region)) return null;
  if (region) return `"${scope}" names an unknown region; known: ${REGION_CODES.join(', ')}.`;
  return `"${scope}" is not a role; use national:read, region:<CODE>:read, riec:read, <subgraph>:write or registry:publish:<subgraph>.`;
}

export const isOrganisationKnown = (id: string) => ORGANISATIONS.some((organisation) => organisation.id === id);

/** Who is asking: anonymous, or the verified claims of a bearer token. */
export interface Viewer {
  authenticated: boolean;
  /** The token's `sub`. */
  subject?: string;
  /** The partner organisation the caller acts for (`org` claim, a kit ORGANISATIONS id). */
  organisation?: string;
  scopes: ReadonlySet<string>;
  /** When the token stops being accepted (its `exp`), in ms since the epoch. */
  expiresAt?: number;
}

export const ANONYMOUS: Viewer = { authenticated: false, scopes: new Set() };

/** The regions whose detail the viewer may read: all with national:read, else its region:<CODE>:read scopes. */
export function readableRegions(viewer: Viewer): 'all' | RegionCode[] {
  if (viewer.scopes.has(NATIONAL_READ)) return 'all';
  return REGION_CODES.filter((code) => viewer.scopes.has(regionRead(code)));
}

/**
 * What a piece of detail is about: one region, the national level (only national:read may read it,
 * for example a national organisation's grants), or public (open data after all).
 */
export type DetailPlace = RegionCode | 'national' | 'public';

const regionByMunicipality = new Map(MUNICIPALITIES.map((municipality) => [municipality.code, municipality.regionCode]));
const regionByOrganisation = new Map(ORGANISATIONS.map((organisation) => [organisation.id, organisation.regionCode]));

/** The region of a municipality; 'national' for an unknown code, so it is never public by mistake. */
export const municipalityPlace = (code: string): DetailPlace => regionByMunicipality.get(code) ?? 'national';
/** The region an organisation works in; 'national' for national organisations. */
export const organisationPlace = (id: string): DetailPlace => regionByOrganisation.get(id) ?? 'national';

/** Null when the viewer may read detail about `place`, otherwise a refusal the caller can act on. */
export function regionDetailRefusal(viewer: Viewer, place: DetailPlace | string): string | null {
  const readable = readableRegions(viewer);
  if (place === 'public' || readable === 'all' || readable.includes(place as RegionCode)) return null;
  const held = readable.length ? `; this token reads region ${readable.join(', ')} only` : '';
  if (place === 'national') {
    const hint = readable.length ? ` (ask for one region: region: "${readable[0]}")` : '';
    return `This is national detail: it needs the scope ${NATIONAL_READ}${held}${hint}.`;
  }
  return `This is detail of region ${place}: it needs the scope ${NATIONAL_READ} or ${regionRead(place as RegionCode)}${held}.`;
}
