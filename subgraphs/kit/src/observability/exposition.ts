// Reading a /metrics page (the Prometheus text format prom-client writes), for the bench and the tests that watch a
// running service: one reader, so a label a registry adds by default (service="...") never breaks a caller.

/** A sample line's labels, `{a="x",b="y"}` as given; label values are prom-client's, escaped quotes included. */
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)/;

/**
 * The sum of the samples of `name` in a /metrics text whose labels include every one in `labels` (all of its samples
 * with none given); 0 when there are none. A metric with no labels of its own reads the same with or without defaults.
 */
export function metricSum(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  let sum = 0;
  for (const line of text.split('\n')) {
    const sample = SAMPLE.exec(line);
    if (sample?.[1] !== name) continue;
    const given = sample[2] ?? '';
    if (wanted.every((pair) => given.includes(`{${pair}`) || given.includes(`,${pair}`))) sum += Number(sample[3]);
  }
  return sum;
}

/** metricSum over a running service's /metrics (`baseUrl` without the path). */
export async function fetchMetricSum(baseUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  return metricSum(await (await fetch(`${baseUrl}/metrics`)).text(), name, labels);
}
