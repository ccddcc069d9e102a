/**
 * The agenda item in the team channel (`twintig.item:<id>`): what the case is about, where it is
 * on the agenda, who thinks along. Sent again with the same key whenever that changes.
 */
import { noticeReply, type Reply, type ReplyAction } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { formatDutch } from '../../lib/time.ts';
import { meetingCalendarUrl } from '../calendar/calendar-links.ts';
import { getTeamRhythm } from '../rhythm/get-team-rhythm.ts';
import { displayNames } from './team-access.ts';
import { ON_AGENDA } from './upcoming-meetings.ts';

export const itemKey = (requestId: string) => `twintig.item:${requestId}`;

export function message(text: string, actions: ReplyAction[] = []): Reply {
  return noticeReply(text, { actions });
}

export function shorten(text: string, max = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export async function renderItem(ctx: Context, requestId: string): Promise<Reply> {
  const { prisma } = ctx.db;
  const item = await prisma.consultationRequest.findUniqueOrThrow({ where: { id: requestId }, include: { meeting: true } });
  const rhythm = await getTeamRhythm(prisma, item.teamId);
  const zone = rhythm?.timeZone;
  const names = await displayNames(prisma, [item.requesterId, ...item.rsvps]);
  const lines: string[] = [];
  if (item.status === 'withdrawn') {
    lines.push(`De twintig-ogen casus van ${names.get(item.requesterId)} is ingetrokken; het agendapunt vervalt.`);
  } else if (item.status === 'discussed') {
    lines.push(`De twintig-ogen casus van ${names.get(item.requesterId)} is besproken. Dank voor het meedenken!`);
  } else if (item.meeting && ON_AGENDA.includes(item.status)) {
    const total = await prisma.consultationRequest.count({ where: { meetingId: item.meetingId, status: { in: ON_AGENDA } } });
    const kind = item.meeting.kind === 'extra' ? 'de extra casusbespreking' : 'het teamoverleg';
    lines.push(`Twintig-ogen casus van ${names.get(item.requesterId)} voor ${kind} van ${formatDutch(item.meeting.startsAt, zone)} (punt ${item.position} van ${total}).`);
  } else {
    lines.push(`Twintig-ogen casus van ${names.get(item.requesterId)}: we zoeken nog een moment.`);
  }
  lines.push(`Dilemma: ${item.dilemma}`, `Vraag aan het team: ${shorten(item.question, 300)}`, `Situatie: ${shorten(item.summary)}`);
  if (item.urgency === 'urgent' && item.latestDate) lines.push(`Spoed: uiterlijk ${item.latestDate} bespreken.`);
  const open = ON_AGENDA.includes(item.status) || item.status === 'requested';
  if (open) {
    if (item.status === 'approved') lines.push('De procesbegeleider heeft het agendapunt goedgekeurd.');
    lines.push(item.rsvps.length ? `Denken mee: ${item.rsvps.length} (${item.rsvps.map((u) => names.get(u)).join(', ')}).` : 'Nog niemand heeft zich gemeld om mee te denken.');
    if (item.meeting) lines.push(`In je agenda zetten: ${await meetingCalendarUrl(ctx, item.teamId, item.meeting.id)}`);
  }
  const actions: ReplyAction[] = open
    ? [
        { id: 'twintig.rsvp', label: `Ik denk mee (${item.rsvps.length})`, value: item.id, style: 'primary' },
        ...(ON_AGENDA.includes(item.status)
          ? [
              ...(item.status === 'scheduled' ? [{ id: 'twintig.approve', label: 'Goedkeuren', value: item.id }] : []),
              { id: 'twintig.up', label: 'Omhoog', value: item.id },
              { id: 'twintig.down', label: 'Omlaag', value: item.id },
            ]
          : []),
      ]
    : [];
  return message(lines.join('\n'), actions);
}

export async function announceItem(ctx: Context, requestId: string): Promise<void> {
  const item = await ctx.db.prisma.consultationRequest.findUniqueOrThrow({ where: { id: requestId }, select: { teamId: true } });
  await ctx.messenger.send({ to: { teamId: item.teamId }, key: itemKey(requestId), reply: await renderItem(ctx, requestId) });
}
