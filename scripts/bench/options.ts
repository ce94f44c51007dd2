// The benchmark's options, shared by the gateway comparison and the soak, so a quick run can smoke-test the harness.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** The normal seed in its own database instead of the scale dataset. */
  quick: boolean;
  /** Seconds measured per cell of the gateway comparison. */
  duration: number;
  /** Seconds of unmeasured load before each cell. */
  warmup: number;
  /** Minutes of soak, and the warm-up left out of its memory slope. */
  soakMinutes: number;
  soakWarmupMinutes: number;
}

const positive = (name: string, value: string | undefined, fallback: number) => {
  const number = value === undefined ? fallback : Number(value);
  if (!(number > 0)) throw new Error(`--${name} must be a positive number, not "${value}".`);
  return number;
};

/** `--quick`, `--duration <s>`, `--warmup <s>`, `--soak-minutes <m>`; a quick run defaults to 5 s cells and a 1-minute soak. */
export function readOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: { quick: { type: 'boolean', default: false }, duration: { type: 'string' }, warmup: { type: 'string' }, 'soak-minutes': { type: 'string' } },
  });
  const soakMinutes = positive('soak-minutes', values['soak-minutes'], values.quick ? 1 : 5);
  return {
    quick: values.quick!,
    duration: positive('duration', values.duration, values.quick ? 5 : 15),
    warmup: positive('warmup', values.warmup, values.quick ? 1 : 3),
    soakMinutes,
    soakWarmupMinutes: Math.min(1, soakMinutes / 5),
  };
}
