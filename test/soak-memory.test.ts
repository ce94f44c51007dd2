// Issue 8: the soak's "memory flat" verdict. A heap that climbs between collections and drops back at each is flat;
// a heap whose floor (what survives each major collection) rises is a leak, whichever phase of the sawtooth the run
// starts and ends in; a cache filling towards its bound is not a leak.
import { describe, expect, it } from 'vitest';
import { fit, memoryTrend, type MemorySample } from '../scripts/bench/soak-memory.js';

/**
 * Four minutes of samples, one a second: a heap climbing 3 MB a second and collected back every `period` seconds,
 * the gauge of what survived moving at each collection.
 */
function sawtooth(period: number, leakMBPerMinute: number, cacheMB: (second: number) => number = () => 0, noiseMB = 0): MemorySample[] {
  return Array.from({ length: 240 }, (_, i) => {
    const second = 60 + i;
    const cycle = Math.floor(i / period);
    // What is live at a collection varies with the requests in flight: the floor moves up and down by noiseMB.
    const floor = 200 + (leakMBPerMinute * (i - (i % period))) / 60 + (cycle % 2 ? noiseMB : -noiseMB);
    // The cache's answers are Buffers: outside the heap, inside RSS.
    const cache = cacheMB(second);
    const heap = { heapMB: floor + 3 * (i % period), heapTotalMB: floor + 3 * period, heapAfterGcMB: floor, externalMB: 10 + cache };
    return { second, rssMB: 200 + floor + cache, ...heap, majorGcs: Math.floor(i / period), cacheMB: cache };
  });
}

describe('the soak memory trend', () => {
  it('calls a sawtooth over a level floor flat, though a line through every sample slopes', () => {
    const trend = memoryTrend(sawtooth(50, 0));
    expect(trend.heapRawSlopeMBPerMinute).toBeGreaterThan(2);
    expect(trend.floors).toHaveLength(4);
    expect(trend.heapFloorSlopeMBPerMinute).toBe(0);
    expect(trend.flat).toBe(true);
  });

  it('finds a floor rising 2 MB a minute', () => {
    const trend = memoryTrend(sawtooth(20, 2));
    expect(trend.heapFloorSlopeMBPerMinute).toBeCloseTo(2, 1);
    expect(trend.heapFloorSlopeInterval[0]).toBeGreaterThan(1);
    expect(trend.flat).toBe(false);
  });

  it('calls floors that wander by 5 MB around a level flat, and gives no verdict when four such floors cannot tell', () => {
    const many = memoryTrend(sawtooth(17, 0, undefined, 5));
    expect(many.floors.length).toBeGreaterThanOrEqual(13);
    expect(many.heapFloorSlopeInterval[0]).toBeLessThan(0);
    expect(many.flat).toBe(true);
    const few = memoryTrend(sawtooth(50, 0, undefined, 5));
    expect(few.floors).toHaveLength(4);
    expect(few.heapFloorSlopeInterval[1]).toBeGreaterThan(5);
    expect(few.flat).toBe(false);
  });

  it('gives no verdict of flat from fewer than three collections', () => {
    const trend = memoryTrend(sawtooth(100, 0));
    expect(trend.floors).toHaveLength(2);
    expect(trend.flat).toBe(false);
  });

  it('leaves out the response cache filling towards its bound', () => {
    const trend = memoryTrend(sawtooth(20, 0, (second) => Math.min(64, second / 4)));
    expect(trend.rssSlopeMBPerMinute).toBeCloseTo(0, 5);
    expect(trend.heapFloorSlopeMBPerMinute).toBeCloseTo(0, 5);
    expect(trend.flat).toBe(true);
  });

  it('judges RSS by its peaks: a dip after the warm-up is not growth, a rising peak is', () => {
    // For a few seconds after the warm-up V8 hands pages back, as it did in the 15-minute soak of 2026-12-07.
    const dip = sawtooth(20, 0).map((s) => (s.second >= 62 && s.second < 75 ? { ...s, rssMB: s.rssMB - 150 } : s));
    // A line through every sample would call that growth.
    expect(fit(dip.map((s) => ({ x: s.second / 60, y: s.rssMB }))).slope).toBeGreaterThan(1);
    expect(memoryTrend(dip).flat).toBe(true);
    const rising = sawtooth(20, 0).map((s) => ({ ...s, rssMB: s.rssMB + (3 * (s.second - 60)) / 60 }));
    expect(memoryTrend(rising).rssSlopeMBPerMinute).toBeCloseTo(3, 0);
    expect(memoryTrend(rising).flat).toBe(false);
  });
});
