import { z } from 'zod';
import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { addDays, atLocalTime, formatDutch, localDate } from '../lib/time.ts';
import { namePeople } from '../people/name-people.ts';
import { assignBuddy } from './assign-buddy.ts';
import { findEnrollment, programmeFor, scheduleNextNudge, updateWithActivity, type Enrollment } from './enrollment.ts';
import { introduceBuddy } from './introduce-buddy.ts';
import { navigation, reply } from './render-step.ts';
import { firstWorkingDayFrom } from './schedule.ts';
import { latestStart } from './start-limit.ts';

export const startFields = z.object({
  startDate: z.iso.date({ error: 'Kies een geldige startdatum (JJJJ-MM-DD).' }),
  nudgeTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Kies een tijd als 09:30.' }),
});

/** A start date within half a year, moved to the first working day; the Dutch refusal otherwise. */
export function checkStartDate(ctx: Context, e: Pick<Enrollment, 'timeZone'>, date: string): string {
  const today = localDate(ctx.clock.now(), e.timeZone);
  if (date < addDays(today, -60) || date > addDays(today, 180)) throw new WijkwijsError('bad_request', 'Kies een startdatum binnen een half jaar vanaf nu.');
  return firstWorkingDayFrom(date);
}

/**
 * The newcomer chose a start date and nudge time: the programme becomes active, a buddy is found by
 * rotation when there is none yet and both are introduced, and the first daily nudge is planned. A
 * start a lead chose may move later only as far as the team allows.
 */
export async function chooseStart(ctx: Context, enrollment: Enrollment, fields: unknown): Promise<Reply> {
  const parsed = startFields.safeParse(fields);
  if (!parsed.success) throw new WijkwijsError('bad_request', parsed.error.issues[0]?.message ?? 'Kies een startdatum en een tijd.');
  const { nudgeTime } = parsed.data;
  if (enrollment.status === 'completed') return reply('Je hebt het inwerkprogramma al afgerond.');
  const startDate = checkStartDate(ctx, enrollment, parsed.data.startDate);
  const latest = await latestStart(ctx, enrollment);
  if (latest && startDate > latest) {
    const day = (d: string) => formatDutch(atLocalTime(d, nudgeTime, enrollment.timeZone), enrollment.timeZone, false);
    throw new WijkwijsError('bad_request', `Je teamleider heeft je start op ${day(enrollment.leadStartDate!)} gezet; je kunt hem verzetten tot uiterlijk ${day(latest)}. Later? Overleg dan even met je teamleider.`);
  }
  const programme = programmeFor(ctx, enrollment);
  let e = await updateWithActivity(ctx, enrollment, {
    startDate,
    nudgeTime,
    status: 'active',
    programmeHash: programme.hash,
    currentModule: enrollment.currentModule ?? programme.modules[0]!.id,
    snoozedUntil: null,
  });
  const isNewBuddy = !e.buddyId && Boolean(await assignBuddy(ctx, e));
  e = (await findEnrollment(ctx, e.id))!;
  await scheduleNextNudge(ctx, e);
  if (isNewBuddy) await introduceBuddy(ctx, e);
  ctx.logger.info({ enrollmentId: e.id, buddy: Boolean(e.buddyId) }, 'onboarding started');
  const startsAt = formatDutch(atLocalTime(startDate, nudgeTime, e.timeZone), e.timeZone, false);
  const names = await namePeople(ctx, [e.buddyId]);
  const buddyLine = e.buddyId ? `Je buddy is ${names.name(e.buddyId)}.` : 'Er is nog geen buddy beschikbaar; je teamleider zoekt er een.';
  const nowOrLater = startDate <= localDate(ctx.clock.now(), e.timeZone) ? 'Je kunt meteen beginnen.' : 'Wil je alvast kijken? Dat mag.';
  return reply(
    `Top! Je start op ${startsAt}. Elke werkdag om ${nudgeTime} krijg je een kort stukje: tekst, een reflectievraag en een paar quizvragen, in ${programme.modules.length} modules over zo'n zes weken. ${buddyLine} ${nowOrLater}\n\nTussendoor kun je me altijd gewoon een vraag stellen.`,
    { actions: navigation(e, { next: 'Beginnen', skip: false }), people: names.named() },
  );
}
