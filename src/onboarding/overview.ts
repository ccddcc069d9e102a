import type { Context } from '../assistant/context.ts';
import { moduleById, programmeFor } from './enrollment.ts';

/** Where the user is in their programme, and whom they are buddy of. */
export async function onboardingOverview(ctx: Context, userId: string): Promise<string[]> {
  const { prisma } = ctx.db;
  const lines: string[] = [];
  const own = await prisma.onboardingEnrollment.findMany({ where: { userId, status: { in: ['awaiting_start', 'active', 'paused'] } } });
  for (const e of own) {
    if (e.status === 'awaiting_start') {
      lines.push('Inwerkprogramma: kies nog je startdatum (/onboarding start).');
      continue;
    }
    const programme = programmeFor(ctx, e);
    const current = moduleById(programme, e.currentModule);
    const index = current ? programme.modules.indexOf(current) + 1 : programme.modules.length;
    lines.push(`Inwerkprogramma: module ${index} van ${programme.modules.length}${current ? ` ("${current.title}")` : ''}${e.status === 'paused' ? ', gepauzeerd' : ''}. Verder met /onboarding verder.`);
  }
  const buddies = await prisma.onboardingEnrollment.count({ where: { buddyId: userId, status: { in: ['active', 'paused'] } } });
  if (buddies) lines.push(`Je bent buddy van ${buddies} nieuwe ${buddies === 1 ? 'collega' : 'collega’s'}.`);
  return lines;
}
