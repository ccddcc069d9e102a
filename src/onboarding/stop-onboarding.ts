import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { cancelJobs } from '../jobs/schedule-job.ts';
import { nudgeKeyPrefix, scheduleNextNudge, updateWithActivity, type Enrollment } from './enrollment.ts';
import { reply } from './render-step.ts';

/** "stop" ends the programme (progress kept; /onboarding start resumes); "pauze" only silences the nudges. */
export async function stopOnboarding(ctx: Context, enrollment: Enrollment, how: 'stop' | 'pause'): Promise<Reply> {
  if (enrollment.status === 'completed') return reply('Je hebt het inwerkprogramma al afgerond.');
  if (how === 'pause') {
    const e = await updateWithActivity(ctx, enrollment, { status: 'paused' });
    await scheduleNextNudge(ctx, e);
    return reply('Gepauzeerd: je krijgt even geen berichtjes. Typ /onboarding verder als je weer wilt.');
  }
  await updateWithActivity(ctx, enrollment, { status: 'stopped' });
  await cancelJobs(ctx.db, `${nudgeKeyPrefix(enrollment.id)}*`);
  ctx.logger.info({ enrollmentId: enrollment.id }, 'onboarding stopped');
  return reply('Het inwerkprogramma is gestopt; wat je al gedaan hebt blijft bewaard. Wil je later verder? Typ /onboarding start.');
}
