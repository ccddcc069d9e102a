import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { atPosition, moduleById, programmeFor, reconcile, scheduleNextNudge, updateWithActivity, type Enrollment } from './enrollment.ts';
import { stepAt, stepCount } from './programme.ts';
import { renderStep, reply } from './render-step.ts';
import { startForm } from './start-form.ts';

/**
 * "Verder": shows the current step when it was not shown yet, otherwise moves one step on and shows
 * that (also ahead of schedule). A button carries the position it was about: a stale or double
 * click shows where the newcomer really is instead of skipping a part.
 */
export async function advanceOnboarding(ctx: Context, enrollment: Enrollment, position?: { moduleId?: string; step?: number }): Promise<Reply> {
  const programme = programmeFor(ctx, enrollment);
  let e = await reconcile(ctx, enrollment, programme);
  if (e.status === 'awaiting_start') return startForm(ctx, e, 'Kies eerst je startdatum en het tijdstip van je dagelijkse berichtje.');
  if (e.status === 'completed') return reply('Je hebt het inwerkprogramma al afgerond. Vragen stellen kan altijd: typ ze gewoon hier.');
  if (e.status === 'stopped') return reply('Je inwerkprogramma is gestopt. Wil je weer beginnen? Typ /onboarding start.');
  if (e.status === 'paused') {
    e = await updateWithActivity(ctx, e, { status: 'active' });
    await scheduleNextNudge(ctx, e);
  }
  const m = moduleById(programme, e.currentModule);
  if (!m) return reply('Er staat nu niets voor je klaar.');

  if (position && !atPosition(e, position)) {
    const shown = await renderStep(ctx, programme, e, 'Je was hier al verder. Dit is waar je nu bent:');
    return shown.reply;
  }
  if (!e.stepShown) {
    e = await updateWithActivity(ctx, e, {});
    return (await renderStep(ctx, programme, e)).reply;
  }
  const step = stepAt(m, e.currentStep);
  if (step.kind === 'quiz') {
    return (await renderStep(ctx, programme, e, 'Kies eerst een antwoord hieronder (of typ /onboarding sla over om deze module over te slaan).')).reply;
  }
  // Parts and the reflection are the only steps before the quiz, so there is always a next step.
  e = await updateWithActivity(ctx, e, { currentStep: Math.min(e.currentStep + 1, stepCount(m) - 1), stepShown: false });
  return (await renderStep(ctx, programme, e)).reply;
}
