import { MUNICIPALITIES, ORGANISATIONS, REGIONS, SITES, hasRows, upsertAll, type Db, type RegionCode } from '@vo/kit';
import { municipalities, organisations, pvoPartners, pvos, regions, sites } from '../db/schema.js';
import { PVO_FACTS } from './pvos.js';

/**
 * Loads the real reference data (regions, PVOs, municipalities, organisations) and the synthetic sites; a second run
 * changes nothing and keeps what the PVO network has updated since.
 */
export async function seedRegions(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await upsertAll(txDb, regions, REGIONS.map((region, position) => ({
      code: region.code,
      name: PVO_FACTS[region.code].regionName,
      policeUnit: region.policeUnit,
      policeUnitCode: region.policeUnitCode,
      position,
    })), [regions.code]);
    // PVO facts are the network's to keep current (updatePvo): only a missing PVO gets its facts and partners.
    const added = await txDb.insert(pvos).values(REGIONS.map(({ code }) => {
      const { regionName: _name, partners: _partners, ...facts } = PVO_FACTS[code];
      return { regionCode: code, ...facts };
    })).onConflictDoNothing().returning({ code: pvos.regionCode });
    const partners = added.flatMap(({ code }) => PVO_FACTS[code as RegionCode].partners.map((organisationId) => ({ regionCode: code, organisationId })));
    if (partners.length) await txDb.insert(pvoPartners).values(partners).onConflictDoNothing();
    await upsertAll(txDb, municipalities, MUNICIPALITIES.map((m) => ({ ...m })), [municipalities.code]);
    await upsertAll(txDb, organisations, ORGANISATIONS.map((o) => ({
      ...o,
      abbreviation: o.abbreviation ?? null,
      regionCode: o.regionCode ?? null,
    })), [organisations.id]);
    await upsertAll(txDb, sites, SITES.map((site) => ({ ...site, synthetic: true })), [sites.id]);
  });
}

export const isRegionsSeeded = (db: Db) => hasRows(db, sites);
