import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { formatDutch } from '../lib/time.ts';
import { scheduleNextNudge, updateWithActivity, type Enrollment } from './enrollment.ts';
import { reply } from './render-step.ts';
import { startFields } from './choose-start.ts';

export async function setNudgeTime(ctx: Context, enrollment: Enrollment, time: string): Promise<Reply> {
  const parsed = startFields.shape.nudgeTime.safeParse(time.trim());
  if (!parsed.success) throw new WijkwijsError('bad_request', 'Geef een tijd zoals 09:30, bijvoorbeeld: /onboarding tijd 09:30.');
  const e = await updateWithActivity(ctx, enrollment, { nudgeTime: parsed.data });
  const at = await scheduleNextNudge(ctx, e);
  return reply(`Goed, je berichtje komt voortaan om ${parsed.data}.${at ? ` De volgende: ${formatDutch(at, e.timeZone)}.` : ''}`);
}
