// Issue 8: the report's verdict on "cached dashboards at 50% or more of the bare ceiling". The ceiling moves with the
// machine's state, so a run with back-to-back pairs is judged by their median, not by one noisy bare cell.
import { describe, expect, it } from 'vitest';
import { ceilingLine } from '../scripts/bench/gateways-report.js';
import type { Cell } from '../scripts/bench/load.js';

const cell = (target: string, requestsPerSecond: number): Cell => ({
  workload: 'dashboard',
  target,
  mode: 'concurrency',
  load: 8,
  seconds: 15,
  requests: requestsPerSecond * 15,
  requestsPerSecond,
  p50Ms: 1,
  p99Ms: 2,
  cpuMsPerRequest: 0.1,
  peakRssMB: 100,
  sqlPerRequest: 0,
  failures: 0,
});
const cells = [cell('hub', 6000), cell('bare', 17000)];

describe('the bare-ceiling verdict', () => {
  it('goes by the median of the pairs, whatever the one bare cell in the table said', () => {
    const line = ceilingLine({ cells, hubResponseCache: true, ceiling: { workload: 'dashboard', pairs: [{ bare: 10000, hub: 6000 }, { bare: 17000, hub: 6100 }, { bare: 11000, hub: 6050 }] } });
    expect(line).toMatch(/^- \[x\] .*median 55\.0% over 3 back-to-back pairs/);
    expect(line).toContain('bare ranged 10,000 to 17,000 req/s');
    expect(line).toContain('6000 vs 17000 req/s, 35.3%');
    expect(line).toMatch(/\*\*met\*\*$/);
  });

  it('is not met when the median pair is under half', () => {
    const line = ceilingLine({ cells, hubResponseCache: true, ceiling: { workload: 'dashboard', pairs: [{ bare: 10000, hub: 6000 }, { bare: 17000, hub: 6100 }, { bare: 14000, hub: 6050 }] } });
    expect(line).toMatch(/^- \[ \] .*median 43\.2%/);
    expect(line).toMatch(/\*\*not met\*\*$/);
  });

  it('falls back to the cells without pairs, and is never met without the cache', () => {
    expect(ceilingLine({ cells: [cell('hub', 9000), cell('bare', 17000)], hubResponseCache: true })).toMatch(/^- \[x\] .*52\.9%\. \*\*met\*\*$/);
    expect(ceilingLine({ cells: [cell('hub', 9000), cell('bare', 17000)], hubResponseCache: false })).toMatch(/^- \[ \] .*no response cache in this run\)\. \*\*not met\*\*$/);
  });
});
