import ical from 'ical-generator';
import { DateTime } from 'luxon';
import type { Context } from '../../assistant/context.ts';
import { DEFAULT_TIME_ZONE } from '../../lib/time.ts';
import { WAT_WERKT_STEPS } from '../twintig-ogen/post-agenda.ts';
import { ON_AGENDA } from '../twintig-ogen/upcoming-meetings.ts';

/**
 * A VCALENDAR of a team's planned meetings with cases (or one meeting). Times are written in the
 * team's zone with a TZID, so calendar apps keep 10:00 at 10:00 across DST. Only the dilemma and
 * the anonymised question go in, never the case summary.
 */
export async function buildCalendar(ctx: Context, input: { teamId: string; meetingId?: string }): Promise<string> {
  const { prisma } = ctx.db;
  const rhythm = await prisma.teamRhythm.findUnique({ where: { teamId: input.teamId } });
  const zone = rhythm?.timeZone ?? DEFAULT_TIME_ZONE;
  const since = new Date(ctx.clock.now().getTime() - 30 * 86_400_000);
  const meetings = await prisma.consultationMeeting.findMany({
    where: input.meetingId ? { id: input.meetingId } : { teamId: input.teamId, status: { not: 'cancelled' }, startsAt: { gte: since } },
    include: { requests: { where: { status: { in: [...ON_AGENDA, 'discussed'] } }, orderBy: { position: 'asc' } } },
    orderBy: { startsAt: 'asc' },
  });
  const calendar = ical({ name: `Casusbesprekingen ${input.teamId}`, timezone: zone, prodId: { company: 'Wijkwijs', product: 'twintig-ogen', language: 'NL' } });
  for (const m of meetings) {
    if (!input.meetingId && m.requests.length === 0) continue;
    const description = [
      ...m.requests.map((r, i) => `${i + 1}. ${r.dilemma}\n   Vraag: ${r.question.replace(/\s+/g, ' ').slice(0, 300)}`),
      '',
      'Voorbereiding (Wat-werkt-gesprek):',
      ...WAT_WERKT_STEPS.map((s, i) => `${i + 1}. ${s}`),
    ].join('\n');
    calendar.createEvent({
      id: `${m.id}@wijkwijs`,
      start: DateTime.fromJSDate(m.startsAt, { zone }),
      end: DateTime.fromJSDate(m.endsAt, { zone }),
      stamp: ctx.clock.now(),
      timezone: zone,
      summary: m.kind === 'extra' ? 'Extra casusbespreking (twintig ogen)' : 'Teamoverleg: casusbesprekingen (twintig ogen)',
      description,
    });
  }
  return calendar.toString();
}
