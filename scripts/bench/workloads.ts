// The gateway benchmark's workloads: each a real consumer's operation from schema/operations/, sent with the token
// that consumer holds. The soak mixes these with a few other operations and a trickle of writes.
import { authConfigFrom, authEnv, checkAuthEnv, NATIONAL_READ, parseEnv, regionRead, signDevelopmentToken, subgraphWrite } from '@vo/kit';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const operation = (name: string) => readFileSync(new URL(`../../schema/operations/${name}.graphql`, import.meta.url), 'utf8');

export type Role = 'national' | 'regionDH' | 'funder';

export interface Workload {
  name: string;
  about: string;
  role: Role;
  /** The POST body, JSON: the operation's exact text (as registered in trusted documents) and its variables. */
  body: string;
}

const workload = (name: string, about: string, role: Role, file: string, variables: Record<string, unknown> = {}): Workload => ({
  name,
  about,
  role,
  body: JSON.stringify({ query: operation(file), variables }),
});

/** (a), (b), (c) of the issue. */
export const WORKLOADS: Workload[] = [
  workload('dashboard', 'DashboardRegion: the Den Haag dashboard page, with a regional token (region:DH:read)', 'regionDH', 'DashboardRegion'),
  workload('trends', 'RegionTrends: 10 regions by 10 years (2016-2025) across KVO, funding and cyber (national:read)', 'national', 'RegionTrends'),
  workload('certifications', 'CertificationsWithFunding: 1,000 certificates with site, municipality, region and funding (national:read)', 'national', 'CertificationsWithFunding', { first: 100 }),
];

/** The soak's other reads: analysts' operations beside the three workloads. */
export const SOAK_EXTRA_READS: Workload[] = [
  workload('overview', 'NationalOverview', 'national', 'NationalOverview'),
  workload('expiring', 'ExpiringCertificates', 'regionDH', 'ExpiringCertificates', { first: 50 }),
  workload('funding-mix', 'FundingMix', 'national', 'FundingMix'),
  workload('kvo-per-year', 'KvoCertificationsPerYear', 'national', 'KvoCertificationsPerYear'),
];

/** Development tokens for each role, valid long enough for the whole run, signed as `npm run token` signs them. */
export async function signTokens(): Promise<Record<Role, string>> {
  const auth = authConfigFrom(parseEnv(z.object(authEnv).superRefine(checkAuthEnv)));
  const sign = (scopes: string[], organisation?: string) => signDevelopmentToken(auth, { scopes, organisation, subject: 'bench', expiresIn: '4h' });
  return {
    national: await sign([NATIONAL_READ]),
    regionDH: await sign([regionRead('DH')]),
    funder: await sign([subgraphWrite('funding')], 'jenv'),
  };
}

export const headersFor = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
