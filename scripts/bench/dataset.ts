// The database the gateway benchmark and the soak run on: the scale dataset (scripts/bench/scale/: the seed's 6,027
// sites, 100,000 certificates, 100,000 grants, 1,000,000 cyber scans in `vo_bench_gateways`, generated once and reused), or
// with --quick the normal seed in a database of its own, which the subgraphs load on their first start as
// `npm start` does.
import postgres from 'postgres';
import { createDatabase, databaseUrl } from './scale/database.js';
import { DEFAULT_SERVER_URL, ensureScaleDataset } from './scale/index.js';

const SMALL_DATABASE = 'vo_bench_small';
// A copy of the scale dataset of its own (same generator, version and seed: the same rows), so regenerating or
// measuring `vo_bench` elsewhere cannot pull the database from under a running benchmark.
const SCALE_DATABASE = 'vo_bench_gateways';

export interface DatasetSize {
  sites: number;
  certifications: number;
  grants: number;
  scans: number;
}

export interface Dataset {
  name: 'scale' | 'seed';
  url: string;
  /** Whether the subgraphs seed an empty database on start (the normal seed) or find it filled (the scale dataset). */
  seedOnStart: boolean;
  /** Row counts, read once the subgraphs have started (the seed loads on their first start). */
  size(): Promise<DatasetSize>;
}

async function countRows(url: string): Promise<DatasetSize> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const count = async (table: string) => Number((await sql.unsafe(`select count(*)::int as n from ${table}`))[0]!.n);
    return { sites: await count('regions.site'), certifications: await count('kvo.certification'), grants: await count('funding.grant'), scans: await count('cyber.scan') };
  } finally {
    await sql.end();
  }
}

/** The scale dataset (generated when missing, else reused), or the small seed with `quick`. */
export async function ensureDataset(quick: boolean): Promise<Dataset> {
  if (quick) {
    await createDatabase(DEFAULT_SERVER_URL, SMALL_DATABASE, false);
    const url = databaseUrl(DEFAULT_SERVER_URL, SMALL_DATABASE);
    return { name: 'seed', url, seedOnStart: true, size: () => countRows(url) };
  }
  const { url } = await ensureScaleDataset({ url: DEFAULT_SERVER_URL, database: SCALE_DATABASE });
  return { name: 'scale', url, seedOnStart: false, size: () => countRows(url) };
}
