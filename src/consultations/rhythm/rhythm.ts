/**
 * The team rhythm in plain values, and the meeting dates it yields. Pure: no database, no clock, so
 * the planning rules are tested on their own.
 */
import { z } from 'zod';
import { addDays, atLocalTime, DEFAULT_TIME_ZONE, isValidZone, weekday } from '../../lib/time.ts';

export interface Rhythm {
  teamId: string;
  timeZone: string;
  /** ISO weekday of the meeting: 1 = maandag … 5 = vrijdag. */
  weekday: number;
  intervalWeeks: number;
  /** The local date of one meeting; the others are whole intervals before or after it. */
  anchorDate: string;
  startTime: string;
  endTime: string;
  casesPerMeeting: number;
  minutesPerCase: number;
  skippedDates: string[];
  facilitatorIds: string[];
}

export const WEEKDAYS: { value: number; short: string; name: string }[] = [
  { value: 1, short: 'ma', name: 'maandag' },
  { value: 2, short: 'di', name: 'dinsdag' },
  { value: 3, short: 'wo', name: 'woensdag' },
  { value: 4, short: 'do', name: 'donderdag' },
  { value: 5, short: 'vr', name: 'vrijdag' },
];

const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Een datum schrijf je als JJJJ-MM-DD, bijvoorbeeld 2026-01-06.');
const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Een tijd schrijf je als UU:MM, bijvoorbeeld 10:00.');

/** A change to a rhythm; everything optional, so a command can change one thing. */
export const rhythmChangeSchema = z.object({
  timeZone: z.string().refine(isValidZone, 'Deze tijdzone ken ik niet, bijvoorbeeld Europe/Amsterdam.').optional(),
  weekday: z.number().int().min(1, 'Kies een werkdag (ma t/m vr).').max(5, 'Kies een werkdag (ma t/m vr).').optional(),
  intervalWeeks: z.number().int().min(1, 'Om de hoeveel weken: minstens 1.').max(8, 'Om de hoeveel weken: hoogstens 8.').optional(),
  anchorDate: localDateSchema.optional(),
  startTime: localTimeSchema.optional(),
  endTime: localTimeSchema.optional(),
  casesPerMeeting: z.number().int().min(1, 'Minstens 1 casus per overleg.').max(10, 'Hoogstens 10 casussen per overleg.').optional(),
  minutesPerCase: z.number().int().min(10, 'Minstens 10 minuten per casus.').max(120, 'Hoogstens 120 minuten per casus.').optional(),
  skippedDates: z.array(localDateSchema).max(100).optional(),
  facilitatorIds: z.array(z.string().min(1).max(200)).max(20).optional(),
});
export type RhythmChange = z.infer<typeof rhythmChangeSchema>;

export function defaultRhythm(teamId: string, today: string): Rhythm {
  return {
    teamId,
    timeZone: DEFAULT_TIME_ZONE,
    weekday: 2,
    intervalWeeks: 2,
    anchorDate: nextWeekday(today, 2),
    startTime: '10:00',
    endTime: '12:00',
    casesPerMeeting: 3,
    minutesPerCase: 30,
    skippedDates: [],
    facilitatorIds: [],
  };
}

/** The first date on or after `date` that falls on the ISO weekday. */
export function nextWeekday(date: string, isoWeekday: number): string {
  return addDays(date, (isoWeekday - weekday(date) + 7) % 7);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Applies a change and keeps the rhythm consistent: the anchor falls on the weekday, the end after the start. */
export function applyRhythmChange(current: Rhythm, change: RhythmChange): Rhythm {
  const next: Rhythm = { ...current, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as Rhythm;
  if (change.anchorDate && change.weekday === undefined) next.weekday = weekday(change.anchorDate);
  if (weekday(next.anchorDate) !== next.weekday) next.anchorDate = nextWeekday(next.anchorDate, next.weekday);
  if (next.weekday > 5) throw new RangeError('Het teamoverleg valt op een werkdag: kies een datum van maandag tot en met vrijdag.');
  if (next.endTime <= next.startTime) throw new RangeError('De eindtijd moet na de begintijd liggen.');
  next.skippedDates = [...new Set(next.skippedDates)].sort();
  next.facilitatorIds = [...new Set(next.facilitatorIds)];
  return next;
}

/** Local dates of the regular meetings on or after `fromDate`, without skipped dates. */
export function meetingDates(rhythm: Pick<Rhythm, 'anchorDate' | 'intervalWeeks' | 'skippedDates'>, fromDate: string, count: number): string[] {
  const step = rhythm.intervalWeeks * 7;
  const offset = daysBetween(rhythm.anchorDate, fromDate);
  let date = addDays(rhythm.anchorDate, Math.ceil(offset / step) * step);
  const skipped = new Set(rhythm.skippedDates);
  const dates: string[] = [];
  // Bounded, so a rhythm that skips everything cannot loop forever.
  for (let i = 0; dates.length < count && i < count + 200; i++, date = addDays(date, step)) {
    if (!skipped.has(date)) dates.push(date);
  }
  return dates;
}

/** Whether a local date is a (not skipped) meeting date of the rhythm. */
export function isMeetingDate(rhythm: Pick<Rhythm, 'anchorDate' | 'intervalWeeks' | 'skippedDates'>, date: string): boolean {
  return meetingDates(rhythm, date, 1)[0] === date;
}

export interface PlannedMeeting {
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

/** The instants of a regular meeting, computed per date so 10:00 stays 10:00 across DST. */
export function plannedMeeting(rhythm: Pick<Rhythm, 'startTime' | 'endTime' | 'timeZone'>, localDate: string): PlannedMeeting {
  return {
    localDate,
    startsAt: atLocalTime(localDate, rhythm.startTime, rhythm.timeZone),
    endsAt: atLocalTime(localDate, rhythm.endTime, rhythm.timeZone),
  };
}

export function weekdayName(isoWeekday: number): string {
  return WEEKDAYS.find((w) => w.value === isoWeekday)?.name ?? `dag ${isoWeekday}`;
}

/** "ma", "maandag", "1" → 1. */
export function parseWeekday(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^[1-7]$/.test(t)) return Number(t);
  return WEEKDAYS.find((w) => w.short === t || w.name === t || w.name.startsWith(t) && t.length >= 2)?.value;
}

/** "Om de 2 weken op dinsdag, 10:00–12:00 (Europe/Amsterdam); 3 casussen van 30 minuten." */
export function describeRhythm(rhythm: Rhythm): string {
  const every = rhythm.intervalWeeks === 1 ? 'Elke week' : `Om de ${rhythm.intervalWeeks} weken`;
  return `${every} op ${weekdayName(rhythm.weekday)}, ${rhythm.startTime}–${rhythm.endTime} (${rhythm.timeZone}), vanaf ${rhythm.anchorDate}; ${rhythm.casesPerMeeting} twintig-ogen casussen van ${rhythm.minutesPerCase} minuten per overleg.`;
}
