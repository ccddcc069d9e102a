import { z } from 'zod';
import type { Context } from '../assistant/context.ts';
import { defineJob } from '../assistant/feature-kit.ts';
import { isWorkingDay, localDate } from '../lib/time.ts';
import { displayName, findEnrollment, moduleById, NUDGE_JOB, programmeFor, reconcile, scheduleNextNudge, teamLeads, type Enrollment } from './enrollment.ts';
import { positionText, renderStep, reply } from './render-step.ts';
import { dueDate, STALL_WORKING_DAYS, workingDaysBetween } from './schedule.ts';

/**
 * The daily nudge of one newcomer, on working days at their chosen local time: the current step when
 * its module is due (not when they went ahead, were active today or said "later"), a note to the
 * buddy once per stall, and the next day planned. Safe to run twice: a nudge is keyed by date.
 */
export const nudgeJob = defineJob({
  kind: NUDGE_JOB,
  payload: z.object({ enrollmentId: z.string().min(1) }),
  async run(ctx, { enrollmentId }) {
    const found = await findEnrollment(ctx, enrollmentId);
    if (!found || (found.status !== 'active' && found.status !== 'paused')) return;
    await sendNudge(ctx, found);
    const latest = await findEnrollment(ctx, enrollmentId);
    if (latest) await scheduleNextNudge(ctx, latest);
  },
});

export async function sendNudge(ctx: Context, enrollment: Enrollment): Promise<void> {
  const now = ctx.clock.now();
  const today = localDate(now, enrollment.timeZone);
  if (enrollment.status !== 'active' || !enrollment.startDate || !isWorkingDay(today)) return;
  const programme = programmeFor(ctx, enrollment);
  const e = await reconcile(ctx, enrollment, programme);
  const m = moduleById(programme, e.currentModule);
  if (!m || dueDate(e.startDate!, m.day) > today) return; // went ahead: nothing due yet

  await noteStall(ctx, e, today, dueDate(e.startDate!, m.day));
  const snoozed = e.snoozedUntil && e.snoozedUntil > today;
  // Busy with a step today already: no need to interrupt. A module not yet opened is still announced.
  const activeToday = e.stepShown && e.lastActivityAt && localDate(e.lastActivityAt, e.timeZone) === today;
  const nudgedToday = e.lastNudgedAt && localDate(e.lastNudgedAt, e.timeZone) === today;
  if (snoozed || nudgedToday || activeToday) return;

  const greeting = e.currentStep === 0 && !e.stepShown ? 'Goedemorgen! Er staat een nieuwe module voor je klaar.' : 'Hoi! Zullen we verdergaan waar je was?';
  const { reply: message } = await renderStep(ctx, programme, e, greeting);
  await ctx.messenger.send({ to: { userId: e.userId }, reply: message, key: `onboarding.nudge:${e.id}:${today}` });
  await ctx.db.prisma.onboardingEnrollment.update({ where: { id: e.id }, data: { lastNudgedAt: now } });
  ctx.logger.info({ enrollmentId: e.id, moduleId: m.id, step: e.currentStep }, 'onboarding nudge sent');
}

/**
 * Working days without activity since something was due: counted from the last activity, but not
 * from before the start or before the current module became due (going ahead is not stalling).
 */
export function idleWorkingDays(e: Enrollment, today: string, currentDue?: string): number {
  const last = e.lastActivityAt ? localDate(e.lastActivityAt, e.timeZone) : e.startDate ?? today;
  const from = [last, e.startDate ?? '', currentDue ?? ''].reduce((a, b) => (b > a ? b : a));
  return workingDaysBetween(from, today);
}

/** Stalled: no activity for a few working days while a module is due. The buddy (or else the leads) hears once per stall. */
async function noteStall(ctx: Context, e: Enrollment, today: string, currentDue: string): Promise<void> {
  const idle = idleWorkingDays(e, today, currentDue);
  if (idle < STALL_WORKING_DAYS || e.stalledNotifiedAt) return;
  const programme = programmeFor(ctx, e);
  const name = await displayName(ctx, e.userId);
  const recipients = e.buddyId ? [e.buddyId] : await teamLeads(ctx, e.teamId);
  const message = reply(
    `${name} is al ${idle} werkdagen niet verder gegaan met het inwerkprogramma (nu bij ${positionText(programme, e)}). Misschien even vragen hoe het gaat? Vaak is het gewoon druk, soms zit er iets anders achter.`,
    { actions: [{ id: 'onboarding.buddy-ack', label: 'Ik neem contact op', value: e.id, style: 'primary' }] },
  );
  for (const userId of recipients) await ctx.messenger.send({ to: { userId }, reply: message, key: `onboarding.stalled:${e.id}:${today}:${userId}` });
  await ctx.db.prisma.onboardingEnrollment.update({ where: { id: e.id }, data: { stalledNotifiedAt: ctx.clock.now() } });
  ctx.logger.info({ enrollmentId: e.id, idle, recipients: recipients.length }, 'onboarding stall noted');
}
