import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { namePeople } from '../people/name-people.ts';
import { requireTeamRole } from '../teams/authorise.ts';
import { findEnrollment, moduleById, programmeFor, scheduleNextNudge, updateWithActivity } from './enrollment.ts';
import { moduleLabel, navigation, reply } from './render-step.ts';

export const REOPEN_ACTION = 'onboarding.reopen';

/**
 * A skipped module is done after all: it becomes the current module again (by the newcomer, or a
 * lead for them), and once it is finished the programme goes on where the newcomer was, since
 * that module is still unfinished. A completed programme is running again until it is done.
 */
export async function reopenModule(ctx: Context, actorId: string, input: { enrollmentId: string; moduleId: string }): Promise<Reply> {
  const e = await findEnrollment(ctx, input.enrollmentId);
  if (!e) throw new WijkwijsError('not_found', 'Dit inwerkprogramma bestaat niet (meer).');
  if (e.userId !== actorId) await requireTeamRole(ctx.db.prisma, { userId: actorId }, e.teamId, ['lead', 'admin']);
  const programme = programmeFor(ctx, e);
  const m = moduleById(programme, input.moduleId);
  const key = { enrollmentId_moduleId: { enrollmentId: e.id, moduleId: input.moduleId } };
  const progress = await ctx.db.prisma.onboardingModuleProgress.findUnique({ where: key });
  if (!m || progress?.status !== 'skipped') throw new WijkwijsError('bad_request', 'Deze module is niet overgeslagen; er valt niets te heropenen.');
  if (e.status === 'stopped' || e.status === 'awaiting_start') throw new WijkwijsError('bad_request', 'Het inwerkprogramma loopt nu niet. Begin eerst weer met /onboarding start.');
  await ctx.db.prisma.onboardingModuleProgress.update({ where: key, data: { status: 'started', skippedAt: null } });
  const reopened = await updateWithActivity(ctx, e, { currentModule: m.id, currentStep: 0, stepShown: false, status: 'active', completedAt: null, snoozedUntil: null });
  await scheduleNextNudge(ctx, reopened);
  const text = `"${moduleLabel(programme, m)}" staat weer voor je open. Daarna ga je verder waar je was.`;
  ctx.logger.info({ enrollmentId: e.id, moduleId: m.id, byLead: actorId !== e.userId }, 'onboarding module reopened');
  if (actorId === e.userId) return reply(text, { actions: navigation(reopened, { next: 'Beginnen', skip: false }) });
  const names = await namePeople(ctx, [actorId, e.userId]);
  await ctx.messenger.send({ to: { userId: e.userId }, reply: reply(`${names.name(actorId)} heeft een overgeslagen module weer opengezet. ${text}`, { actions: navigation(reopened, { next: 'Beginnen', skip: false }), people: names.named() }) });
  return reply(`Module "${m.title}" staat weer open voor ${names.name(e.userId)}, die het van mij hoort.`, { people: names.named() });
}
