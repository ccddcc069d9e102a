import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { requireTeamRole } from '../../teams/authorise.ts';
import { isMember } from '../../teams/membership.ts';
import { dateColumn, EXPERTISE_TAGS, settingKey } from './request.ts';

async function requireMember(ctx: Context, userId: string, teamId: string): Promise<void> {
  if (!(await isMember(ctx.db.prisma, userId, teamId))) throw new WijkwijsError('forbidden', `Je bent geen lid van team ${teamId}.`);
}

async function saveProfile(ctx: Context, member: { userId: string; teamId: string }, change: { absentUntil?: Date | null; expertise?: string[] }): Promise<void> {
  const data = { ...change, updatedAt: ctx.clock.now() };
  await ctx.db.prisma.memberProfile.upsert({
    where: { teamId_userId: { teamId: member.teamId, userId: member.userId } },
    create: { teamId: member.teamId, userId: member.userId, ...data },
    update: data,
  });
}

/** Absent up to and including `until` (local date), or present again with null. */
export async function updateAbsence(ctx: Context, input: { userId: string; teamId: string; until: string | null }): Promise<void> {
  await requireMember(ctx, input.userId, input.teamId);
  await saveProfile(ctx, input, { absentUntil: input.until ? dateColumn(input.until) : null });
}

export function parseExpertise(text: string): string[] {
  const tags = text
    .split(/[,;]/)
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const unknown = tags.filter((t) => !(EXPERTISE_TAGS as readonly string[]).includes(t));
  if (unknown.length) {
    throw new WijkwijsError('bad_request', `Deze expertise ken ik niet: ${unknown.join(', ')}. Kies uit: ${EXPERTISE_TAGS.join(', ')}.`);
  }
  return [...new Set(tags)];
}

export async function updateExpertise(ctx: Context, input: { userId: string; teamId: string; expertise: string[] }): Promise<void> {
  await requireMember(ctx, input.userId, input.teamId);
  await saveProfile(ctx, input, { expertise: input.expertise });
}

/** The time a colleague has to answer before the next is asked; a team lead sets it. */
export async function updateTimeout(ctx: Context, input: { userId: string; teamId: string; minutes: number }): Promise<void> {
  await requireTeamRole(ctx.db.prisma, { userId: input.userId }, input.teamId, ['lead', 'admin']);
  if (!Number.isInteger(input.minutes) || input.minutes < 15 || input.minutes > 7 * 24 * 60) {
    throw new WijkwijsError('bad_request', 'Kies een reactietijd tussen 15 minuten en 7 dagen (in minuten, bijvoorbeeld 240).');
  }
  await ctx.db.prisma.setting.upsert({ where: { key: settingKey(input.teamId) }, create: { key: settingKey(input.teamId), value: input.minutes }, update: { value: input.minutes } });
}
