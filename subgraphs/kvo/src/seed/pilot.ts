import { SITES } from '@vo/kit';
import { statusOn } from '../domain.js';
import type { CertificationInsert } from '../db/schema.js';
import { certificate, dayIn, type Random } from './chains.js';
import { CYBER_PILOT } from './constants.js';

const siteById = new Map(SITES.map((site) => [site.id, site]));

/**
 * KVO Cyber pilot certificates on business parks that hold a valid KVO-B certificate that day: the
 * pilot builds on KVO (inf). First certificates only; the pilot is too young for renewals.
 */
export function cyberPilot(random: Random, kvoB: CertificationInsert[]): CertificationInsert[] {
  const rows: CertificationInsert[] = [];
  for (const [year, count] of Object.entries(CYBER_PILOT)) {
    for (let n = 0; n < count; n += 1) {
      const certifiedOn = dayIn(random, Number(year));
      const taken = new Set(rows.map((row) => row.siteId));
      const candidates = kvoB
        .filter((row) => statusOn({ certifiedOn: row.certifiedOn, validUntil: row.validUntil! }, certifiedOn) === 'VALID')
        .map((row) => row.siteId)
        .filter((id) => !taken.has(id))
        .sort();
      const site = siteById.get(random.helpers.arrayElement(candidates))!;
      rows.push(certificate('KVO_CYBER', site, certifiedOn, ['CYBER']));
    }
  }
  return rows;
}
