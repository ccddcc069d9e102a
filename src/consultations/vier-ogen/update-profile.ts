import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { requireTeamRole } from '../../teams/authorise.ts';
import { isMember } from '../../teams/membership.ts';
import { EXPERTISE_TAGS, settingKey } from './request.ts';

async function requireMember(ctx: Context, userId: string, teamId: string): Promise<void> {
  if (!(await isMember(ctx.db.prisma, userId, teamId))) throw new WijkwijsError('forbidden', `Je bent geen lid van team ${teamId}.`);
}

/** Absent up to and including `until` (local date), or present again with null. */
export async function updateAbsence(ctx: Context, input: { userId: string; teamId: string; until: string | null }): Promise<void> {
  await requireMember(ctx, input.userId, input.teamId);
  await ctx.db.sql.query(
    `INSERT INTO member_profile (team_id, user_id, absent_until, updated_at) VALUES ($1, $2, $3::date, $4)
     ON CONFLICT (team_id, user_id) DO UPDATE SET absent_until = EXCLUDED.absent_until, updated_at = EXCLUDED.updated_at`,
    [input.teamId, input.userId, input.until, ctx.clock.now()],
  );
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
  await ctx.db.sql.query(
    `INSERT INTO member_profile (team_id, user_id, expertise, updated_at) VALUES ($1, $2, $3::text[], $4)
     ON CONFLICT (team_id, user_id) DO UPDATE SET expertise = EXCLUDED.expertise, updated_at = EXCLUDED.updated_at`,
    [input.teamId, input.userId, input.expertise, ctx.clock.now()],
  );
}

/** The time a colleague has to answer before the next is asked; a team lead sets it. */
export async function updateTimeout(ctx: Context, input: { userId: string; teamId: string; minutes: number }): Promise<void> {
  await requireTeamRole(ctx.db.prisma, { userId: input.userId }, input.teamId, ['lead', 'admin']);
  if (!Number.isInteger(input.minutes) || input.minutes < 15 || input.minutes > 7 * 24 * 60) {
    throw new WijkwijsError('bad_request', 'Kies een reactietijd tussen 15 minuten en 7 dagen (in minuten, bijvoorbeeld 240).');
  }
  await ctx.db.prisma.setting.upsert({ where: { key: settingKey(input.teamId) }, create: { key: settingKey(input.teamId), value: input.minutes }, update: { value: input.minutes } });
}
