import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { atPosition, moduleById, programmeFor, reconcile, updateWithActivity, type Enrollment } from './enrollment.ts';
import { finishModule } from './finish-module.ts';
import { stepAt, stepCount } from './programme.ts';
import { LETTERS, renderStep } from './render-step.ts';

/** Grades a quiz answer: feedback with the explanation (and the right answer when wrong), then the next question or the module's end. */
export async function answerQuiz(ctx: Context, enrollment: Enrollment, position: { moduleId?: string; step?: number; option?: number }): Promise<Reply> {
  const programme = programmeFor(ctx, enrollment);
  let e = await reconcile(ctx, enrollment, programme);
  const m = moduleById(programme, e.currentModule);
  const step = m ? stepAt(m, e.currentStep) : undefined;
  if (!m || step?.kind !== 'quiz' || !atPosition(e, position) || position.option === undefined) {
    return (await renderStep(ctx, programme, e, 'Deze vraag heb je al beantwoord. Hier ben je nu:')).reply;
  }
  const q = m.quiz[step.index]!;
  if (position.option >= q.options.length) return (await renderStep(ctx, programme, e, 'Dat antwoord ken ik niet; kies een van de knoppen.')).reply;
  const correct = position.option === q.correct;
  const now = ctx.clock.now();
  await ctx.db.prisma.onboardingQuizAnswer.create({ data: { enrollmentId: e.id, moduleId: m.id, question: step.index, chosen: position.option, correct, answeredAt: now } });
  await ctx.db.prisma.onboardingModuleProgress.update({
    where: { enrollmentId_moduleId: { enrollmentId: e.id, moduleId: m.id } },
    data: { attempts: { increment: 1 }, quizTotal: m.quiz.length, ...(correct ? { quizScore: { increment: 1 } } : {}) },
  });
  ctx.logger.info({ enrollmentId: e.id, moduleId: m.id, question: step.index, correct }, 'onboarding quiz answered');
  const feedback = correct
    ? `✅ **Goed!** ${q.explanation}`
    : `❌ **Niet helemaal.** Het juiste antwoord is ${LETTERS[q.correct]}: ${q.options[q.correct]}.\n${q.explanation}`;

  if (e.currentStep + 1 < stepCount(m)) {
    e = await updateWithActivity(ctx, e, { currentStep: e.currentStep + 1, stepShown: false });
    return (await renderStep(ctx, programme, e, feedback)).reply;
  }
  const progress = await ctx.db.prisma.onboardingModuleProgress.findUnique({ where: { enrollmentId_moduleId: { enrollmentId: e.id, moduleId: m.id } } });
  const task = m.task ? `\n\n**Opdracht (als je wilt):** ${m.task}` : '';
  const lead = `${feedback}\n\n**Module "${m.title}" is klaar.** Je had ${progress?.quizScore ?? 0} van ${m.quiz.length} vragen goed.${task}`;
  return finishModule(ctx, programme, e, 'completed', lead);
}
