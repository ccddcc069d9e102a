/**
 * What every Teams handler shares: its dependencies, how Teams ids become core ids (places,
 * threads), and how a reply reaches someone privately (Teams has no message only one person sees
 * in a channel: their personal chat with Wijkwijs).
 */
import { TurnContext, type Activity, type InvokeResponse } from 'botbuilder';
import type { Reply } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { toWijkwijsError, type WijkwijsError } from '../../lib/errors.ts';
import { rememberName } from '../../people/remember-name.ts';
import { placeKey } from '../../teams/channel-links.ts';
import type { ChannelGuard } from '../shared/guard.ts';
import { channelData, conversationKind, storedConversation, msTeamsChannelId, msTeamsUserId } from './activity.ts';
import { openPersonalConversation, postTo, type Poster } from './proactive.ts';
import { renderNotice } from './render.ts';
import { personalConversation, saveConversation } from './store.ts';

export interface MsTeamsDeps {
  ctx: Context;
  poster: Poster;
  guard: ChannelGuard;
}

export const CARD_MESSAGE = 'application/vnd.microsoft.activity.message';
export const CARD_ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
export const NO_PERSONAL_CHAT = 'Ik kon je geen persoonlijk bericht sturen. Open een chat met Wijkwijs (Apps → Wijkwijs) en probeer het daarna opnieuw.';
/** Longer notices go to the personal chat instead of only the clicker's passing message. */
const SHORT_NOTICE_MAX = 200;

/** The core's name of the Teams channel of an activity; a chat is no place. */
export function msTeamsPlace(activity: Activity): string | undefined {
  const channelId = msTeamsChannelId(activity);
  return channelId ? placeKey('msteams', channelId) : undefined;
}

/** The core's name of the thread (a channel post's replies, or a chat). */
export const msTeamsThread = (activity: Activity) => `msteams:${activity.conversation.id}`;

/** Keeps where this conversation is, so Wijkwijs can post there later on its own, and the sender's name. */
export async function remember(ctx: Context, tc: TurnContext): Promise<void> {
  await saveConversation(ctx.db, storedConversation(tc.activity, TurnContext.getConversationReference(tc.activity)));
  // Every activity names its sender as Teams shows them: the core keeps that name for replies.
  await rememberName(ctx, msTeamsUserId(tc.activity.from), tc.activity.from?.name);
}

export async function sendError(ctx: Context, tc: TurnContext, error: unknown): Promise<WijkwijsError> {
  const e = toWijkwijsError(error);
  if (e.code === 'internal') ctx.logger.error({ err: error }, 'msteams request failed');
  await tc.sendActivity(renderNotice(e.userMessage)).catch((deliveryError: unknown) => ctx.logger.warn({ err: deliveryError }, 'msteams error message not delivered'));
  return e;
}

/** Posts to the person's personal chat with Wijkwijs, opening it when need be; false when Teams refuses. */
export async function sendPersonally(deps: MsTeamsDeps, a: Activity, activity: Partial<Activity>): Promise<boolean> {
  const personal = (await personalConversation(deps.ctx.db, msTeamsUserId(a.from))) ?? (await openPersonalChat(deps, a));
  if (personal) await postTo(deps.poster, personal, activity);
  return Boolean(personal);
}

/** A member of a team the bot is in can be written to privately even before they ever opened the chat. */
export async function openPersonalChat(deps: MsTeamsDeps, a: Activity) {
  return openPersonalConversation(deps.ctx, deps.poster, {
    userId: msTeamsUserId(a.from),
    member: { id: a.from.id, name: a.from.name, aadObjectId: a.from.aadObjectId },
    bot: a.recipient,
    serviceUrl: a.serviceUrl,
    tenantId: channelData(a).tenant?.id ?? a.conversation.tenantId,
    channelId: a.channelId,
  }).catch((error: unknown) => {
    deps.ctx.logger.warn({ err: error }, 'msteams personal chat not opened');
    return undefined;
  });
}

/**
 * In a personal chat the reply is a message there; in a channel or group chat a short notice shows
 * only to the clicker (the invoke's answer) and a fuller reply goes to their personal chat with
 * Wijkwijs (opened for them if need be); when that fails they are asked to open the chat themselves.
 */
export async function privately(deps: MsTeamsDeps, tc: TurnContext, activity: Partial<Activity>, isInvoke: boolean, reply?: Reply): Promise<InvokeResponse['body']> {
  const a = tc.activity;
  // Teams shows an invoke's message only briefly, as plain text: fine for "Je stem is geteld.", not for
  // something to read back later (preparation steps, several lines).
  const text = activity.text ?? '';
  const plain = !reply || (reply.mode === 'notice' && !reply.actions.length && !reply.form && !reply.citations.length && text.length <= SHORT_NOTICE_MAX && !text.includes('\n'));
  if (conversationKind(a) === 'personal') {
    await tc.sendActivity(activity);
    return isInvoke ? { statusCode: 200, type: CARD_MESSAGE, value: plain ? (activity.text ?? 'Gedaan.') : 'Gedaan.' } : undefined;
  }
  if (isInvoke && plain) return { statusCode: 200, type: CARD_MESSAGE, value: activity.text ?? 'Gedaan.' };
  if (await sendPersonally(deps, a, activity)) {
    return isInvoke ? { statusCode: 200, type: CARD_MESSAGE, value: 'Ik heb je antwoord in je chat met Wijkwijs gezet.' } : undefined;
  }
  // What was meant for one person (a draft to check, someone's own status) never goes to the channel.
  if (isInvoke) return { statusCode: 200, type: CARD_MESSAGE, value: NO_PERSONAL_CHAT };
  await tc.sendActivity({ type: 'message', text: NO_PERSONAL_CHAT });
  return undefined;
}
