// Whether the gateway's memory grows over a soak. Heap used climbs between collections and drops at each major one
// (by some 250 MB under the soak's load), so a line through every sample follows the sawtooth's phase, not a leak.
// What survives each major collection is the floor, which the gateway reports itself
// (vo_heap_used_after_major_gc_bytes); the trend is fitted through those floors. RSS rises and falls with the
// sawtooth and with the pages V8 hands back, so its trend is fitted through its peaks, the highest RSS of each window:
// the memory the process needs at most. The response cache grows by design up to its bound (RESPONSE_CACHE_MB) and
// reports its size (vo_response_cache_bytes), so it is left out of RSS. Its answers are Buffers, outside the V8 heap,
// so the heap floors are taken as they are.

export interface MemorySample {
  second: number;
  rssMB: number;
  heapMB: number;
  /** The heap V8 has reserved (nodejs_heap_size_total_bytes): how high the sawtooth may climb before a collection. */
  heapTotalMB: number;
  /** Memory outside the heap held by JavaScript objects: Buffers, the cache's answers among them (nodejs_external_memory_bytes). */
  externalMB: number;
  /** Heap used just after the last major collection (vo_heap_used_after_major_gc_bytes). */
  heapAfterGcMB: number;
  /** Major collections so far (nodejs_gc_duration_seconds_count{kind="major"}). */
  majorGcs: number;
  /** The response cache's size (vo_response_cache_bytes). */
  cacheMB: number;
}

/**
 * Flat: neither the heap floors nor the RSS peaks show growth: each slope's 95% interval reaches zero (no growth
 * shown) and ends under upperMBPerMinute (a soak too short or too noisy to tell gets no verdict of flat).
 */
export const FLAT = { upperMBPerMinute: 5 };
/** The window of each RSS peak. */
export const RSS_WINDOW_SECONDS = 30;
/** Fewer floors (or RSS peaks) than this cannot show a trend. */
export const MIN_FLOORS = 3;
/** Least-squares slope of y over x, and its standard error (0 with fewer than three points). */
export function fit(points: { x: number; y: number }[]): { slope: number; standardError: number } {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const residuals = points.reduce((s, p) => s + (p.y - my - slope * (p.x - mx)) ** 2, 0);
  return { slope, standardError: n > 2 && sxx > 0 ? Math.sqrt(residuals / (n - 2) / sxx) : 0 };
}

// Student's t at 97.5% for 1 to 30 degrees of freedom (two-sided 95%); 2 beyond.
const T_975 = [12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23, 2.2, 2.18, 2.16, 2.14, 2.13, 2.12, 2.11, 2.1, 2.09, 2.09, 2.08, 2.07, 2.07, 2.06, 2.06, 2.06, 2.05, 2.05, 2.05, 2.04];

/** The heap after each major collection in the samples, at the first sample that saw it. */
export function heapFloors(samples: readonly MemorySample[]): { second: number; heapMB: number }[] {
  const floors: { second: number; heapMB: number }[] = [];
  samples.forEach((s, i) => {
    if (i > 0 && s.heapAfterGcMB > 0 && s.majorGcs > samples[i - 1]!.majorGcs) floors.push({ second: s.second, heapMB: s.heapAfterGcMB });
  });
  return floors;
}

/** The highest RSS outside the cache in each window of the samples, at the second it was seen. */
export function rssPeaks(samples: readonly MemorySample[], windowSeconds = RSS_WINDOW_SECONDS): { second: number; rssMB: number }[] {
  const peaks = new Map<number, { second: number; rssMB: number }>();
  for (const s of samples) {
    const window = Math.floor((s.second - samples[0]!.second) / windowSeconds);
    const rssMB = s.rssMB - s.cacheMB;
    if (!(rssMB <= (peaks.get(window)?.rssMB ?? -Infinity))) peaks.set(window, { second: s.second, rssMB });
  }
  return [...peaks.values()];
}

export interface MemoryTrend {
  /** RSS less the cache, fitted over its peaks. */
  rssSlopeMBPerMinute: number;
  /** The 95% interval of that slope. */
  rssSlopeInterval: [low: number, high: number];
  rssPeaks: { second: number; rssMB: number }[];
  /** Heap used, fitted over the floors (the major collections after the warm-up). */
  heapFloorSlopeMBPerMinute: number;
  /** The 95% interval of that slope. */
  heapFloorSlopeInterval: [low: number, high: number];
  /** Heap used fitted over every sample, as it was measured before the floors: for comparison only. */
  heapRawSlopeMBPerMinute: number;
  floors: { second: number; heapMB: number }[];
  flat: boolean;
}

/** The least-squares slope per minute of a series and its 95% interval (Student's t). */
function trend(points: { second: number; value: number }[]): { slope: number; interval: [number, number] } {
  const { slope, standardError } = fit(points.map((p) => ({ x: p.second / 60, y: p.value })));
  const margin = (T_975[points.length - 3] ?? 2) * standardError;
  return { slope, interval: [slope - margin, slope + margin] };
}

const noGrowth = ({ interval }: { interval: [number, number] }) => interval[0] <= 0 && interval[1] < FLAT.upperMBPerMinute;

/** The trend of the samples taken after the warm-up. */
export function memoryTrend(measured: readonly MemorySample[]): MemoryTrend {
  const floors = heapFloors(measured);
  const peaks = rssPeaks(measured);
  const rss = trend(peaks.map((p) => ({ second: p.second, value: p.rssMB })));
  const heap = trend(floors.map((f) => ({ second: f.second, value: f.heapMB })));
  return {
    rssSlopeMBPerMinute: rss.slope,
    rssSlopeInterval: rss.interval,
    rssPeaks: peaks,
    heapFloorSlopeMBPerMinute: heap.slope,
    heapFloorSlopeInterval: heap.interval,
    heapRawSlopeMBPerMinute: trend(measured.map((s) => ({ second: s.second, value: s.heapMB }))).slope,
    floors,
    flat: floors.length >= MIN_FLOORS && peaks.length >= MIN_FLOORS && noGrowth(rss) && noGrowth(heap),
  };
}
