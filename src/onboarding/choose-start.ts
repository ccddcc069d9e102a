import { z } from 'zod';
import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { addDays, atLocalTime, formatDutch, localDate } from '../lib/time.ts';
import { assignBuddy } from './assign-buddy.ts';
import { displayName, findEnrollment, programmeFor, scheduleNextNudge, updateWithActivity, type Enrollment } from './enrollment.ts';
import { navigation, reply } from './render-step.ts';
import { firstWorkingDayFrom } from './schedule.ts';

export const startFields = z.object({
  startDate: z.iso.date({ error: 'Kies een geldige startdatum (JJJJ-MM-DD).' }),
  nudgeTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Kies een tijd als 09:30.' }),
});

/**
 * The newcomer chose a start date and nudge time: the programme becomes active, a buddy is found by
 * rotation and both are introduced, and the first daily nudge is planned.
 */
export async function chooseStart(ctx: Context, enrollment: Enrollment, fields: unknown): Promise<Reply> {
  const parsed = startFields.safeParse(fields);
  if (!parsed.success) throw new WijkwijsError('bad_request', parsed.error.issues[0]?.message ?? 'Kies een startdatum en een tijd.');
  const { nudgeTime } = parsed.data;
  const today = localDate(ctx.clock.now(), enrollment.timeZone);
  if (parsed.data.startDate < addDays(today, -60) || parsed.data.startDate > addDays(today, 180)) {
    throw new WijkwijsError('bad_request', 'Kies een startdatum binnen een half jaar vanaf nu.');
  }
  if (enrollment.status === 'completed') return reply('Je hebt het inwerkprogramma al afgerond.');
  const startDate = firstWorkingDayFrom(parsed.data.startDate);
  const programme = programmeFor(ctx, enrollment);
  let e = await updateWithActivity(ctx, enrollment, {
    startDate,
    nudgeTime,
    status: 'active',
    programmeHash: programme.hash,
    currentModule: enrollment.currentModule ?? programme.modules[0]!.id,
    snoozedUntil: null,
  });
  const isNewBuddy = !e.buddyId;
  if (isNewBuddy) await assignBuddy(ctx, e);
  e = (await findEnrollment(ctx, e.id))!;
  await scheduleNextNudge(ctx, e);
  const startsAt = formatDutch(atLocalTime(startDate, nudgeTime, e.timeZone), e.timeZone, false);
  const name = await displayName(ctx, e.userId);

  if (e.buddyId && isNewBuddy) {
    const buddy = await displayName(ctx, e.buddyId);
    await ctx.messenger.send({
      to: { userId: e.userId },
      key: `onboarding.buddy:${e.id}:newcomer`,
      reply: reply(`👋 Je buddy is **${buddy}**. Bij je buddy kun je terecht met alles wat je in het handboek niet vindt: hoe het hier écht gaat, meelopen bij een keukentafelgesprek, of gewoon even sparren. Maak gerust deze week een afspraak.`),
    });
    await ctx.messenger.send({
      to: { userId: e.buddyId },
      key: `onboarding.buddy:${e.id}:buddy`,
      reply: reply(`👋 Je bent buddy van **${name}**, die op ${startsAt} begint met het inwerkprogramma. Wil je deze week even kennismaken? Zie je dat ${name} vastloopt, dan laat ik het je weten.`),
    });
  }
  ctx.logger.info({ enrollmentId: e.id, buddy: Boolean(e.buddyId) }, 'onboarding started');
  const buddyLine = e.buddyId ? `Je buddy is ${await displayName(ctx, e.buddyId)}.` : 'Er is nog geen buddy beschikbaar; je teamleider zoekt er een.';
  const nowOrLater = startDate <= today ? 'Je kunt meteen beginnen.' : 'Wil je alvast kijken? Dat mag.';
  return reply(
    `Top! Je start op ${startsAt}. Elke werkdag om ${nudgeTime} krijg je een kort stukje: tekst, een reflectievraag en een paar quizvragen, in ${programme.modules.length} modules over zo'n zes weken. ${buddyLine} ${nowOrLater}\n\nTussendoor kun je me altijd gewoon een vraag stellen.`,
    { actions: navigation(e, { next: 'Beginnen', skip: false }) },
  );
}
