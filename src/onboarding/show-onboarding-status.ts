import type { Reply, Turn } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { atLocalTime, formatDutch, localDate } from '../lib/time.ts';
import { requireTeamRole } from '../teams/authorise.ts';
import { namePeople, type Names } from '../people/name-people.ts';
import { EDIT_OPEN } from './enrol-by-lead.ts';
import { moduleById, programmeFor, type Enrollment } from './enrollment.ts';
import { positionText, reply } from './render-step.ts';
import { REOPEN_ACTION } from './reopen-module.ts';
import { dueDate, STALL_WORKING_DAYS } from './schedule.ts';
import { idleWorkingDays } from './send-nudge.ts';

const STATUS: Record<string, string> = { awaiting_start: 'startdatum nog niet gekozen', active: 'bezig', paused: 'gepauzeerd', completed: 'afgerond', stopped: 'gestopt' };

export interface NewcomerStatus {
  enrollmentId: string;
  name: string;
  status: string;
  startDate: string | null;
  position: string;
  /** Per module in programme order: "2/3", "overgeslagen", or null when not reached. */
  quiz: { moduleId: string; title: string; result: string | null }[];
  stalled: boolean;
  idleWorkingDays: number;
  buddy: string | null;
}

/** The team lead's view: every newcomer of the team, where they are, quiz results, stalls, buddy. */
export async function showOnboardingStatus(ctx: Context, turn: Turn, teamId: string): Promise<Reply> {
  await requireTeamRole(ctx.db.prisma, { userId: turn.userId }, teamId, ['lead', 'admin']);
  const rows = await ctx.db.prisma.onboardingEnrollment.findMany({ where: { teamId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  if (rows.length === 0) return reply(`Er zijn geen nieuwe collega's in het inwerkprogramma van team ${teamId}.`);
  const names = await namePeople(ctx, rows.flatMap((e) => [e.userId, e.buddyId]));
  const statuses = await Promise.all(rows.map((e) => newcomerStatus(ctx, e, names)));
  const order = (s: NewcomerStatus) => (s.stalled ? 0 : s.status === 'bezig' ? 1 : s.status === 'afgerond' ? 3 : 2);
  statuses.sort((a, b) => order(a) - order(b));
  const lines = statuses.map((s) => {
    const quiz = s.quiz.flatMap((q, i) => (q.result ? [`${i + 1}. ${q.title}: ${q.result}`] : []));
    return [
      `**${s.name}**${s.stalled ? ` ⚠️ loopt vast: ${s.idleWorkingDays} werkdagen stil` : ''}`,
      `• ${s.status}${s.startDate ? `, gestart ${s.startDate}` : ''} · ${s.position}`,
      `• buddy: ${s.buddy ?? 'nog geen'}`,
      `• quiz: ${quiz.length ? quiz.join(' · ') : 'nog geen resultaten'}`,
    ].join('\n');
  });
  const edits = statuses.filter((s) => s.status !== 'afgerond').map((s) => ({ id: EDIT_OPEN, label: `Wijzig ${s.name}`, value: s.enrollmentId }));
  // A module the newcomer skipped can be put back by the lead (not in a stopped programme); they hear it from Wijkwijs.
  const reopens = statuses
    .filter((s) => s.status !== STATUS.stopped)
    .flatMap((s) => s.quiz.filter((q) => q.result === 'overgeslagen').map((q) => ({ id: REOPEN_ACTION, label: `Heropen voor ${s.name}: ${q.title}`, value: `${s.enrollmentId}|${q.moduleId}` })));
  const actions = [...edits, ...reopens].slice(0, 10);
  return reply(`**Inwerkprogramma team ${teamId}**\n\n${lines.join('\n\n')}`, { actions, people: names.named() });
}

export async function newcomerStatus(ctx: Context, e: Enrollment, given?: Names): Promise<NewcomerStatus> {
  const names = given ?? (await namePeople(ctx, [e.userId, e.buddyId]));
  const programme = programmeFor(ctx, e);
  const progress = await ctx.db.prisma.onboardingModuleProgress.findMany({ where: { enrollmentId: e.id } });
  const byModule = new Map(progress.map((p) => [p.moduleId, p]));
  const today = localDate(ctx.clock.now(), e.timeZone);
  const current = moduleById(programme, e.currentModule);
  const currentDue = current && e.startDate ? dueDate(e.startDate, current.day) : undefined;
  const due = Boolean(e.status === 'active' && currentDue && currentDue <= today);
  const idle = due ? idleWorkingDays(e, today, currentDue) : 0;
  return {
    enrollmentId: e.id,
    name: names.name(e.userId),
    status: STATUS[e.status] ?? e.status,
    startDate: e.startDate ? formatDutch(atLocalTime(e.startDate, e.nudgeTime, e.timeZone), e.timeZone, false) : null,
    position: e.status === 'completed' ? 'alle modules gehad' : positionText(programme, e),
    quiz: programme.modules.map((m) => {
      const p = byModule.get(m.id);
      const result = !p ? null : p.status === 'skipped' ? 'overgeslagen' : p.attempts > 0 || p.status === 'completed' ? `${p.quizScore}/${m.quiz.length}` : null;
      return { moduleId: m.id, title: m.title, result };
    }),
    stalled: due && idle >= STALL_WORKING_DAYS,
    idleWorkingDays: idle,
    buddy: e.buddyId ? names.name(e.buddyId) : null,
  };
}
