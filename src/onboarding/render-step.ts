/** Turns the newcomer's current position into a chat message (part, reflection or quiz question). */
import { noticeReply, type Citation, type Reply, type ReplyAction } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { findPassageUnderHeading } from '../knowledge/read-passages.ts';
import { formatDutch, atLocalTime } from '../lib/time.ts';
import { moduleById, positionValue, type Enrollment } from './enrollment.ts';
import { stepAt, type Programme, type ProgrammeModule } from './programme.ts';
import { dueDate } from './schedule.ts';

export const LETTERS = ['A', 'B', 'C', 'D', 'E'];

export const reply = noticeReply;

/** A "Lees meer" reference (file path › heading) as a citation of the indexed passage, when indexed. */
export async function resolveReadMore(ctx: Context, teamId: string, refs: { path: string; heading: string }[]): Promise<Omit<Citation, 'n'>[]> {
  const out: Omit<Citation, 'n'>[] = [];
  for (const ref of refs) {
    const p = await findPassageUnderHeading(ctx.db.prisma, { path: ref.path, heading: ref.heading, teamId });
    if (p) out.push({ passageId: p.id, title: p.title, location: p.location, source: p.sourceKey, reference: p.source, type: p.type, passage: p.text });
    else ctx.logger.warn({ file: ref.path }, 'onboarding read-more reference not found in the index');
  }
  return out;
}

export function navigation(e: Enrollment, options: { next?: string; skip?: boolean } = {}): ReplyAction[] {
  const actions: ReplyAction[] = [];
  if (options.next) actions.push({ id: 'onboarding.next', label: options.next, value: positionValue(e), style: 'primary' });
  actions.push({ id: 'onboarding.later', label: 'Later', value: e.id });
  if (options.skip !== false && e.currentModule) actions.push({ id: 'onboarding.skip', label: 'Sla over', value: `${e.id}|${e.currentModule}` });
  return actions;
}

export function moduleLabel(programme: Programme, m: ProgrammeModule): string {
  return `Module ${programme.modules.indexOf(m) + 1} van ${programme.modules.length} · ${m.title}`;
}

/** Where a newcomer is, in words: "module 3 van 9 (…), deel 2 van 3". */
export function positionText(programme: Programme, e: Enrollment): string {
  const m = moduleById(programme, e.currentModule);
  if (!m) return e.status === 'completed' ? 'afgerond' : 'nog niet begonnen';
  const step = stepAt(m, e.currentStep);
  const where = step.kind === 'part' ? `deel ${step.index + 1} van ${m.parts.length}` : step.kind === 'reflection' ? 'reflectievraag' : `quizvraag ${step.index + 1} van ${m.quiz.length}`;
  return `module ${programme.modules.indexOf(m) + 1} van ${programme.modules.length} (${m.title}), ${e.stepShown ? where : 'nog te openen'}`;
}

export function moduleDueText(e: Enrollment, m: ProgrammeModule): string {
  if (!e.startDate) return '';
  const date = dueDate(e.startDate, m.day);
  return formatDutch(atLocalTime(date, e.nudgeTime, e.timeZone), e.timeZone, false);
}

/**
 * The message for the current step; marks it shown and the module started. `lead` goes above it
 * (feedback on a quiz answer, a greeting in a nudge).
 */
export async function renderStep(ctx: Context, programme: Programme, e: Enrollment, lead?: string): Promise<{ reply: Reply; enrollment: Enrollment }> {
  const m = moduleById(programme, e.currentModule);
  if (!m) return { reply: reply([lead, 'Je hebt alle modules gehad. 🎉'].filter(Boolean).join('\n\n')), enrollment: e };
  const now = ctx.clock.now();
  await ctx.db.prisma.onboardingModuleProgress.upsert({
    where: { enrollmentId_moduleId: { enrollmentId: e.id, moduleId: m.id } },
    create: { enrollmentId: e.id, moduleId: m.id, status: 'started', startedAt: now, quizTotal: m.quiz.length },
    update: {},
  });
  const enrollment = e.stepShown ? e : await ctx.db.prisma.onboardingEnrollment.update({ where: { id: e.id }, data: { stepShown: true } });
  const step = stepAt(m, e.currentStep);
  const head = `**${moduleLabel(programme, m)}**`;
  const top = lead ? `${lead}\n\n` : '';

  if (step.kind === 'part') {
    const part = m.parts[step.index]!;
    const found = await resolveReadMore(ctx, e.teamId, part.readMore);
    const citations = found.map((c, i) => ({ ...c, n: i + 1 }));
    const markers = citations.map((c) => `[${c.n}]`).join(' ');
    const more = citations.length ? `\n\nLees meer: ${citations.map((c) => `${c.title} › ${c.location} [${c.n}]`).join('; ')}` : '';
    const text = `${top}${head} — deel ${step.index + 1} van ${m.parts.length}\n\n**${part.title}**\n\n${part.text}${markers ? ` ${markers}` : ''}${more}`;
    return { reply: reply(text, { citations, actions: navigation(enrollment, { next: 'Verder' }) }), enrollment };
  }
  if (step.kind === 'reflection') {
    const text = `${top}${head} — even stilstaan\n\n${m.reflection}\n\nSchrijf gerust iets op: het blijft bij jou, Wijkwijs bewaart je antwoord niet. Je kunt het ook overslaan of met je buddy bespreken.`;
    return {
      reply: reply(text, {
        actions: navigation(enrollment),
        form: {
          id: positionValue(enrollment),
          title: 'Reflectie',
          fields: [{ name: 'antwoord', label: m.reflection, value: '', multiline: true, optional: true, hint: 'Wordt niet bewaard.' }],
          submit: { id: 'onboarding.reflect', label: 'Klaar' },
          cancel: { id: 'onboarding.reflect', label: 'Overslaan' },
        },
      }),
      enrollment,
    };
  }
  const q = m.quiz[step.index]!;
  const options = q.options.map((o, i) => `${LETTERS[i]}. ${o}`).join('\n');
  const text = `${top}${head} — quizvraag ${step.index + 1} van ${m.quiz.length}\n\n**${q.question}**\n\n${options}`;
  const actions: ReplyAction[] = q.options.map((o, i) => ({
    id: 'onboarding.answer',
    label: `${LETTERS[i]}. ${o.length > 60 ? `${o.slice(0, 57)}…` : o}`,
    value: `${positionValue(enrollment)}|${i}`,
  }));
  return { reply: reply(text, { actions }), enrollment };
}
