import type { SubgraphDefinition } from '@vo/kit';
import { parseArgs } from 'node:util';

/** The hub's services as `npm start`, the seed and migrate commands and docker-compose run them. */
export const SUBGRAPHS = [
  { name: 'regions', port: 4001, main: 'subgraphs/regions/src/main.ts' },
  { name: 'kvo', port: 4002, main: 'subgraphs/kvo/src/main.ts' },
  { name: 'funding', port: 4003, main: 'subgraphs/funding/src/main.ts' },
  { name: 'cyber', port: 4004, main: 'subgraphs/cyber/src/main.ts' },
  { name: 'riec', port: 4005, main: 'subgraphs/riec/src/main.ts' },
] as const;

export const GATEWAY = { name: 'gateway', port: 4000, main: 'gateway/src/main.ts' } as const;

/**
 * Loads a subgraph's definition only when asked, so one partner's tooling need not load the others.
 * Each definition has its own context type; callers only hand it back to the kit, so the type is erased here.
 */
export async function loadDefinition(name: (typeof SUBGRAPHS)[number]['name']): Promise<SubgraphDefinition<any>> {
  switch (name) {
    case 'regions':
      return (await import('@vo/regions')).regionsSubgraph;
    case 'kvo':
      return (await import('@vo/kvo')).kvoSubgraph;
    case 'funding':
      return (await import('@vo/funding')).fundingSubgraph;
    case 'cyber':
      return (await import('@vo/cyber')).cyberSubgraph;
    case 'riec':
      return (await import('@vo/riec')).riecSubgraph;
  }
}

/** The subgraphs a command's `--subgraph <name>` option picks (all without it); exits 2 on an unknown name. */
export function selectSubgraphs(): (typeof SUBGRAPHS)[number][] {
  const { values } = parseArgs({ options: { subgraph: { type: 'string' } } });
  const selected = SUBGRAPHS.filter((s) => !values.subgraph || s.name === values.subgraph);
  if (selected.length === 0) {
    console.error(`Unknown subgraph "${values.subgraph}"; known: ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  return selected;
}
