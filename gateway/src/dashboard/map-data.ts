import { REGIONS } from '@vo/kit';
import { readFileSync } from 'node:fs';

const TOPOLOGY = new URL('./data/nl_gemeenten_vr_politie_2023.topo.json', import.meta.url);

interface Geometry {
  id?: string;
  properties?: Record<string, unknown>;
}
interface Topology {
  objects: Record<string, { geometries: Geometry[] }>;
}

/** The hub's region code for a police unit (RE01 -> NN), from the kit's reference table: written once, there. */
export function regionOfPoliceUnit(policeUnitCode: string): string {
  const region = REGIONS.find((r) => r.policeUnitCode === policeUnitCode);
  if (!region) throw new Error(`No PVO region follows police unit ${policeUnitCode}.`);
  return region.code;
}

/**
 * The CBS map (police units and municipalities) with each police unit and municipality given its hub region code
 * as `properties.region`, so the browser joins the map to the graph's regions without a table of its own.
 */
export function dashboardTopology(): string {
  const topology = JSON.parse(readFileSync(TOPOLOGY, 'utf8')) as Topology;
  for (const unit of topology.objects.politie_eenheden.geometries) {
    unit.properties = { ...unit.properties, region: regionOfPoliceUnit(String(unit.id)) };
  }
  for (const municipality of topology.objects.gemeenten.geometries) {
    municipality.properties = { ...municipality.properties, region: regionOfPoliceUnit(String(municipality.properties?.police_unit_code)) };
  }
  return JSON.stringify(topology);
}
