/**
 * A lead enrols a newcomer (a member of the team) with a start date and, if they like, a buddy of
 * their choosing (else the rotation picks one). The newcomer hears who enrolled them, when they
 * start, who the buddy is and how far they may still move the start; the buddy hears who the newcomer is.
 */
import { z } from 'zod';
import type { Context } from '../assistant/context.ts';
import { fieldLabels, parseFields, selectField } from '../assistant/feature-kit.ts';
import type { Reply, ReplyForm, TurnAction } from '../assistant/reply.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { atLocalTime, formatDutch, localDate } from '../lib/time.ts';
import { namePeople } from '../people/name-people.ts';
import { absentOn, teamTimeZone } from '../teams/absences.ts';
import { requireTeamRole } from '../teams/authorise.ts';
import { isMember } from '../teams/membership.ts';
import { assignBuddy } from './assign-buddy.ts';
import { checkStartDate } from './choose-start.ts';
import { DEFAULT_NUDGE_TIME, findEnrollment, programmeFor, scheduleNextNudge, type Enrollment } from './enrollment.ts';
import { introduceBuddy } from './introduce-buddy.ts';
import { reply } from './render-step.ts';
import { firstWorkingDayFrom } from './schedule.ts';
import { startForm } from './start-form.ts';
import { latestStart } from './start-limit.ts';

export const ENROL_SUBMIT = 'onboarding.enrol';
export const EDIT_OPEN = 'onboarding.edit';
export const EDIT_SAVE = 'onboarding.edit-save';
const RUNNING = ['awaiting_start', 'active', 'paused'];

const enrolFields = z.object({
  newcomer: z.string().min(1, 'Kies de nieuwe collega.').max(200),
  startDate: z.iso.date({ error: 'Kies een geldige startdatum (JJJJ-MM-DD).' }),
  buddy: z.string().max(200).optional(),
});

/** The choices of a buddy: the rotation, or a member present today (never the newcomer). */
export async function buddyChoices(ctx: Context, teamId: string, exclude: string | undefined, timeZone: string): Promise<Record<string, string>> {
  const members = await ctx.db.prisma.teamMember.findMany({ where: { teamId }, select: { userId: true } });
  const away = await absentOn(ctx.db.prisma, teamId, localDate(ctx.clock.now(), timeZone));
  const names = await namePeople(ctx, members.map((m) => m.userId));
  const present = members.filter((m) => m.userId !== exclude && !away.has(m.userId)).map((m) => [m.userId, names.name(m.userId)] as const);
  return Object.fromEntries([['', 'Kies voor mij (rotatie)'], ...present.sort((a, b) => a[1].localeCompare(b[1]))]);
}

export async function enrolForm(ctx: Context, leadId: string, teamId: string): Promise<ReplyForm> {
  await requireTeamRole(ctx.db.prisma, { userId: leadId }, teamId, ['lead', 'admin']);
  const members = await ctx.db.prisma.teamMember.findMany({ where: { teamId, userId: { not: leadId } }, select: { userId: true } });
  const running = new Set((await ctx.db.prisma.onboardingEnrollment.findMany({ where: { teamId, status: { in: ['active', 'paused', 'completed'] } }, select: { userId: true } })).map((e) => e.userId));
  const names = await namePeople(ctx, members.map((m) => m.userId));
  const newcomers = members.filter((m) => !running.has(m.userId)).map((m) => [m.userId, names.name(m.userId)] as const);
  if (newcomers.length === 0) throw new WijkwijsError('bad_request', `Iedereen in team ${teamId} volgt het inwerkprogramma al of heeft het afgerond. Een nieuwe collega moet eerst lid van het team zijn (bijvoorbeeld via het teamkanaal).`);
  const zone = await teamTimeZone(ctx.db.prisma, teamId);
  return {
    id: teamId,
    title: 'Nieuwe collega inwerken',
    fields: [
      selectField('newcomer', 'Nieuwe collega', Object.fromEntries(newcomers.sort((a, b) => a[1].localeCompare(b[1])))),
      { name: 'startDate', label: 'Startdatum', value: firstWorkingDayFrom(localDate(ctx.clock.now(), zone)), kind: 'date' },
      selectField('buddy', 'Buddy', await buddyChoices(ctx, teamId, undefined, zone), { optional: true }),
    ],
    submit: { id: ENROL_SUBMIT, label: 'Inschrijven' },
  };
}

export async function submitEnrolment(ctx: Context, leadId: string, action: TurnAction): Promise<Reply> {
  const teamId = action.value ?? '';
  const form = await enrolForm(ctx, leadId, teamId);
  const f = parseFields(enrolFields, action, fieldLabels(form));
  return enrolByLead(ctx, leadId, { teamId, newcomerId: f.newcomer, startDate: f.startDate, buddyId: f.buddy || undefined });
}

export async function enrolByLead(ctx: Context, leadId: string, input: { teamId: string; newcomerId: string; startDate: string; buddyId?: string }): Promise<Reply> {
  const { prisma } = ctx.db;
  await requireTeamRole(prisma, { userId: leadId }, input.teamId, ['lead', 'admin']);
  if (!(await isMember(prisma, input.newcomerId, input.teamId))) throw new WijkwijsError('bad_request', `De nieuwe collega is nog geen lid van team ${input.teamId}.`);
  const existing = await prisma.onboardingEnrollment.findUnique({ where: { teamId_userId: { teamId: input.teamId, userId: input.newcomerId } } });
  if (existing && !RUNNING.includes(existing.status) && existing.status !== 'stopped') throw new WijkwijsError('bad_request', 'Deze collega heeft het inwerkprogramma al afgerond.');
  const base = existing ?? (await prisma.onboardingEnrollment.create({ data: { teamId: input.teamId, userId: input.newcomerId, status: 'awaiting_start', nudgeTime: DEFAULT_NUDGE_TIME } }));
  const startDate = checkStartDate(ctx, base, input.startDate);
  const programme = programmeFor(ctx, base);
  let e = await prisma.onboardingEnrollment.update({
    where: { id: base.id },
    data: { startDate, leadStartDate: startDate, enrolledBy: leadId, status: 'active', programmeHash: programme.hash, currentModule: base.currentModule ?? programme.modules[0]!.id, snoozedUntil: null },
  });
  const previousBuddyId = e.buddyId;
  if (input.buddyId || !e.buddyId) await assignBuddy(ctx, e, input.buddyId);
  e = (await findEnrollment(ctx, e.id))!;
  await scheduleNextNudge(ctx, e);
  await recordAuditEvents(prisma, [{ actorId: leadId, action: 'onboarding.enrolled', subjectType: 'user', subjectId: e.userId, teamId: e.teamId }], ctx.clock.now());
  await welcomeEnrolled(ctx, e, leadId);
  if (e.buddyId !== previousBuddyId || !existing) await introduceBuddy(ctx, e, { chosenBy: input.buddyId ? leadId : undefined, previousBuddyId });
  ctx.logger.info({ enrollmentId: e.id, buddy: Boolean(e.buddyId), chosen: Boolean(input.buddyId) }, 'onboarding enrolled by lead');
  return enrolmentSummary(ctx, e, 'ingeschreven');
}

/**
 * The newcomer's message: who enrolled them, the start, and the form to move it within the limit. It is
 * its own message (not an edit of the welcome they may have had on joining), so the newcomer is notified.
 */
async function welcomeEnrolled(ctx: Context, e: Enrollment, leadId: string): Promise<void> {
  const names = await namePeople(ctx, [leadId, e.buddyId]);
  const day = (d: string) => formatDutch(atLocalTime(d, e.nudgeTime, e.timeZone), e.timeZone, false);
  const latest = await latestStart(ctx, e);
  const buddy = e.buddyId ? ` Je buddy is ${names.name(e.buddyId)}.` : '';
  const move = latest ? ` Past die dag niet? Je kunt hem zelf verzetten tot uiterlijk ${day(latest)}, en kiezen hoe laat je je berichtje krijgt.` : '';
  const text = `Welkom in het team! 👋 ${names.name(leadId)} heeft je ingeschreven voor het inwerkprogramma: je start op ${day(e.startDate!)}, elke werkdag met een kort stukje.${buddy}${move}`;
  const welcome = startForm(ctx, e, text);
  await ctx.messenger.send({ to: { userId: e.userId }, key: `onboarding.enrolled:${e.id}`, reply: { ...welcome, people: names.named() } });
}

/** What the lead sees after enrolling or changing: start, buddy, and a button to change them again. */
export async function enrolmentSummary(ctx: Context, e: Enrollment, done: string): Promise<Reply> {
  const names = await namePeople(ctx, [e.userId, e.buddyId]);
  const start = e.startDate ? formatDutch(atLocalTime(e.startDate, e.nudgeTime, e.timeZone), e.timeZone, false) : 'nog niet gekozen';
  return reply(`${names.name(e.userId)} is ${done}: start ${start}, buddy ${e.buddyId ? names.name(e.buddyId) : 'nog niet gevonden'}. Beiden weten van elkaar. Later wijzigen kan hier of via /onboarding status.`, {
    people: names.named(),
    actions: [{ id: EDIT_OPEN, label: 'Start of buddy wijzigen', value: e.id }],
  });
}

