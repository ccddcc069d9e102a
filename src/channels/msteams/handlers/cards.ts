/**
 * Invokes: a click on a card (an Action.Execute invoke, answered with a card or a short message, or
 * an Action.Submit message; every button carries { actionId, value } and goes to the core), Teams'
 * feedback buttons (message/submitAction) and the message action "Vraag Wijkwijs hierover"
 * (composeExtension/submitAction).
 */
import type { InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { ASK_ABOUT_MESSAGE_LABEL, askAboutMessage } from '../../../assistant/ask-about-message.ts';
import { handleTurn } from '../../../assistant/handle-turn.ts';
import { rejectControlCharacters } from '../../../lib/control-characters.ts';
import { toWijkwijsError, WijkwijsError } from '../../../lib/errors.ts';
import { cardDataSchema, cardFields, msTeamsUserId } from '../activity.ts';
import { RATE_LIMITED_TEXT } from '../../shared/guard.ts';
import { cardAttachment, FIELD_PREFIX, renderDoneCard, renderReply, type Card } from '../render.ts';
import { activityKey, answerOfMessage } from '../store.ts';
import { CARD_ADAPTIVE, CARD_MESSAGE, privately, remember, msTeamsPlace, msTeamsThread, type MsTeamsDeps } from '../respond.ts';

const UNKNOWN_BUTTON = 'Deze knop ken ik niet (meer). Stel je vraag gerust opnieuw.';
/** Buttons of cards posted before "Vraag een collega" became a reply action. */
const EARLIER_ACTIONS: Record<string, string> = { 'msteams.handoff': 'handoff.request', 'msteams.handoff.resolve': 'handoff.resolve' };

/** Returns what an invoke answers. */
export async function onCardData(deps: MsTeamsDeps, tc: TurnContext, raw: Record<string, unknown>): Promise<InvokeResponse['body']> {
  const { ctx } = deps;
  const a = tc.activity;
  const isInvoke = a.type === 'invoke';
  rejectControlCharacters(raw);
  const parsed = cardDataSchema.safeParse(raw);
  if (!parsed.success) throw new WijkwijsError('bad_request', UNKNOWN_BUTTON);
  const data = parsed.data;
  await remember(ctx, tc);
  const reply = await handleTurn(ctx, {
    channel: 'msteams',
    userId: msTeamsUserId(a.from),
    userName: a.from.name,
    place: msTeamsPlace(a),
    // Answered in the personal chat or to the clicker alone; a card updated in place is a feature's notice.
    audience: 'private',
    thread: msTeamsThread(a),
    action: { id: EARLIER_ACTIONS[data.actionId] ?? data.actionId, value: data.value, fields: cardFields(raw, FIELD_PREFIX) },
  });
  if (reply.replacesSource) {
    // The card that carried the button shows the outcome; everyone in the chat sees the same card.
    if (isInvoke) return { statusCode: 200, type: CARD_ADAPTIVE, value: renderDoneCard(reply) };
    if (a.replyToId) {
      await tc.updateActivity({ ...renderReply(reply), id: a.replyToId });
      return undefined;
    }
  }
  return privately(deps, tc, renderReply(reply), isInvoke, reply);
}

export async function onInvoke(deps: MsTeamsDeps, tc: TurnContext): Promise<void> {
  const a = tc.activity;
  if (a.name === 'message/submitAction') return onFeedback(deps, tc);
  if (a.name === 'composeExtension/submitAction') return onMessageAction(deps, tc);
  if (a.name !== 'adaptiveCard/action') {
    await tc.sendActivity({ type: 'invokeResponse', value: { status: 200, body: {} } });
    return;
  }
  const value = (a.value ?? {}) as { action?: { data?: unknown } };
  let body: InvokeResponse['body'];
  try {
    const data = value.action?.data;
    if (!data || typeof data !== 'object') throw new WijkwijsError('bad_request', UNKNOWN_BUTTON);
    body = (await onCardData(deps, tc, data as Record<string, unknown>)) ?? { statusCode: 200, type: CARD_MESSAGE, value: 'Gedaan.' };
  } catch (error) {
    const e = toWijkwijsError(error);
    if (e.code === 'internal') deps.ctx.logger.error({ err: error }, 'msteams card action failed');
    body = { statusCode: 200, type: CARD_MESSAGE, value: e.userMessage };
  }
  await tc.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
}

/**
 * Teams' feedback buttons under an answer (the feedback loop): the reaction and the optional text the
 * user typed in Teams' own form, stored for the answer the clicked message carries (the comment
 * anonymised, as every feedback comment).
 */
async function onFeedback(deps: MsTeamsDeps, tc: TurnContext): Promise<void> {
  const { ctx } = deps;
  const a = tc.activity;
  let body: InvokeResponse['body'] = {};
  try {
    const parsed = feedbackLoopSchema.safeParse(a.value);
    if (!parsed.success) throw new WijkwijsError('bad_request', 'Deze feedback kon ik niet lezen. Probeer het nog eens.');
    rejectControlCharacters(parsed.data);
    const answerId = a.replyToId ? await answerOfMessage(ctx.db, activityKey({ id: a.replyToId, conversation: a.conversation })) : undefined;
    if (!answerId) throw new WijkwijsError('not_found', 'Bij dit bericht hoort geen antwoord (meer); je feedback kon niet worden opgeslagen.');
    const { reaction, feedback } = parsed.data.actionValue;
    const reply = await handleTurn(ctx, {
      channel: 'msteams',
      userId: msTeamsUserId(a.from),
      audience: 'private',
      action: { id: reaction === 'like' ? 'feedback.up' : 'feedback.down', value: answerId, comment: feedbackText(feedback) },
    });
    body = { statusCode: 200, type: CARD_MESSAGE, value: reply.text };
  } catch (error) {
    const e = toWijkwijsError(error);
    if (e.code === 'internal') ctx.logger.error({ err: error }, 'msteams feedback failed');
    body = { statusCode: 200, type: CARD_MESSAGE, value: e.userMessage };
  }
  await tc.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
}

const feedbackLoopSchema = z.looseObject({
  actionName: z.literal('feedback'),
  actionValue: z.looseObject({ reaction: z.enum(['like', 'dislike']), feedback: z.string().max(5000).optional() }),
});

/** Teams sends the typed text as JSON (`{"feedbackText":"…"}`); a client may send it plain. */
function feedbackText(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { feedbackText?: unknown };
    return typeof parsed.feedbackText === 'string' && parsed.feedbackText.trim() ? parsed.feedbackText : undefined;
  } catch {
    return raw.trim() || undefined;
  }
}

/**
 * "Vraag Wijkwijs hierover", the message action: the core anonymises the message and asks about what
 * is left; the answer shows in a dialog only the asker sees.
 */
async function onMessageAction(deps: MsTeamsDeps, tc: TurnContext): Promise<void> {
  const { ctx, guard } = deps;
  const a = tc.activity;
  let card: Card;
  try {
    const parsed = messageActionSchema.safeParse(a.value);
    if (!parsed.success || parsed.data.commandId !== ASK_ABOUT_MESSAGE_COMMAND) throw new WijkwijsError('bad_request', UNKNOWN_BUTTON);
    const userId = msTeamsUserId(a.from);
    if (!guard.limiter.take(userId)) throw new WijkwijsError('rate_limited', RATE_LIMITED_TEXT);
    const payload = parsed.data.messagePayload.body;
    const message = payload.contentType === 'html' ? htmlToText(payload.content) : payload.content;
    const reply = await guard.gate.run(() => askAboutMessage(ctx, { channel: 'msteams', userId, userName: a.from.name, place: msTeamsPlace(a) }, message));
    card = renderDoneCard({ ...reply, actions: [] });
    ctx.logger.info({ channel: 'msteams', answerId: reply.answerId, mode: reply.mode }, 'msteams message asked about');
  } catch (error) {
    const e = toWijkwijsError(error);
    if (e.code === 'internal') ctx.logger.error({ err: error }, 'msteams message action failed');
    card = renderDoneCard({ conversationId: '', text: e.userMessage, citations: [], actions: [], mode: 'notice', notices: [] });
  }
  const task = { type: 'continue', value: { title: ASK_ABOUT_MESSAGE_LABEL, height: 'large', width: 'large', card: cardAttachment(card) } };
  await tc.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { task } } });
}

/** The command id of the message action in the app manifest. */
export const ASK_ABOUT_MESSAGE_COMMAND = 'askAboutMessage';

const messageActionSchema = z.looseObject({
  commandId: z.string().max(100),
  commandContext: z.string().max(50).optional(),
  messagePayload: z.looseObject({ body: z.looseObject({ contentType: z.string().max(20).default('text'), content: z.string().max(100_000).default('') }) }),
});

/** A Teams message's HTML as text: mentions keep their name, tags and entities go. */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
