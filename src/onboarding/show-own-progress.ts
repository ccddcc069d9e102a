import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import type { Enrollment } from './enrollment.ts';
import { newcomerStatus } from './show-onboarding-status.ts';
import { navigation, reply } from './render-step.ts';

export const ONBOARDING_HELP = [
  '**Opdrachten van het inwerkprogramma**',
  '• /onboarding start [JJJJ-MM-DD] — beginnen (met of zonder startdatum)',
  '• /onboarding verder — het volgende stukje, ook als het nog niet gepland staat',
  '• /onboarding later — vandaag niet meer; morgen (werkdag) weer',
  '• /onboarding sla over — deze module overslaan',
  '• /onboarding tijd 09:30 — tijdstip van je dagelijkse berichtje',
  '• /onboarding pauze — even niets; /onboarding verder gaat weer door',
  '• /onboarding stop — stoppen met het programma',
  '• /onboarding status — overzicht voor de teamleider',
  'Een vraag tussendoor? Typ hem gewoon; daarna ga je verder waar je was.',
].join('\n');

/** A newcomer's own view: where they are and their quiz results, with the buttons to go on. */
export async function showOwnProgress(ctx: Context, e: Enrollment | null): Promise<Reply> {
  if (!e) return reply(`Je volgt (nog) geen inwerkprogramma.\n\n${ONBOARDING_HELP}`);
  const s = await newcomerStatus(ctx, e);
  const quiz = s.quiz.filter((q) => q.result).map((q) => `${q.title}: ${q.result}`);
  const text = [`**Jouw inwerkprogramma** (${s.status})`, `Waar je bent: ${s.position}`, `Buddy: ${s.buddy ?? 'nog geen'}`, `Quiz: ${quiz.length ? quiz.join(' · ') : 'nog geen resultaten'}`, '', ONBOARDING_HELP].join('\n');
  const actions = e.status === 'active' || e.status === 'paused' ? navigation(e, { next: 'Verder', skip: false }) : [];
  return reply(text, { actions });
}
