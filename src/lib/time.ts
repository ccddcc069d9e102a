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

/** Monday to Friday, except the Dutch public holidays (see `dutchPublicHolidays`). */
export function isWorkingDay(date: string): boolean {
  return weekday(date) <= 5 && !dutchPublicHolidays(Number(date.slice(0, 4))).has(date);
}

/** The date itself when it is a working day, else the first working day after it. */
export function firstWorkingDayFrom(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

const holidayCache = new Map<number, Set<string>>();

/**
 * The generally recognised holidays of the Algemene termijnenwet (art. 3): Nieuwjaarsdag, Tweede
 * Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, Tweede Pinksterdag and both Kerstdagen. Many
 * organisations also give Goede Vrijdag off; a team can skip that date for its meetings.
 */
export function dutchPublicHolidays(year: number): Set<string> {
  let days = holidayCache.get(year);
  if (!days) {
    const easter = easterSunday(year);
    // Koningsdag moves to the 26th when the 27th is a Sunday.
    const kingsDay = weekday(`${year}-04-27`) === 7 ? `${year}-04-26` : `${year}-04-27`;
    days = new Set([`${year}-01-01`, addDays(easter, 1), kingsDay, `${year}-05-05`, addDays(easter, 39), addDays(easter, 50), `${year}-12-25`, `${year}-12-26`]);
    holidayCache.set(year, days);
  }
  return days;
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "dinsdag 31 maart 2026 10:00" for people. */
export function formatDutch(instant: Date, zone = DEFAULT_TIME_ZONE, withTime = true): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale('nl').toFormat(withTime ? 'cccc d LLLL yyyy HH:mm' : 'cccc d LLLL yyyy');
}

export function isValidZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/**
 * The moment `minutes` of working time after `from`: only working days between `hours.start` and
 * `hours.end` count, so four hours asked at 16:00 on a Friday run out on Monday at 12:00.
 */
export function addWorkingMinutes(from: Date, minutes: number, zone = DEFAULT_TIME_ZONE, hours = { start: '09:00', end: '17:00' }): Date {
  let date = localDate(from, zone);
  let cursor = DateTime.fromJSDate(from, { zone });
  let left = minutes;
  // A year of days is far more than any time-out needs; the bound only guards against a bad input.
  for (let day = 0; day < 366; day++) {
    const start = DateTime.fromISO(`${date}T${hours.start}`, { zone });
    const end = DateTime.fromISO(`${date}T${hours.end}`, { zone });
    if (isWorkingDay(date) && cursor < end) {
      const begin = cursor < start ? start : cursor;
      const available = end.diff(begin, 'minutes').minutes;
      if (left <= available) return begin.plus({ minutes: left }).toJSDate();
      left -= available;
    }
    date = addDays(date, 1);
    cursor = DateTime.fromISO(`${date}T00:00`, { zone });
  }
  throw new WijkwijsError('bad_request', `Een termijn van ${minutes} werkminuten is te lang.`);
}
