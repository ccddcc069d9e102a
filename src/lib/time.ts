/**
 * Wall-clock time in a team's time zone. Teams plan in local dates and times ("every other Tuesday
 * 10:00"); instants are computed from those per occurrence, so a meeting stays at 10:00 across DST.
 */
import { DateTime } from 'luxon';
import { WijkwijsError } from './errors.ts';

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** The instant of a local date ("2026-03-31") and time ("10:00") in a zone. */
export function atLocalTime(date: string, time: string, zone = DEFAULT_TIME_ZONE): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid) throw new WijkwijsError('bad_request', `Ongeldige datum of tijd: ${date} ${time}.`);
  return dt.toJSDate();
}

/** The local date ("2026-03-31") of an instant in a zone. */
export function localDate(instant: Date, zone = DEFAULT_TIME_ZONE): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/** The local time ("10:00") of an instant in a zone. */
export function localTime(instant: Date, zone = DEFAULT_TIME_ZONE): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
}

/** A local date moved by whole days, independent of DST. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

export function isWorkingDay(date: string): boolean {
  return weekday(date) <= 5;
}

/** "dinsdag 31 maart 2026 10:00" for people. */
export function formatDutch(instant: Date, zone = DEFAULT_TIME_ZONE, withTime = true): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale('nl').toFormat(withTime ? 'cccc d LLLL yyyy HH:mm' : 'cccc d LLLL yyyy');
}

export function isValidZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
