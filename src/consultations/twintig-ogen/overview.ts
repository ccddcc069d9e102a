import type { Context } from '../../assistant/context.ts';
import { formatDutch } from '../../lib/time.ts';
import { getTeamRhythm } from '../rhythm/get-team-rhythm.ts';
import { ON_AGENDA } from './upcoming-meetings.ts';

/** The user's own twintig-ogen cases still to be discussed, and outcomes they still have to record. */
export async function twintigOgenOverview(ctx: Context, userId: string): Promise<string[]> {
  const { prisma } = ctx.db;
  const items = await prisma.consultationRequest.findMany({
    where: { requesterId: userId, status: { in: [...ON_AGENDA, 'requested'] } },
    include: { meeting: true },
    orderBy: { createdAt: 'asc' },
  });
  const lines: string[] = [];
  for (const item of items) {
    if (item.meeting && ON_AGENDA.includes(item.status)) {
      const zone = (await getTeamRhythm(prisma, item.teamId))?.timeZone;
      lines.push(`Twintig ogen: je casus (${item.dilemma}) staat op ${formatDutch(item.meeting.startsAt, zone)}, punt ${item.position}.`);
    } else {
      lines.push(`Twintig ogen: voor je casus (${item.dilemma}) zoeken we nog een moment.`);
    }
  }
  const followUps = await prisma.consultationFollowUp.count({ where: { ownerId: userId, status: 'open' } });
  if (followUps) lines.push(`Twintig ogen: ${followUps} ${followUps === 1 ? 'afspraak' : 'afspraken'} uit een casusbespreking staan op jouw naam.`);
  return lines;
}
