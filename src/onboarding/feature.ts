/**
 * Onboarding of new staff through conversation: a paced programme (knowledge/onboarding/), a buddy
 * by rotation, daily nudges on working days, quizzes, and a view for the team lead.
 */
import type { Feature } from '../assistant/context.ts';
import { actingTeam } from '../assistant/feature-kit.ts';
import type { Reply, Turn, TurnAction } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { acknowledgeReflection } from './acknowledge-reflection.ts';
import { advanceOnboarding } from './advance-onboarding.ts';
import { answerQuiz } from './answer-quiz.ts';
import { chooseStart } from './choose-start.ts';
import { ADMIT_ACTION, admitNewcomer, enrolNewcomer } from './enrol-newcomer.ts';
import { namePeople } from '../people/name-people.ts';
import { changeEnrolment, editForm } from './change-enrolment.ts';
import { EDIT_OPEN, EDIT_SAVE, ENROL_SUBMIT, enrolForm, submitEnrolment } from './enrol-by-lead.ts';
import { findEnrollment, parsePosition, programmeFor, requireOwnEnrollment, type Enrollment } from './enrollment.ts';
import { reopenModule, REOPEN_ACTION } from './reopen-module.ts';
import { setStartShiftDays, startShiftDays } from './start-limit.ts';
import { postponeOnboarding } from './postpone-onboarding.ts';
import { reply } from './render-step.ts';
import { nudgeJob } from './send-nudge.ts';
import { setNudgeTime } from './set-nudge-time.ts';
import { showOnboardingStatus } from './show-onboarding-status.ts';
import { ONBOARDING_HELP, showOwnProgress } from './show-own-progress.ts';
import { skipModule } from './skip-module.ts';
import { startOnboarding } from './start-onboarding.ts';
import { stopOnboarding } from './stop-onboarding.ts';
import { onboardingOverview } from './overview.ts';
import { suggestNextStep } from './suggest-next-step.ts';

async function onboardingCommand(ctx: Context, turn: Turn, args: string): Promise<Reply> {
  const [first = '', ...rest] = args.trim().split(/\s+/);
  const sub = first.toLowerCase();
  const teamId = await actingTeam(ctx, turn);
  if (sub === 'status') return showOnboardingStatus(ctx, turn, teamId);
  if (sub === 'inschrijven') return reply('Kies de nieuwe collega, de startdatum en (als je wilt) de buddy. Beiden horen van mij wie de ander is.', { form: await enrolForm(ctx, turn.userId, teamId) });
  if (sub === 'instellingen') return shiftSetting(ctx, turn, teamId, rest[0]);
  if (sub === 'help' || sub === 'hulp') return reply(ONBOARDING_HELP);
  const own = await ctx.db.prisma.onboardingEnrollment.findUnique({ where: { teamId_userId: { teamId, userId: turn.userId } } });
  if (sub === 'start') return startOnboarding(ctx, turn, teamId, own, rest[0]);
  if (sub === '') return showOwnProgress(ctx, own);
  if (!own) return reply(`Je volgt (nog) geen inwerkprogramma. Typ /onboarding start om te beginnen.\n\n${ONBOARDING_HELP}`);
  const words = args.trim().toLowerCase();
  if (sub === 'verder') return advanceOnboarding(ctx, own);
  if (sub === 'later') return postponeOnboarding(ctx, own);
  if (words === 'sla over' || sub === 'overslaan') return skipModule(ctx, own);
  if (sub === 'tijd') return setNudgeTime(ctx, own, rest[0] ?? '');
  if (sub === 'heropen') return reopenByNumber(ctx, turn, own, rest[0]);
  if (sub === 'pauze') return stopOnboarding(ctx, own, 'pause');
  if (sub === 'stop') return stopOnboarding(ctx, own, 'stop');
  return reply(`Die opdracht ken ik niet.\n\n${ONBOARDING_HELP}`);
}

async function onboardingAction(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  const pos = parsePosition(action.value);
  const own = (): Promise<Enrollment> => requireOwnEnrollment(ctx, turn, pos.id);
  switch (action.id) {
    case ADMIT_ACTION:
      return admitNewcomer(ctx, turn.userId, action.value);
    case 'onboarding.start':
      return chooseStart(ctx, await own(), action.fields ?? {});
    case 'onboarding.start-cancel':
      await own();
      return reply('Geen probleem. Typ /onboarding start wanneer je wilt beginnen.', { replacesSource: true });
    case 'onboarding.next':
      return advanceOnboarding(ctx, await own(), pos.moduleId ? pos : undefined);
    case 'onboarding.later':
      return postponeOnboarding(ctx, await own());
    case 'onboarding.skip':
      return skipModule(ctx, await own(), pos.moduleId);
    case 'onboarding.answer':
      return answerQuiz(ctx, await own(), pos);
    case 'onboarding.reflect':
      return acknowledgeReflection(ctx, await own(), pos, Boolean(action.fields?.antwoord?.trim()));
    case ENROL_SUBMIT:
      return submitEnrolment(ctx, turn.userId, action);
    case EDIT_OPEN:
      return editForm(ctx, turn.userId, action.value);
    case EDIT_SAVE:
      return changeEnrolment(ctx, turn.userId, action);
    case REOPEN_ACTION:
      return reopenModule(ctx, turn.userId, { enrollmentId: pos.id, moduleId: pos.moduleId ?? '' });
    case 'onboarding.buddy-ack': {
      const e = await findEnrollment(ctx, pos.id);
      if (!e || e.buddyId !== turn.userId) throw new WijkwijsError('forbidden', 'Deze knop is voor de buddy van deze collega.');
      ctx.logger.info({ enrollmentId: e.id }, 'onboarding stall picked up by buddy');
      const people = await namePeople(ctx, [e.userId]);
      return reply(`Dank je! Fijn dat je even contact opneemt met ${people.name(e.userId)}.`, { replacesSource: true, people: people.named() });
    }
  }
  throw new WijkwijsError('bad_request', 'Deze knop ken ik niet (meer). Typ /onboarding om te zien waar je bent.');
}

async function shiftSetting(ctx: Context, turn: Turn, teamId: string, days: string | undefined): Promise<Reply> {
  if (days === undefined) {
    return reply(`Een nieuwe collega mag de startdatum die de teamleider koos tot ${await startShiftDays(ctx, teamId)} dagen later zetten. Wijzigen: /onboarding instellingen <dagen>.`);
  }
  await setStartShiftDays(ctx, turn.userId, teamId, /^\d+$/.test(days) ? Number(days) : Number.NaN);
  return reply(`Ingesteld: een nieuwe collega mag de start tot ${days} dagen later zetten dan de datum die de teamleider koos.`);
}

/** "/onboarding heropen 2": the module by its number in the programme. */
async function reopenByNumber(ctx: Context, turn: Turn, own: Enrollment, number: string | undefined): Promise<Reply> {
  const programme = programmeFor(ctx, own);
  const m = /^\d+$/.test(number ?? '') ? programme.modules[Number(number) - 1] : undefined;
  if (!m) throw new WijkwijsError('bad_request', `Noem het nummer van de module, van 1 tot en met ${programme.modules.length}, bijvoorbeeld /onboarding heropen 2.`);
  return reopenModule(ctx, turn.userId, { enrollmentId: own.id, moduleId: m.id });
}

/** Words a newcomer may type instead of pressing the buttons. */
const WORD_COMMANDS: Record<string, string> = { verder: 'verder', later: 'later', 'sla over': 'sla over', overslaan: 'sla over' };

/** "verder" typed by someone with a running programme moves it on; from anyone else it stays a question. */
async function onShortText(ctx: Context, turn: Turn, text: string): Promise<Reply | undefined> {
  const command = WORD_COMMANDS[text];
  if (!command) return undefined;
  const running = await ctx.db.prisma.onboardingEnrollment.findFirst({ where: { userId: turn.userId, status: { in: ['active', 'paused'] } }, select: { id: true } });
  return running ? onboardingCommand(ctx, turn, command) : undefined;
}

export const onboardingFeature: Feature = {
  overview: onboardingOverview,
  commands: { onboarding: onboardingCommand },
  onShortText,
  actionPrefix: 'onboarding',
  onAction: onboardingAction,
  onMemberJoined: enrolNewcomer,
  prompts: suggestNextStep,
  jobs: [nudgeJob],
};
