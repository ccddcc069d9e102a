/**
 * Clicks on buttons in Wijkwijs' messages. Who may see a passage, share an answer or open a form is
 * decided by the core; a feature's own button goes back to the core unchanged.
 */
import type { WebClient } from '@slack/web-api';
import { handleTurn } from '../../../assistant/handle-turn.ts';
import type { Reply, Turn } from '../../../assistant/reply.ts';
import { shareAnswer } from '../../../assistant/share-answer.ts';
import { showPassage } from '../../../assistant/show-passage.ts';
import { rejectControlCharacters } from '../../../lib/control-characters.ts';
import { WijkwijsError } from '../../../lib/errors.ts';
import { openNotificationForm, teamOwner } from '../../../notifications/open-form.ts';
import { channelLink } from '../../../teams/channel-links.ts';
import { EXTERNAL_CHANNEL_TEXT } from '../guard.ts';
import { blockActionSchema, replyActionValueSchema } from '../payloads.ts';
import { ACTION, feedbackModal, passageModal, renderNotice, renderReply } from '../render.ts';
import { deliver, deliverError, formTarget, isDirect, openForm, renderWithForm, slackPlace, slackUserId, type Register, type SlackDeps, type Target } from '../respond.ts';
import { loadForm } from '../store.ts';

/** Buttons of messages posted before "Vraag een collega" became a reply action. */
const EARLIER_ACTIONS: Record<string, string> = { 'wijkwijs.handoff': 'handoff.request', 'wijkwijs.handoff.resolve': 'handoff.resolve' };

const NO_WINDOW = 'Dit venster kon niet worden geopend. Probeer het nog eens.';

export const register: Register = (app, deps) => {
  const { ctx } = deps;
  app.action(/^wijkwijs\./, async ({ ack, body, client, respond }) => {
    await ack();
    const parsed = blockActionSchema.safeParse(body);
    if (!parsed.success) return;
    const b = parsed.data;
    const workspaceId = b.team?.id ?? b.user.team_id ?? '';
    const channel = b.channel?.id ?? b.container?.channel_id ?? b.user.id;
    // In a channel the answer goes to the clicked message's thread; a DM's main line is the conversation.
    const threadTs = b.message?.thread_ts ?? b.container?.thread_ts ?? (b.container?.is_ephemeral || isDirect(channel) ? undefined : b.message?.ts);
    const privateTo = formTarget({ channel, threadTs }, b.user.id);
    // The message that carried the button, for a reply that replaces it (not for a private message).
    const sourceTs = b.container?.is_ephemeral ? undefined : (b.container?.message_ts ?? b.message?.ts);
    const action = b.actions[0]!;
    const value = action.value ?? '';
    // Answered to the clicker alone; a reply that replaces a channel message is a feature's own notice.
    const turn: Turn = { channel: 'slack', userId: slackUserId(workspaceId, b.user.id), userName: b.user.name, place: slackPlace(workspaceId, channel), audience: 'private' };
    const where = { channel, threadTs, sourceTs };
    try {
      rejectControlCharacters(b.actions);
      const [name] = action.action_id.split(':');
      switch (name) {
        case ACTION.passage: {
          const passage = await showPassage(ctx.db, turn, value);
          if (!b.trigger_id) throw new WijkwijsError('bad_request', NO_WINDOW);
          return void (await client.views.open({ trigger_id: b.trigger_id, view: passageModal(passage) as never }));
        }
        case ACTION.feedback: {
          const [rating, answerId = ''] = value.split(':') as ['up' | 'down', string?];
          return await giveFeedback(deps, client, turn, { rating: rating === 'up' ? 'up' : 'down', answerId }, { channel, threadTs, triggerId: b.trigger_id }, privateTo);
        }
        case ACTION.feedbackUp:
        case ACTION.feedbackDown:
          return await giveFeedback(deps, client, turn, { rating: name === ACTION.feedbackUp ? 'up' : 'down', answerId: value }, { channel, threadTs, triggerId: b.trigger_id }, privateTo);
        case ACTION.share:
          return await shareInChannel(deps, client, turn, value, channel, b.user.id);
        case ACTION.openForm: {
          const form = await loadForm(ctx.db, value, turn.userId);
          if (!form || !b.trigger_id) throw new WijkwijsError('not_found', 'Dit formulier is verlopen of al verstuurd. Begin gerust opnieuw.');
          return await openForm(client, b.trigger_id, { form }, where);
        }
        case ACTION.openNotificationForm: {
          // A message Wijkwijs sent on its own: its current form, for whoever it was sent to.
          const { form, teamId } = await openNotificationForm(ctx.db, { notificationId: value, userId: turn.userId });
          if (!b.trigger_id) throw new WijkwijsError('not_found', 'Dit formulier is er niet (meer), of is niet voor jou bedoeld.');
          return await openForm(client, b.trigger_id, { form }, { ...where, teamId });
        }
        case ACTION.replyAction: {
          const a = replyActionValueSchema.parse(JSON.parse(value));
          return await replyToAction(deps, client, { ...turn, action: { id: a.id, value: a.value } }, { ...where, triggerId: b.trigger_id, respond: b.response_url ? respond : undefined }, privateTo);
        }
        default:
          if (EARLIER_ACTIONS[name!]) return await replyToAction(deps, client, { ...turn, action: { id: EARLIER_ACTIONS[name!]!, value } }, where, privateTo);
      }
    } catch (error) {
      await deliverError(ctx, client, privateTo, error);
    }
  });
};

/**
 * A click on a feedback button counts at once; a modal then offers room for an optional comment,
 * stored with the same rating when it is sent. Without a window to open, the thanks come as a message.
 */
async function giveFeedback(
  deps: SlackDeps,
  client: WebClient,
  turn: Turn,
  feedback: { rating: 'up' | 'down'; answerId: string },
  where: { channel: string; threadTs?: string; triggerId?: string },
  privateTo: Target,
): Promise<void> {
  const reply = await handleTurn(deps.ctx, { ...turn, action: { id: `feedback.${feedback.rating}`, value: feedback.answerId } });
  if (!where.triggerId) return deliver(client, privateTo, renderNotice(reply.text));
  await client.views.open({ trigger_id: where.triggerId, view: feedbackModal(feedback.answerId, feedback.rating, { channel: where.channel, threadTs: where.threadTs }) as never });
}

interface Source {
  channel: string;
  threadTs?: string;
  sourceTs?: string;
  triggerId?: string;
  respond?: (message: Record<string, unknown>) => Promise<unknown>;
}

/** A feature's own button: its id and value go back to the core unchanged. */
async function replyToAction(deps: SlackDeps, client: WebClient, turn: Turn, source: Source, privateTo: Target): Promise<void> {
  const { ctx } = deps;
  const reply = await handleTurn(ctx, turn);
  if (reply.form && source.triggerId) await openForm(client, source.triggerId, reply, { channel: source.channel, threadTs: source.threadTs, sourceTs: source.sourceTs });
  if (reply.replacesSource) return replaceSource(deps, client, reply, { ...source, userId: turn.userId, teamId: (await channelLink(ctx.db, turn.place))?.teamId }, privateTo);
  await deliver(client, privateTo, await renderWithForm(ctx, reply, turn.userId));
}

/**
 * A reply that replaces the message with the button (e.g. an announcement whose count changed):
 * chat.update of a channel or DM message, the response_url for a private one. Everyone in the
 * channel sees the new message, so its form is kept for the whole team there.
 */
export async function replaceSource(deps: SlackDeps, client: WebClient, reply: Reply, source: Source & { userId: string; teamId?: string }, fallback: Target): Promise<void> {
  const { ctx } = deps;
  if (source.sourceTs) {
    const message = await renderWithForm(ctx, reply, source.teamId ? teamOwner(source.teamId) : source.userId);
    await client.chat.update({ channel: source.channel, ts: source.sourceTs, ...message });
  } else if (source.respond) {
    await source.respond({ replace_original: true, ...(await renderWithForm(ctx, reply, source.userId)) });
  } else {
    await deliver(client, fallback, await renderWithForm(ctx, reply, source.userId));
  }
}

/** "Deel in kanaal": the core checks the channel against every passage the answer cites. */
async function shareInChannel(deps: SlackDeps, client: WebClient, turn: Turn, answerId: string, channel: string, slackUser: string): Promise<void> {
  if (!isDirect(channel) && (await deps.shared.isExternal(client, channel))) throw new WijkwijsError('forbidden', EXTERNAL_CHANNEL_TEXT);
  const teamId = (await channelLink(deps.ctx.db, turn.place))?.teamId;
  const reply = await shareAnswer(deps.ctx.db, { answerId, target: { ...turn, teamId, audience: 'shared' } });
  const message = renderReply(reply);
  const intro = { type: 'context', elements: [{ type: 'mrkdwn', text: `<@${slackUser}> deelt een antwoord van Wijkwijs` }] };
  await client.chat.postMessage({ channel, text: message.text, blocks: [intro, ...message.blocks] });
}
