import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { atPosition, moduleById, programmeFor, reconcile, updateWithActivity, type Enrollment } from './enrollment.ts';
import { stepAt } from './programme.ts';
import { renderStep } from './render-step.ts';
import { advanceOnboarding } from './advance-onboarding.ts';

/**
 * The reflection form came back (filled in or skipped). The answer is the newcomer's own thinking
 * and may name residents: it is neither stored nor logged, only acknowledged.
 */
export async function acknowledgeReflection(ctx: Context, enrollment: Enrollment, position: { moduleId?: string; step?: number }, answered: boolean): Promise<Reply> {
  const programme = programmeFor(ctx, enrollment);
  let e = await reconcile(ctx, enrollment, programme);
  const m = moduleById(programme, e.currentModule);
  if (!m || !atPosition(e, position) || stepAt(m, e.currentStep).kind !== 'reflection') return advanceOnboarding(ctx, e, position);
  e = await updateWithActivity(ctx, e, { currentStep: e.currentStep + 1, stepShown: false });
  const lead = answered ? 'Dank je. Je antwoord bewaar ik niet; neem het gerust mee naar je buddy.' : 'Prima, we gaan door.';
  return (await renderStep(ctx, programme, e, `${lead} Nu een paar korte vragen.`)).reply;
}
