import type { Sql } from 'postgres';

/*
 * Deterministic draws for the generators: every "random" number is a slice of the md5 of the seed, a salt and a row
 * number, so a row's values depend on nothing but its number and the seed (never on random(), order or parallelism).
 */

/** The bench schema's helpers: a uniform draw in [0, 1) from 8 hex digits (32 bits) or 4 (16 bits) of an md5. */
export async function installDraws(sql: Sql): Promise<void> {
  // The generators' long expressions would cost the JIT compiler far more time than they save (80 s for 20,000 scans).
  await sql.unsafe('set jit = off');
  await sql.unsafe(`
    create schema if not exists bench;
    create or replace function bench.u32(h text, part int) returns float8 language sql immutable parallel safe
      as $$ select ('x' || substr(h, 1 + 8 * part, 8))::bit(32)::bigint::float8 / 4294967296 $$;
    create or replace function bench.u16(h text, part int) returns float8 language sql immutable parallel safe
      as $$ select ('x' || substr(h, 1 + 4 * part, 4))::bit(16)::int::float8 / 65536 $$;
  `);
}

/** An SQL literal of a text we wrote ourselves (constants of the seeds): quotes doubled. */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** `case` picking a key of `weights` with probability proportional to its weight, for a uniform draw `u`. */
export function weightedCase(u: string, weights: Record<string, number>): string {
  const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
  let cumulative = 0;
  const entries = Object.entries(weights);
  const arms = entries.slice(0, -1).map(([key, weight]) => {
    cumulative += weight;
    return `when ${u} < ${cumulative / total} then ${literal(key)}`;
  });
  return `(case ${arms.join(' ')} else ${literal(entries.at(-1)![0])} end)`;
}

/** `case` mapping a text column to the numbers of `values` (0 for a key not listed). */
export const valueCase = (column: string, values: Record<string, number>) =>
  `(case ${column} ${Object.entries(values).map(([key, value]) => `when ${literal(key)} then ${value}`).join(' ')} else 0 end)`;

/** A standard normal draw, approximately: the sum of two 16-bit uniforms, centred and scaled to variance 1. */
export const normal = (h: string, part: number) => `((bench.u16(${h}, ${part}) + bench.u16(${h}, ${part + 1}) - 1) * sqrt(6))`;

/**
 * bench.municipality_bucket: population-weighted buckets of the seeded municipalities, so joining on bucket
 * `floor(u * bench.buckets())` picks a municipality with a chance close to its share of the population (every
 * municipality has at least one bucket). A table, not an array: subscripting a 20,000-element array costs per row.
 */
export async function installBuckets(sql: Sql, size = 20_000): Promise<void> {
  await sql.unsafe(`
    drop table if exists bench.municipality_bucket;
    create table bench.municipality_bucket as
      select (row_number() over (order by m.code, n) - 1)::int as bucket, m.code, m.region_code, m.population
      from regions.municipality m,
        generate_series(1, greatest(1, round(m.population * ${size}.0 / (select sum(population) from regions.municipality)))::int) as n;
    alter table bench.municipality_bucket add primary key (bucket);
    create or replace function bench.buckets() returns int language sql stable as $$ select count(*)::int from bench.municipality_bucket $$;
    analyze bench.municipality_bucket;
  `);
}
