import { describe, expect, it } from 'vitest';
import { applyRhythmChange, defaultRhythm, meetingDates, plannedMeeting, type Rhythm } from '../../src/consultations/rhythm/rhythm.ts';
import { allocateMeeting, extraSessionOptions, type MeetingSlot } from '../../src/consultations/twintig-ogen/allocate-meeting.ts';
import { pollClosesAt } from '../../src/consultations/twintig-ogen/open-poll.ts';

const rhythm: Rhythm = { ...defaultRhythm('t', '2026-03-02'), anchorDate: '2026-03-10', weekday: 2, intervalWeeks: 2 };
const now = new Date('2026-03-02T08:00:00Z');

function slots(used: number[], r: Rhythm = rhythm): MeetingSlot[] {
  return meetingDates(r, '2026-03-02', used.length).map((date, i) => ({
    id: `m${i}`,
    localDate: date,
    startsAt: plannedMeeting(r, date).startsAt,
    used: used[i]!,
    capacity: r.casesPerMeeting,
  }));
}

describe('meeting dates from the rhythm', () => {
  it('gives every other Tuesday from the anchor, before and after it', () => {
    expect(meetingDates(rhythm, '2026-03-02', 3)).toEqual(['2026-03-10', '2026-03-24', '2026-04-07']);
    expect(meetingDates(rhythm, '2026-02-20', 2)).toEqual(['2026-02-24', '2026-03-10']);
    expect(meetingDates(rhythm, '2026-03-10', 1)).toEqual(['2026-03-10']);
  });

  it('skips a holiday date', () => {
    expect(meetingDates({ ...rhythm, skippedDates: ['2026-03-24'] }, '2026-03-02', 3)).toEqual(['2026-03-10', '2026-04-07', '2026-04-21']);
  });

  it('keeps 10:00 local across the spring and autumn DST changes', () => {
    expect(plannedMeeting(rhythm, '2026-03-24').startsAt.toISOString()).toBe('2026-03-24T09:00:00.000Z');
    expect(plannedMeeting(rhythm, '2026-03-31').startsAt.toISOString()).toBe('2026-03-31T08:00:00.000Z');
    expect(plannedMeeting(rhythm, '2026-10-20').startsAt.toISOString()).toBe('2026-10-20T08:00:00.000Z');
    expect(plannedMeeting(rhythm, '2026-10-27').startsAt.toISOString()).toBe('2026-10-27T09:00:00.000Z');
  });

  it('moves the anchor onto the chosen weekday and refuses an end before the start', () => {
    expect(applyRhythmChange(rhythm, { weekday: 4 }).anchorDate).toBe('2026-03-12');
    expect(applyRhythmChange(rhythm, { anchorDate: '2026-03-11' }).weekday).toBe(3);
    expect(() => applyRhythmChange(rhythm, { startTime: '12:00', endTime: '11:00' })).toThrow(/eindtijd/);
  });
});

describe('allocating a twintig-ogen case', () => {
  it('fills a meeting up to its capacity, then takes the next', () => {
    expect(allocateMeeting(slots([0, 0]), { urgency: 'normal', now })?.id).toBe('m0');
    expect(allocateMeeting(slots([2, 0]), { urgency: 'normal', now })?.id).toBe('m0');
    expect(allocateMeeting(slots([3, 0]), { urgency: 'normal', now })?.id).toBe('m1');
    expect(allocateMeeting(slots([3, 3, 1]), { urgency: 'normal', now })?.id).toBe('m2');
  });

  it('never places an urgent case after its latest date', () => {
    expect(allocateMeeting(slots([3, 0]), { urgency: 'urgent', latestDate: '2026-03-24', now })?.id).toBe('m1');
    expect(allocateMeeting(slots([3, 0]), { urgency: 'urgent', latestDate: '2026-03-20', now })).toBeUndefined();
    // A normal case is not bound by a date.
    expect(allocateMeeting(slots([3, 0]), { urgency: 'normal', latestDate: '2026-03-20', now })?.id).toBe('m1');
  });

  it('skips meetings that already started and, when moving, those not after the current one', () => {
    const late = new Date('2026-03-10T09:30:00Z');
    expect(allocateMeeting(slots([0, 0]), { urgency: 'normal', now: late })?.id).toBe('m1');
    const s = slots([1, 1, 0]);
    expect(allocateMeeting(s, { urgency: 'normal', now, after: s[0]!.startsAt })?.id).toBe('m1');
  });

  it('offers three working days for an extra session before the latest date, avoiding holidays and meeting days', () => {
    const options = extraSessionOptions({ today: '2026-03-05', latestDate: '2026-03-12', startTime: '10:00', timeZone: 'Europe/Amsterdam', avoid: ['2026-03-09', '2026-03-10'] });
    expect(options.map((o) => o.localDate)).toEqual(['2026-03-06', '2026-03-11', '2026-03-12']);
    expect(options[0]!.startsAt.toISOString()).toBe('2026-03-06T09:00:00.000Z');
    expect(extraSessionOptions({ today: '2026-03-06', latestDate: '2026-03-08', startTime: '10:00', timeZone: 'Europe/Amsterdam', avoid: [] })).toEqual([]);
  });

  it('closes a poll within a day, before the first option', () => {
    expect(pollClosesAt(now, new Date('2026-03-10T09:00:00Z')).toISOString()).toBe('2026-03-03T08:00:00.000Z');
    expect(pollClosesAt(now, new Date('2026-03-03T09:00:00Z')).toISOString()).toBe('2026-03-02T21:00:00.000Z');
    expect(pollClosesAt(now, new Date('2026-03-02T12:00:00Z')).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });
});
