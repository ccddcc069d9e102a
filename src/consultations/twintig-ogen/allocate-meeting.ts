/**
 * Where a twintig-ogen case goes: pure rules, no database. A normal case takes the first meeting
 * with room; an urgent one only a meeting on or before its latest date, never a later one. When
 * nothing fits, the team is offered an extra short session on one of a few working days.
 */
import { addDays, atLocalTime, isWorkingDay } from '../../lib/time.ts';

export type Urgency = 'normal' | 'urgent';

export interface MeetingSlot {
  id: string;
  localDate: string;
  startsAt: Date;
  /** Cases already on the agenda (scheduled or approved). */
  used: number;
  capacity: number;
}

export interface AllocationRequest {
  urgency: Urgency;
  /** Local date (YYYY-MM-DD); required for an urgent case. */
  latestDate?: string | null;
  now: Date;
  /** Only meetings starting after this instant, e.g. when moving a case to a later meeting. */
  after?: Date;
}

export function allocateMeeting<S extends MeetingSlot>(slots: readonly S[], request: AllocationRequest): S | undefined {
  const after = request.after && request.after > request.now ? request.after : request.now;
  const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return sorted.find(
    (s) =>
      s.startsAt > after &&
      s.used < s.capacity &&
      (request.urgency !== 'urgent' || !request.latestDate || s.localDate <= request.latestDate),
  );
}

export interface ExtraSessionInput {
  /** Today in the team's zone. */
  today: string;
  /** The last acceptable local date; without one, the next two weeks. */
  latestDate?: string | null;
  startTime: string;
  timeZone: string;
  /** Dates to avoid: skipped (holidays) and the regular meeting dates. */
  avoid: Iterable<string>;
  count?: number;
}

/** Candidate times for an extra session: the next working days from tomorrow at the meeting's start time. */
export function extraSessionOptions(input: ExtraSessionInput): { localDate: string; startsAt: Date }[] {
  const avoid = new Set(input.avoid);
  const last = input.latestDate ?? addDays(input.today, 14);
  const options: { localDate: string; startsAt: Date }[] = [];
  for (let date = addDays(input.today, 1); date <= last && options.length < (input.count ?? 3); date = addDays(date, 1)) {
    if (!isWorkingDay(date) || avoid.has(date)) continue;
    options.push({ localDate: date, startsAt: atLocalTime(date, input.startTime, input.timeZone) });
  }
  return options;
}
