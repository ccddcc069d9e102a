/**
 * A lead changes a newcomer's start or buddy later (from /onboarding status or the enrolment
 * summary). The newcomer hears a new start; a new buddy and the newcomer are introduced again and
 * the previous buddy is told.
 */
import { z } from 'zod';
import type { Context } from '../assistant/context.ts';
import { fieldLabels, parseFields, selectField } from '../assistant/feature-kit.ts';
import type { Reply, ReplyForm, TurnAction } from '../assistant/reply.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { atLocalTime, formatDutch } from '../lib/time.ts';
import { namePeople } from '../people/name-people.ts';
import { requireTeamRole } from '../teams/authorise.ts';
import { assignBuddy } from './assign-buddy.ts';
import { checkStartDate } from './choose-start.ts';
import { buddyChoices, EDIT_SAVE, enrolmentSummary } from './enrol-by-lead.ts';
import { findEnrollment, scheduleNextNudge, type Enrollment } from './enrollment.ts';
import { introduceBuddy } from './introduce-buddy.ts';
import { reply } from './render-step.ts';

const editFields = z.object({ startDate: z.iso.date({ error: 'Kies een geldige startdatum (JJJJ-MM-DD).' }), buddy: z.string().max(200).optional() });

async function leadsEnrollment(ctx: Context, leadId: string, enrollmentId: string | undefined): Promise<Enrollment> {
  const e = enrollmentId ? await findEnrollment(ctx, enrollmentId) : null;
  if (!e) throw new WijkwijsError('not_found', 'Dit inwerkprogramma bestaat niet (meer).');
  await requireTeamRole(ctx.db.prisma, { userId: leadId }, e.teamId, ['lead', 'admin']);
  if (e.status === 'completed') throw new WijkwijsError('bad_request', 'Deze collega heeft het inwerkprogramma al afgerond.');
  return e;
}

async function buildEditForm(ctx: Context, e: Enrollment): Promise<{ form: ReplyForm; choices: Record<string, string> }> {
  const choices = await buddyChoices(ctx, e.teamId, e.userId, e.timeZone);
  const form: ReplyForm = {
    id: e.id,
    title: 'Inwerken wijzigen',
    fields: [
      { name: 'startDate', label: 'Startdatum', value: e.startDate ?? '', kind: 'date' },
      selectField('buddy', 'Buddy', choices, { value: e.buddyId && e.buddyId in choices ? e.buddyId : '', optional: true }),
    ],
    submit: { id: EDIT_SAVE, label: 'Opslaan' },
  };
  return { form, choices };
}

export async function editForm(ctx: Context, leadId: string, enrollmentId: string | undefined): Promise<Reply> {
  const e = await leadsEnrollment(ctx, leadId, enrollmentId);
  const names = await namePeople(ctx, [e.userId]);
  const { form } = await buildEditForm(ctx, e);
  return reply(`Start of buddy van ${names.name(e.userId)} wijzigen.`, { form, people: names.named() });
}

export async function changeEnrolment(ctx: Context, leadId: string, action: TurnAction): Promise<Reply> {
  const e = await leadsEnrollment(ctx, leadId, action.value);
  const { form, choices } = await buildEditForm(ctx, e);
  const f = parseFields(editFields, action, fieldLabels(form));
  if (f.buddy && !(f.buddy in choices)) throw new WijkwijsError('bad_request', 'Die buddy kan ik niet kiezen: geen lid van het team, of vandaag afwezig.');
  const startDate = checkStartDate(ctx, e, f.startDate);
  let changed = e;
  if (startDate !== e.startDate) {
    changed = await ctx.db.prisma.onboardingEnrollment.update({ where: { id: e.id }, data: { startDate, leadStartDate: startDate, snoozedUntil: null } });
    await scheduleNextNudge(ctx, changed);
    const names = await namePeople(ctx, [leadId]);
    const day = formatDutch(atLocalTime(startDate, changed.nudgeTime, changed.timeZone), changed.timeZone, false);
    await ctx.messenger.send({ to: { userId: e.userId }, reply: reply(`${names.name(leadId)} heeft je start in het inwerkprogramma verzet naar ${day}.`, { people: names.named() }) });
  }
  if (f.buddy && f.buddy !== e.buddyId) {
    await assignBuddy(ctx, changed, f.buddy);
    changed = (await findEnrollment(ctx, e.id))!;
    await recordAuditEvents(ctx.db.prisma, [{ actorId: leadId, action: 'onboarding.buddy_changed', subjectType: 'user', subjectId: e.userId, teamId: e.teamId }], ctx.clock.now());
    await introduceBuddy(ctx, changed, { chosenBy: leadId, previousBuddyId: e.buddyId });
  }
  ctx.logger.info({ enrollmentId: e.id, start: startDate !== e.startDate, buddy: changed.buddyId !== e.buddyId }, 'onboarding changed by lead');
  return enrolmentSummary(ctx, changed, 'bijgewerkt');
}
