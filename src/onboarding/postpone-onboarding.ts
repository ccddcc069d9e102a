import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { formatDutch, localDate } from '../lib/time.ts';
import { scheduleNextNudge, updateWithActivity, type Enrollment } from './enrollment.ts';
import { reply } from './render-step.ts';
import { nextWorkingDay } from './schedule.ts';

/** "Later": nothing more today; the next nudge comes on the next working day at the chosen time. */
export async function postponeOnboarding(ctx: Context, enrollment: Enrollment): Promise<Reply> {
  if (enrollment.status !== 'active' && enrollment.status !== 'paused') return reply('Er staat nu niets voor je klaar om uit te stellen.');
  const today = localDate(ctx.clock.now(), enrollment.timeZone);
  const e = await updateWithActivity(ctx, enrollment, { snoozedUntil: nextWorkingDay(today), status: 'active' });
  const at = await scheduleNextNudge(ctx, e);
  return reply(`Prima, geen haast. Ik kom ${at ? formatDutch(at, e.timeZone) : 'later'} bij je terug. Wil je eerder verder? Typ /onboarding verder.`);
}
