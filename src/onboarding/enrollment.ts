/** Shared pieces of the onboarding use cases: loading an enrollment, its programme, and its nudge job. */
import type { Turn } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import type { OnboardingEnrollment } from '../generated/prisma/client.ts';
import { cancelJobs, scheduleJob } from '../jobs/schedule-job.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { loadProgramme, stepCount, type Programme, type ProgrammeModule } from './programme.ts';
import { nextNudgeAt } from './schedule.ts';

export type Enrollment = OnboardingEnrollment;
export type EnrollmentStatus = 'awaiting_start' | 'active' | 'paused' | 'completed' | 'stopped';

export const NUDGE_JOB = 'onboarding.nudge';
export const DEFAULT_NUDGE_TIME = '09:00';

export async function findEnrollment(ctx: Context, id: string): Promise<Enrollment | null> {
  return ctx.db.prisma.onboardingEnrollment.findUnique({ where: { id } });
}

/** The newcomer's own enrollment; a colleague's buttons never move someone else's programme. */
export async function requireOwnEnrollment(ctx: Context, turn: Turn, id: string | undefined): Promise<Enrollment> {
  const e = id ? await findEnrollment(ctx, id) : null;
  if (!e) throw new WijkwijsError('not_found', 'Dit inwerkprogramma bestaat niet (meer). Typ /onboarding om te zien waar je bent.');
  if (e.userId !== turn.userId) throw new WijkwijsError('forbidden', 'Deze knop hoort bij het inwerkprogramma van een collega.');
  return e;
}

export function programmeFor(ctx: Context, e: Pick<Enrollment, 'teamId'>): Programme {
  return loadProgramme(ctx.config.knowledgeDir, e.teamId);
}

export function moduleById(programme: Programme, id: string | null): ProgrammeModule | undefined {
  return programme.modules.find((m) => m.id === id);
}

/**
 * Keeps progress valid after a team edited its programme: modules are known by id, so a removed
 * module moves the newcomer to the first module they have not finished, and a shortened module
 * keeps them within its steps.
 */
export async function reconcile(ctx: Context, e: Enrollment, programme: Programme): Promise<Enrollment> {
  if (e.programmeHash === programme.hash && (e.status === 'awaiting_start' || moduleById(programme, e.currentModule))) return e;
  const data: Partial<Enrollment> = { programmeHash: programme.hash };
  const current = moduleById(programme, e.currentModule);
  if (!current && e.status !== 'completed') {
    const done = await ctx.db.prisma.onboardingModuleProgress.findMany({ where: { enrollmentId: e.id, status: { in: ['completed', 'skipped'] } } });
    const finished = new Set(done.map((d) => d.moduleId));
    const next = programme.modules.find((m) => !finished.has(m.id));
    Object.assign(data, { currentModule: next?.id ?? null, currentStep: 0, stepShown: false });
  } else if (current && e.currentStep >= stepCount(current)) {
    Object.assign(data, { currentStep: stepCount(current) - 1, stepShown: false });
  }
  return ctx.db.prisma.onboardingEnrollment.update({ where: { id: e.id }, data });
}

/** Any step the newcomer takes: counts as activity and ends a stall. */
export async function updateWithActivity(ctx: Context, e: Enrollment, data: Partial<Enrollment>): Promise<Enrollment> {
  return ctx.db.prisma.onboardingEnrollment.update({ where: { id: e.id }, data: { ...data, lastActivityAt: ctx.clock.now(), stalledNotifiedAt: null } });
}

export function nudgeKeyPrefix(enrollmentId: string): string {
  return `${NUDGE_JOB}:${enrollmentId}:`;
}

/**
 * Plans the next daily nudge. The job key carries the date (`onboarding.nudge:<id>:<date>`) because
 * a running job cannot replace its own key; moving the nudge cancels every pending one first.
 */
export async function scheduleNextNudge(ctx: Context, e: Enrollment): Promise<Date | undefined> {
  await cancelJobs(ctx.db, `${nudgeKeyPrefix(e.id)}*`);
  if (!e.startDate || (e.status !== 'active' && e.status !== 'paused')) return undefined;
  const next = nextNudgeAt({ startDate: e.startDate, nudgeTime: e.nudgeTime, timeZone: e.timeZone, snoozedUntil: e.snoozedUntil }, ctx.clock.now());
  await scheduleJob(ctx.db, { kind: NUDGE_JOB, key: `${nudgeKeyPrefix(e.id)}${next.date}`, payload: { enrollmentId: e.id }, runAt: next.at });
  return next.at;
}

export async function displayName(ctx: Context, userId: string | null | undefined): Promise<string> {
  if (!userId) return 'onbekend';
  const user = await ctx.db.prisma.user.findUnique({ where: { id: userId }, select: { displayName: true } });
  return user?.displayName ?? 'een collega';
}

/** Leads of a team (for completion news and stalls without a buddy). */
export async function teamLeads(ctx: Context, teamId: string): Promise<string[]> {
  const rows = await ctx.db.prisma.teamMember.findMany({ where: { teamId, role: 'lead' }, select: { userId: true }, orderBy: { userId: 'asc' } });
  return rows.map((r) => r.userId);
}

/** "id|module|step": what a button was about, so a stale or double click does not skip ahead. */
export function positionValue(e: Pick<Enrollment, 'id' | 'currentModule' | 'currentStep'>): string {
  return `${e.id}|${e.currentModule ?? ''}|${e.currentStep}`;
}

export function parsePosition(value: string | undefined): { id: string; moduleId?: string; step?: number; option?: number } {
  const [id = '', moduleId, step, option] = (value ?? '').split('|');
  const num = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);
  return { id, moduleId: moduleId || undefined, step: num(step), option: num(option) };
}

export function atPosition(e: Enrollment, pos: { moduleId?: string; step?: number }): boolean {
  return pos.moduleId === (e.currentModule ?? undefined) && pos.step === e.currentStep;
}
