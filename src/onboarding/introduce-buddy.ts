import type { Context } from '../assistant/context.ts';
import { atLocalTime, formatDutch } from '../lib/time.ts';
import { namePeople } from '../people/name-people.ts';
import type { Enrollment } from './enrollment.ts';
import { reply } from './render-step.ts';

/**
 * Tells the newcomer and the buddy who the other is (and, when a lead chose or changed the buddy,
 * who did); a buddy who was replaced hears that too. Each new pairing is a new message, so a change
 * reaches people as a notification rather than as a silent edit of an older one.
 */
export async function introduceBuddy(ctx: Context, e: Enrollment, options: { chosenBy?: string; previousBuddyId?: string | null } = {}): Promise<void> {
  if (!e.buddyId) return;
  const names = await namePeople(ctx, [e.userId, e.buddyId, options.chosenBy, options.previousBuddyId]);
  const newcomer = names.name(e.userId);
  const buddy = names.name(e.buddyId);
  const starts = e.startDate ? ` op ${formatDutch(atLocalTime(e.startDate, e.nudgeTime, e.timeZone), e.timeZone, false)}` : '';
  const byLead = options.chosenBy ? ` ${names.name(options.chosenBy)} heeft jullie aan elkaar gekoppeld.` : '';
  await ctx.messenger.send({
    to: { userId: e.userId },
    key: `onboarding.buddy:${e.id}:newcomer:${e.buddyId}`,
    reply: reply(
      `👋 Je buddy is **${buddy}**.${byLead} Bij je buddy kun je terecht met alles wat je in het handboek niet vindt: hoe het hier écht gaat, meelopen bij een keukentafelgesprek, of gewoon even sparren. Maak gerust deze week een afspraak.`,
      { people: names.named() },
    ),
  });
  await ctx.messenger.send({
    to: { userId: e.buddyId },
    key: `onboarding.buddy:${e.id}:buddy:${e.buddyId}`,
    reply: reply(`👋 Je bent buddy van **${newcomer}**, die${starts} begint met het inwerkprogramma.${byLead} Wil je deze week even kennismaken? Zie je dat ${newcomer} vastloopt, dan laat ik het je weten.`, {
      people: names.named(),
    }),
  });
  if (options.previousBuddyId && options.previousBuddyId !== e.buddyId) {
    await ctx.messenger.send({
      to: { userId: options.previousBuddyId },
      key: `onboarding.buddy:${e.id}:released:${options.previousBuddyId}`,
      reply: reply(`Je bent niet meer de buddy van ${newcomer}; dat is nu ${buddy}. Dank je voor je hulp tot nu toe!`, { people: names.named() }),
    });
  }
}
