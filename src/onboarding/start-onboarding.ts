import type { Reply, Turn } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { chooseStart } from './choose-start.ts';
import type { Enrollment } from './enrollment.ts';
import { startForm } from './start-form.ts';
import { showOwnProgress } from './show-own-progress.ts';

/** "/onboarding start [YYYY-MM-DD]": creates the enrollment if needed; with a date it starts at once, otherwise it asks. */
export async function startOnboarding(ctx: Context, turn: Turn, teamId: string, existing: Enrollment | null, date?: string): Promise<Reply> {
  let e = existing ?? (await ctx.db.prisma.onboardingEnrollment.create({ data: { teamId, userId: turn.userId, status: 'awaiting_start' } }));
  if (e.status === 'active' || e.status === 'paused' || e.status === 'completed') return showOwnProgress(ctx, e);
  if (e.status === 'stopped') e = await ctx.db.prisma.onboardingEnrollment.update({ where: { id: e.id }, data: { status: 'awaiting_start' } });
  if (date) return chooseStart(ctx, e, { startDate: date, nudgeTime: e.nudgeTime });
  return startForm(ctx, e, 'Fijn dat je begint! Kies je startdatum en hoe laat je op werkdagen een kort stukje wilt krijgen.');
}
