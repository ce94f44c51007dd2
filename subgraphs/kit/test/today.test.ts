// today() is worked out once a minute; it must still turn at Dutch midnight, winter and summer, and follow a clock
// set back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { today } from '../src/validate.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('today in the Netherlands', () => {
  it.each([
    ['winter (CET, UTC+1)', '2026-01-14T22:59:59.900Z', '2026-01-14', '2026-01-15'],
    ['summer (CEST, UTC+2)', '2026-07-14T21:59:59.900Z', '2026-07-14', '2026-07-15'],
  ])('turns at midnight in %s', (_, beforeMidnight, dayBefore, dayAfter) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(beforeMidnight));
    expect(today()).toBe(dayBefore);
    vi.setSystemTime(new Date(Date.parse(beforeMidnight) + 200));
    expect(today()).toBe(dayAfter);
    vi.setSystemTime(new Date(beforeMidnight));
    expect(today()).toBe(dayBefore);
  });
});
