import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, atLocalTime, dutchPublicHolidays, isWorkingDay } from '../../src/lib/time.ts';

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

describe('Dutch public holidays', () => {
  it('knows the moving and fixed holidays', () => {
    // Easter 2026 is 5 April, 2027 is 28 March; Koningsdag 2025 fell on a Sunday, so it was the 26th.
    expect([...dutchPublicHolidays(2026)].sort()).toEqual(['2026-01-01', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26']);
    expect(dutchPublicHolidays(2027).has('2027-03-29')).toBe(true);
    expect(dutchPublicHolidays(2025).has('2025-04-26')).toBe(true);
  });

  it('does not count them as working days', () => {
    expect(isWorkingDay('2026-04-06')).toBe(false); // Tweede Paasdag
    expect(isWorkingDay('2026-04-07')).toBe(true);
    expect(addWorkingMinutes(at('2026-12-24', '16:00'), 120)).toEqual(at('2026-12-28', '10:00'));
  });
});
