/**
 * The day before a meeting: its agenda in the team channel (`twintig.agenda:<meetingId>`), with
 * per case the dilemma and question and the steps of a Wat-werkt-gesprek to prepare, plus the
 * follow-ups from earlier meetings whose effect the team will ask about.
 */
import type { Context } from '../../assistant/context.ts';
import { formatDutch } from '../../lib/time.ts';
import { getTeamRhythm } from '../rhythm/get-team-rhythm.ts';
import { meetingCalendarUrl } from '../calendar/calendar-links.ts';
import { message, shorten } from './announce-item.ts';
import { effectKey } from './follow-ups.ts';
import { displayNames } from './team-access.ts';
import { ON_AGENDA } from './upcoming-meetings.ts';

export const WAT_WERKT_STEPS = [
  'Dilemma: de inbrenger zegt in een paar zinnen tussen welke twee goede keuzes hij klem zit.',
  'Casus: een korte schets, zonder namen; alleen wat nodig is om het dilemma te snappen.',
  'Verhelderende vragen: alleen vragen om het te begrijpen, nog geen tips.',
  'Adviesronde: ieder zegt om de beurt wat hij zou doen en waarom. Er is geen beste antwoord.',
  'Afspraken: de inbrenger kiest wat hij meeneemt; wie doet wat, en wanneer kijken we terug?',
];

export const agendaKey = (meetingId: string) => `twintig.agenda:${meetingId}`;

export async function postAgenda(ctx: Context, meetingId: string): Promise<void> {
  const agenda = await buildAgenda(ctx, meetingId);
  if (!agenda) {
    ctx.logger.info({ meetingId }, 'no twintig-ogen agenda to post');
    return;
  }
  const { meeting, text, items, followUps } = agenda;
  await ctx.messenger.send({ to: { teamId: meeting.teamId }, key: agendaKey(meeting.id), reply: message(text) });
  for (const f of followUps) {
    await ctx.messenger.send({
      to: { userId: f.ownerId },
      key: effectKey(f.id),
      reply: message(`Morgen vraagt het team wat je afspraak heeft opgeleverd: "${shorten(f.text, 200)}". Leg het effect alvast vast, dan kan het team er meteen op doorgaan.`, [
        { id: 'twintig.effect-open', label: 'Effect vastleggen', value: f.id, style: 'primary' },
      ]),
    });
  }
  ctx.logger.info({ meetingId, items: items.length, followUps: followUps.length }, 'twintig-ogen agenda posted');
}

/** An agenda already posted follows later changes (withdrawn, moved, reordered) in place. */
export async function refreshPostedAgenda(ctx: Context, meetingId: string): Promise<void> {
  const posted = await ctx.db.prisma.notification.findUnique({ where: { key: agendaKey(meetingId) }, select: { teamId: true } });
  if (!posted?.teamId) return;
  const agenda = await buildAgenda(ctx, meetingId);
  const text = agenda?.text ?? 'Er staan geen casussen meer op de agenda van dit overleg: ze zijn ingetrokken of verplaatst.';
  await ctx.messenger.send({ to: { teamId: posted.teamId }, key: agendaKey(meetingId), reply: message(text) });
}

async function buildAgenda(ctx: Context, meetingId: string) {
  const { prisma } = ctx.db;
  const meeting = await prisma.consultationMeeting.findUnique({ where: { id: meetingId } });
  if (!meeting || meeting.status === 'cancelled') return undefined;
  const items = await prisma.consultationRequest.findMany({ where: { meetingId, status: { in: ON_AGENDA } }, orderBy: { position: 'asc' } });
  const followUps = await prisma.consultationFollowUp.findMany({ where: { teamId: meeting.teamId, status: 'open', createdAt: { lt: meeting.startsAt } }, orderBy: { dueDate: 'asc' } });
  if (items.length === 0 && followUps.length === 0) return undefined;
  const zone = (await getTeamRhythm(prisma, meeting.teamId))?.timeZone;
  const names = await displayNames(prisma, [...items.map((i) => i.requesterId), ...followUps.map((f) => f.ownerId)]);
  const kind = meeting.kind === 'extra' ? 'extra casusbespreking' : 'teamoverleg';
  const lines = [`Agenda twintig ogen voor het ${kind} van ${formatDutch(meeting.startsAt, zone)}.`];
  for (const [i, item] of items.entries()) {
    lines.push('', `${i + 1}. ${item.dilemma} (inbrenger: ${names.get(item.requesterId)}${item.rsvps.length ? `, ${item.rsvps.length} denken mee` : ''})`, `   Vraag aan het team: ${shorten(item.question, 300)}`);
  }
  if (items.length) {
    lines.push('', 'Zo bereiden we elke casus voor (Wat-werkt-gesprek):', ...WAT_WERKT_STEPS.map((s, i) => `${i + 1}. ${s}`));
  }
  if (followUps.length) {
    lines.push('', 'Terugblik: wat hebben de afspraken van vorige keer opgeleverd?');
    for (const f of followUps) lines.push(`- ${shorten(f.text, 200)} (${names.get(f.ownerId)}, klaar op ${f.dueDate})`);
  }
  lines.push('', `In je agenda zetten: ${await meetingCalendarUrl(ctx, meeting.teamId, meeting.id)}`);
  return { meeting, items, followUps, text: lines.join('\n') };
}
