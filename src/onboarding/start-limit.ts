/**
 * How far a newcomer may move the start a lead chose: at most this many days later (a team setting,
 * `/onboarding instellingen <dagen>`); earlier is always fine. Without a lead's date there is no limit.
 */
import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { addDays } from '../lib/time.ts';
import { requireTeamRole } from '../teams/authorise.ts';
import type { Enrollment } from './enrollment.ts';

export const DEFAULT_SHIFT_DAYS = 10;
const MAX_SHIFT_DAYS = 90;
const settingKey = (teamId: string) => `onboarding.start-shift-days:${teamId}`;

export async function startShiftDays(ctx: Context, teamId: string): Promise<number> {
  const row = await ctx.db.prisma.setting.findUnique({ where: { key: settingKey(teamId) } });
  return typeof row?.value === 'number' && row.value >= 0 ? row.value : DEFAULT_SHIFT_DAYS;
}

export async function setStartShiftDays(ctx: Context, leadId: string, teamId: string, days: number): Promise<void> {
  await requireTeamRole(ctx.db.prisma, { userId: leadId }, teamId, ['lead', 'admin']);
  if (!Number.isInteger(days) || days < 0 || days > MAX_SHIFT_DAYS) throw new WijkwijsError('bad_request', `Kies een aantal dagen van 0 tot en met ${MAX_SHIFT_DAYS}, bijvoorbeeld /onboarding instellingen 10.`);
  await ctx.db.prisma.setting.upsert({ where: { key: settingKey(teamId) }, create: { key: settingKey(teamId), value: days }, update: { value: days } });
}

/** The latest start the newcomer may choose, or undefined when no lead set one. */
export async function latestStart(ctx: Context, e: Pick<Enrollment, 'teamId' | 'leadStartDate'>): Promise<string | undefined> {
  return e.leadStartDate ? addDays(e.leadStartDate, await startShiftDays(ctx, e.teamId)) : undefined;
}
