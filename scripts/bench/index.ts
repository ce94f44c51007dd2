// `npm run bench -- <workload> [...]`: the hub's benchmarks, one workload per file in scripts/bench/. Each writes its
// report as Markdown and JSON under bench/results/ (only the latest run is committed).
const WORKLOADS: Record<string, { about: string; run: (args: string[]) => Promise<void> }> = {
  import: { about: 'a synthetic 1,000,000-row KVO file imported on PostgreSQL, against 100,000 rows: speed and peak memory', run: async (args) => (await import('./import.js')).benchImport(args) },
};

const [workloadName, ...args] = process.argv.slice(2);
const workload = workloadName ? WORKLOADS[workloadName] : undefined;
if (!workload) {
  console.error(`Usage: npm run bench -- <workload>\n${Object.entries(WORKLOADS).map(([key, w]) => `  ${key.padEnd(10)} ${w.about}`).join('\n')}`);
  process.exit(2);
}
await workload.run(args);

export {};
