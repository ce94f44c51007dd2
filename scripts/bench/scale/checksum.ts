import type { Sql } from 'postgres';

/** The subgraphs' schemas; the bench schema (marker, helpers) and drizzle's migration tables are left out. */
const SCHEMAS = ['regions', 'kvo', 'funding', 'cyber', 'riec'];

export interface TableChecksum {
  rows: number;
  md5: string;
}

/**
 * Each table's row count and the md5 of its rows' md5s in sorted order: independent of physical order, so two
 * generations hold identical tables exactly when the checksums agree.
 */
export async function tableChecksums(sql: Sql): Promise<Record<string, TableChecksum>> {
  const tables = await sql<{ name: string }[]>`
    select table_schema || '.' || table_name as name from information_schema.tables
    where table_schema = any(${SCHEMAS}) and table_type = 'BASE TABLE' order by 1`;
  const checksums: Record<string, TableChecksum> = {};
  for (const { name } of tables) {
    const quoted = name.split('.').map((part) => `"${part}"`).join('.');
    const [row] = await sql.unsafe(`
      select count(*)::int as rows, coalesce(md5(string_agg(h, '' order by h)), md5('')) as md5
      from (select md5(t::text) as h from ${quoted} t) hashed`);
    checksums[name] = { rows: row.rows, md5: row.md5 };
  }
  return checksums;
}
