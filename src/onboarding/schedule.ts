/** Working-day arithmetic of the programme: modules unlock by working days after the start date. */
import { addDays, atLocalTime, firstWorkingDayFrom, isWorkingDay, localDate } from '../lib/time.ts';

/** After this many working days without activity while a module is due, the buddy hears of it. */
export const STALL_WORKING_DAYS = 3;

export { firstWorkingDayFrom };

/** The date `n` working days after the first working day on or after `date`. */
export function addWorkingDays(date: string, n: number): string {
  let d = firstWorkingDayFrom(date);
  for (let i = 0; i < n; i++) d = firstWorkingDayFrom(addDays(d, 1));
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
  return count;
}

export function dueDate(startDate: string, day: number): string {
  return addWorkingDays(startDate, day);
}

/** The next working day strictly after `date`. */
export function nextWorkingDay(date: string): string {
  return firstWorkingDayFrom(addDays(date, 1));
}

/**
 * The first nudge instant after `now`: a working day on or after the start (and after a snooze),
 * at the chosen local time, converted per day so 09:30 stays 09:30 across DST.
 */
export function nextNudgeAt(input: { startDate: string; nudgeTime: string; timeZone: string; snoozedUntil?: string | null }, now: Date): { date: string; at: Date } {
  const today = localDate(now, input.timeZone);
  let d = [today, input.startDate, input.snoozedUntil ?? ''].reduce((a, b) => (b > a ? b : a));
  for (let i = 0; i < 60; i++, d = addDays(d, 1)) {
    if (!isWorkingDay(d)) continue;
    const at = atLocalTime(d, input.nudgeTime, input.timeZone);
    if (at.getTime() > now.getTime()) return { date: d, at };
  }
  throw new Error('no nudge moment within 60 days');
}
