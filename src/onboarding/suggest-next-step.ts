import type { Context } from '../assistant/context.ts';
import type { PromptSet } from '../assistant/reply.ts';
import { moduleById, programmeFor } from './enrollment.ts';

/**
 * A newcomer in the programme who opens a chat with Wijkwijs: the next step first ("verder"), then
 * questions about the module they are in, which the handbook answers.
 */
export async function suggestNextStep(ctx: Context, userId: string): Promise<PromptSet | undefined> {
  const enrollment = await ctx.db.prisma.onboardingEnrollment.findFirst({ where: { userId, status: { in: ['active', 'paused'] } }, orderBy: { createdAt: 'desc' } });
  if (!enrollment) return undefined;
  const current = moduleById(programmeFor(ctx, enrollment), enrollment.currentModule);
  return {
    title: current ? `Je inwerkprogramma: "${current.title}"` : 'Je inwerkprogramma',
    prompts: [
      { title: 'Volgende stap', message: 'verder' },
      { title: 'Basishouding', message: 'Wat is de basishouding van een wijkcoach?' },
      { title: 'Eerste keukentafelgesprek', message: 'Waarom ga ik met z’n tweeën naar een keukentafelgesprek?' },
    ],
  };
}
