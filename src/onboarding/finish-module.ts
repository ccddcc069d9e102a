import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { cancelJobs } from '../jobs/schedule-job.ts';
import { displayName, moduleById, nudgeKeyPrefix, teamLeads, updateWithActivity, type Enrollment } from './enrollment.ts';
import type { Programme } from './programme.ts';
import { moduleDueText, moduleLabel, navigation, reply } from './render-step.ts';

/**
 * Closes the current module (done or skipped) and moves to the next unfinished one, or completes
 * the programme. The reply says what comes next; `lead` goes above it (quiz feedback).
 */
export async function finishModule(ctx: Context, programme: Programme, e: Enrollment, how: 'completed' | 'skipped', lead: string): Promise<Reply> {
  const now = ctx.clock.now();
  const m = moduleById(programme, e.currentModule);
  if (m) {
    const data = how === 'completed' ? { status: how, completedAt: now } : { status: how, skippedAt: now };
    await ctx.db.prisma.onboardingModuleProgress.upsert({
      where: { enrollmentId_moduleId: { enrollmentId: e.id, moduleId: m.id } },
      create: { enrollmentId: e.id, moduleId: m.id, startedAt: now, quizTotal: m.quiz.length, ...data },
      update: data,
    });
  }
  const finished = new Set(
    (await ctx.db.prisma.onboardingModuleProgress.findMany({ where: { enrollmentId: e.id, status: { in: ['completed', 'skipped'] } } })).map((p) => p.moduleId),
  );
  const from = m ? programme.modules.indexOf(m) : -1;
  const next = [...programme.modules.slice(from + 1), ...programme.modules.slice(0, Math.max(from, 0))].find((x) => !finished.has(x.id));

  if (!next) return completeProgramme(ctx, programme, e, lead);
  const moved = await updateWithActivity(ctx, e, { currentModule: next.id, currentStep: 0, stepShown: false });
  const when = moduleDueText(moved, next);
  const text = `${lead}\n\nVolgende: **${moduleLabel(programme, next)}**${when ? ` (gepland voor ${when})` : ''}. Ga nu verder of wacht op mijn berichtje.`;
  return reply(text.trim(), { actions: navigation(moved, { next: 'Verder', skip: false }) });
}

async function completeProgramme(ctx: Context, programme: Programme, e: Enrollment, lead: string): Promise<Reply> {
  const done = await updateWithActivity(ctx, e, { status: 'completed', completedAt: ctx.clock.now(), currentModule: null, currentStep: 0, stepShown: false });
  await cancelJobs(ctx.db, `${nudgeKeyPrefix(e.id)}*`);
  const progress = await ctx.db.prisma.onboardingModuleProgress.findMany({ where: { enrollmentId: e.id } });
  const score = progress.filter((p) => p.status === 'completed').reduce((s, p) => s + p.quizScore, 0);
  const total = progress.filter((p) => p.status === 'completed').reduce((s, p) => s + p.quizTotal, 0);
  const skipped = progress.filter((p) => p.status === 'skipped').length;
  const name = await displayName(ctx, e.userId);
  const summary = `${programme.modules.length - skipped} van ${programme.modules.length} modules gedaan${skipped ? `, ${skipped} overgeslagen` : ''}; quiz ${score} van ${total} goed`;
  const news = reply(`🎉 ${name} heeft het inwerkprogramma afgerond (${summary}). Misschien een mooi moment voor een kort gesprek over hoe het gaat?`);
  const recipients = new Set([...(done.buddyId ? [done.buddyId] : []), ...(await teamLeads(ctx, e.teamId))]);
  recipients.delete(e.userId);
  for (const userId of recipients) await ctx.messenger.send({ to: { userId }, reply: news, key: `onboarding.completed:${e.id}:${userId}` });
  ctx.logger.info({ enrollmentId: e.id, modules: programme.modules.length, skipped }, 'onboarding completed');
  return reply(`${lead}\n\n🎉 **Gefeliciteerd, je hebt het inwerkprogramma afgerond!** (${summary}.) Je buddy en je teamleider weten het. Blijf vooral vragen stellen: dat kan altijd, gewoon hier in de chat.`.trim());
}
