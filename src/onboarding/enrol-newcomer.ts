import type { MemberJoined } from '../assistant/context.ts';
import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { requireTeamRole } from '../teams/authorise.ts';
import { ensureMember, isMember } from '../teams/membership.ts';
import { reply } from './render-step.ts';
import { startForm } from './start-form.ts';

export const ADMIT_ACTION = 'onboarding.admit';

/**
 * Someone joined a team's linked channel. A member of the team gets the welcome with the start form.
 * Anyone else waits for a team lead: joining a (possibly public) channel must not open the team's
 * case discussions, so a lead admits the newcomer with one click in the team channel.
 */
export async function enrolNewcomer(ctx: Context, event: MemberJoined): Promise<void> {
  if (await isMember(ctx.db.prisma, event.userId, event.teamId)) {
    await welcomeNewcomer(ctx, event.teamId, event.userId, event.userName);
    return;
  }
  if (event.userName) await ctx.db.prisma.user.upsert({ where: { id: event.userId }, create: { id: event.userId, displayName: event.userName }, update: {} });
  const who = event.userName ?? 'Een nieuwe collega';
  await ctx.messenger.send({
    to: { teamId: event.teamId },
    key: admissionKey(event.teamId, event.userId),
    reply: reply(`${who} is bij het teamkanaal gekomen, maar is nog geen lid van team ${event.teamId} in Wijkwijs. Is dit een nieuwe collega? Een teamleider voegt diegene met één klik toe en start het inwerkprogramma.`, {
      actions: [{ id: ADMIT_ACTION, label: 'Toevoegen en inwerken', value: `${event.teamId}|${event.userId}`, style: 'primary' }],
    }),
  });
  ctx.logger.info({ teamId: event.teamId, channel: event.channel }, 'onboarding awaits admission by a lead');
}

/** A lead admits the person who joined: membership, then the welcome. */
export async function admitNewcomer(ctx: Context, actorId: string, value: string | undefined): Promise<Reply> {
  const [teamId, userId] = (value ?? '').split('|');
  if (!teamId || !userId) throw new WijkwijsError('bad_request', 'Bij deze knop ontbreekt wie er toegevoegd moet worden.');
  await requireTeamRole(ctx.db.prisma, { userId: actorId }, teamId, ['admin', 'lead']);
  await ensureMember(ctx.db.prisma, { teamId, userId });
  const user = await ctx.db.prisma.user.findUnique({ where: { id: userId }, select: { displayName: true } });
  await welcomeNewcomer(ctx, teamId, userId, user?.displayName ?? undefined);
  const done = reply(`${user?.displayName ?? 'De nieuwe collega'} is toegevoegd aan team ${teamId} en krijgt het inwerkprogramma.`, { replacesSource: true });
  await ctx.messenger.send({ to: { teamId }, key: admissionKey(teamId, userId), reply: done });
  return done;
}

async function welcomeNewcomer(ctx: Context, teamId: string, userId: string, userName: string | undefined): Promise<void> {
  const { prisma } = ctx.db;
  const existing = await prisma.onboardingEnrollment.findUnique({ where: { teamId_userId: { teamId, userId } } });
  if (existing) return;
  const e = await prisma.onboardingEnrollment.create({ data: { teamId, userId, status: 'awaiting_start' } });
  const name = userName ? ` ${userName.split(' ')[0]}` : '';
  await ctx.messenger.send({
    to: { userId },
    key: `onboarding.welcome:${e.id}`,
    reply: startForm(
      ctx,
      e,
      `Welkom in het team${name}! 👋 Ik ben Wijkwijs. Ik help je de komende zes weken inwerken: elke werkdag een kort stukje over hoe we werken, met een buddy uit het team naast je. Kies hieronder wanneer je begint en hoe laat je je berichtje wilt.`,
    ),
  });
  ctx.logger.info({ enrollmentId: e.id }, 'onboarding enrollment created on join');
}

function admissionKey(teamId: string, userId: string): string {
  return `onboarding.admit:${teamId}:${userId}`;
}
