// The one reader of /metrics pages the bench and the tests share.
import { describe, expect, it } from 'vitest';
import { metricSum } from '../src/index.js';

const page = `# HELP vo_db_statements_total SQL statements sent.
# TYPE vo_db_statements_total counter
vo_db_statements_total{service="kvo",kind="select"} 12
vo_db_statements_total{service="kvo",kind="insert"} 3
vo_db_statements_total_extra 99
nodejs_gc_duration_seconds_count{kind="minor",service="kvo"} 40
nodejs_gc_duration_seconds_count{kind="major",service="kvo"} 7
vo_heap_used_after_major_gc_bytes 1.5e+8
vo_requests_total{outcome="error",subkind="error"} 1
vo_requests_total{suboutcome="error",outcome="ok"} 5
`;

describe('metricSum', () => {
  it('sums every sample of a metric, and none of a metric whose name merely begins the same', () => {
    expect(metricSum(page, 'vo_db_statements_total')).toBe(15);
  });

  it('keeps the samples with the labels asked for, whatever other labels they carry', () => {
    expect(metricSum(page, 'nodejs_gc_duration_seconds_count', { kind: 'major' })).toBe(7);
    expect(metricSum(page, 'vo_db_statements_total', { kind: 'insert', service: 'kvo' })).toBe(3);
  });

  it('matches a label by its whole name, not one ending in it', () => {
    expect(metricSum(page, 'vo_requests_total', { outcome: 'error' })).toBe(1);
  });

  it('reads a metric with no labels, in exponent notation, and gives 0 for one that is not there', () => {
    expect(metricSum(page, 'vo_heap_used_after_major_gc_bytes')).toBe(1.5e8);
    expect(metricSum(page, 'vo_missing_total')).toBe(0);
  });
});
