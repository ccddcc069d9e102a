import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, atLocalTime } from '../../src/lib/time.ts';

const at = (date: string, time: string) => atLocalTime(date, time);

describe('addWorkingMinutes', () => {
  it('stays within the working day when the time fits', () => {
    expect(addWorkingMinutes(at('2026-03-02', '10:00'), 60)).toEqual(at('2026-03-02', '11:00'));
  });

  it('carries the rest over the night and the weekend', () => {
    // Friday 16:00 + 4 working hours: 1 hour on Friday, 3 on Monday.
    expect(addWorkingMinutes(at('2026-03-06', '16:00'), 240)).toEqual(at('2026-03-09', '12:00'));
    expect(addWorkingMinutes(at('2026-03-07', '11:00'), 30)).toEqual(at('2026-03-09', '09:30'));
    expect(addWorkingMinutes(at('2026-03-03', '20:00'), 30)).toEqual(at('2026-03-04', '09:30'));
  });

  it('counts local working hours across the switch to summer time', () => {
    const deadline = addWorkingMinutes(at('2026-03-27', '16:00'), 120); // Friday before the last Sunday of March
    expect(deadline.toISOString()).toBe('2026-03-30T08:00:00.000Z'); // Monday 10:00 in summer time
  });
});
