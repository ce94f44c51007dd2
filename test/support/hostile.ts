/** Hostile and limit-probing queries shared by the limits and hostile-input tests. */

/** A query `depth` fields deep: regions, then municipalities/region in turn, ending in kvo { validCertificates }. */
export function deepQuery(depth: number): string {
  const path = ['regions', ...Array.from({ length: depth - 3 }, (_, i) => (i % 2 ? 'region' : 'municipalities'))];
  return `{ ${path.join(' { ')} { kvo { validCertificates } }${' }'.repeat(path.length)}`;
}

/** One region's name under `count` aliases. */
export function aliasBomb(count: number): string {
  return `{ region(code: "DH") { ${Array.from({ length: count }, (_, i) => `a${i}: name`).join(' ')} } }`;
}

/** Nested lists of pages: far above any sensible cost. */
export const COST_BOMB = '{ regions { municipalities { sites(first: 100) { nodes { certifications(first: 100) { nodes { id } } } } } } }';
