// Whether the gateway's memory grows over a soak. Heap used climbs between collections and drops at each major one
// (by some 250 MB under the soak's load), so a line through every sample follows the sawtooth's phase, not a leak.
// What survives each major collection is the floor, which the gateway reports itself
// (vo_heap_used_after_major_gc_bytes); the trend is fitted through those floors. The response cache grows by design
// up to its bound (RESPONSE_CACHE_MB) and reports its size (vo_response_cache_bytes), so it is left out: what is
// measured is the memory outside it.

export interface MemorySample {
  second: number;
  rssMB: number;
  heapMB: number;
  /** Heap used just after the last major collection (vo_heap_used_after_major_gc_bytes). */
  heapAfterGcMB: number;
  /** Major collections so far (nodejs_gc_duration_seconds_count{kind="major"}). */
  majorGcs: number;
  /** The response cache's size (vo_response_cache_bytes). */
  cacheMB: number;
}

/** Flat: the fitted growth per minute after the warm-up stays under these. */
export const FLAT = { rssMBPerMinute: 1, heapMBPerMinute: 0.5 };
/** Fewer floors than this cannot show a trend. */
export const MIN_FLOORS = 3;

/** Least-squares slope of y over x. */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/** The heap outside the cache after each major collection in the samples, at the first sample that saw it. */
export function heapFloors(samples: readonly MemorySample[]): { second: number; heapMB: number }[] {
  const floors: { second: number; heapMB: number }[] = [];
  samples.forEach((s, i) => {
    if (i > 0 && s.heapAfterGcMB > 0 && s.majorGcs > samples[i - 1]!.majorGcs) floors.push({ second: s.second, heapMB: s.heapAfterGcMB - s.cacheMB });
  });
  return floors;
}

export interface MemoryTrend {
  /** RSS less the cache, fitted over every sample. */
  rssSlopeMBPerMinute: number;
  /** Heap used less the cache, fitted over the floors (the major collections after the warm-up). */
  heapFloorSlopeMBPerMinute: number;
  /** Heap used fitted over every sample, as it was measured before the floors: for comparison only. */
  heapRawSlopeMBPerMinute: number;
  floors: { second: number; heapMB: number }[];
  flat: boolean;
}

const perMinute = (points: { second: number; value: number }[]) => slope(points.map((p) => ({ x: p.second / 60, y: p.value })));

/** The trend of the samples taken after the warm-up. */
export function memoryTrend(measured: readonly MemorySample[]): MemoryTrend {
  const floors = heapFloors(measured);
  const rssSlope = perMinute(measured.map((s) => ({ second: s.second, value: s.rssMB - s.cacheMB })));
  const heapFloorSlope = perMinute(floors.map((f) => ({ second: f.second, value: f.heapMB })));
  return {
    rssSlopeMBPerMinute: rssSlope,
    heapFloorSlopeMBPerMinute: heapFloorSlope,
    heapRawSlopeMBPerMinute: perMinute(measured.map((s) => ({ second: s.second, value: s.heapMB }))),
    floors,
    flat: floors.length >= MIN_FLOORS && rssSlope < FLAT.rssMBPerMinute && heapFloorSlope < FLAT.heapMBPerMinute,
  };
}
