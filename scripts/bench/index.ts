// `npm run bench`: the hub's benchmarks, each writing its report as Markdown and JSON under bench/results/ (only the
// latest run is committed). Without a name it runs the whole performance benchmark: the scale dataset, the gateway
// comparison and the soak. Options: --quick (the normal seed, 5 s cells, a 1-minute soak), --duration <s> per cell,
// --warmup <s>, --soak-minutes <m>.
import { writeGatewaysMarkdown } from './gateways-report.js';
import { readOptions } from './options.js';

const WORKLOADS: Record<string, { about: string; run: (args: string[]) => Promise<void> }> = {
  all: { about: 'the default: the scale dataset, then gateways, then soak', run: async (args) => runAll(args) },
  gateways: {
    about: "the hub's gateway beside Hive Gateway, direct subgraph calls and bare node:http, on three workloads",
    run: async (args) => void console.log(await (await import('./gateways.js')).benchGateways(readOptions(args)).then(() => writeGatewaysMarkdown())),
  },
  soak: {
    about: "minutes of mixed load with writes on the hub's gateway: is its memory flat? (gateways.md gets its verdict)",
    run: async (args) => {
      await (await import('./soak.js')).benchSoak(readOptions(args));
      writeGatewaysMarkdown();
    },
  },
  scale: { about: 'the scale dataset (100,000 certificates and grants, 1,000,000 cyber scans) in vo_bench: generated or reused', run: async (args) => (await import('./scale/index.js')).benchScale(args) },
  import: { about: 'a synthetic 1,000,000-row KVO file imported on PostgreSQL, against 100,000 rows: speed and peak memory', run: async (args) => (await import('./import.js')).benchImport(args) },
};

/** The gateway comparison, then the soak, then the comparison's report again with the soak's memory verdict. */
async function runAll(args: string[]) {
  const options = readOptions(args);
  await (await import('./gateways.js')).benchGateways(options);
  await (await import('./soak.js')).benchSoak(options);
  console.log(writeGatewaysMarkdown());
}

const [first, ...rest] = process.argv.slice(2);
const [workloadName, args] = first === undefined || first.startsWith('--') ? ['all', process.argv.slice(2)] : [first, rest];
const workload = WORKLOADS[workloadName];
if (!workload) {
  console.error(`Usage: npm run bench [-- <workload>] [--quick] [--duration <s>]\n${Object.entries(WORKLOADS).map(([key, w]) => `  ${key.padEnd(10)} ${w.about}`).join('\n')}`);
  process.exit(2);
}
await workload.run(args);

export {};
