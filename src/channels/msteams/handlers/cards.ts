/**
 * A click on a card: an Action.Execute invoke (answered with a card or a short message) or an
 * Action.Submit message. Every button carries { actionId, value } and goes to the core.
 */
import type { InvokeResponse, TurnContext } from 'botbuilder';
import { handleTurn } from '../../../assistant/handle-turn.ts';
import { rejectControlCharacters } from '../../../lib/control-characters.ts';
import { toWijkwijsError, WijkwijsError } from '../../../lib/errors.ts';
import { cardDataSchema, cardFields, msTeamsUserId } from '../activity.ts';
import { FIELD_PREFIX, renderDoneCard, renderReply } from '../render.ts';
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
