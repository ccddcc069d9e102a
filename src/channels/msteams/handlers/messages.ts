/**
 * A Teams message: a channel setting ("koppel <team>", answered where it was typed), a command
 * (answered in the personal chat) or a question (answered where it was asked). Card data sent as a
 * message (Action.Submit) goes to the card handler.
 */
import type { TurnContext } from 'botbuilder';
import { commandNames, handleTurn } from '../../../assistant/handle-turn.ts';
import type { Turn } from '../../../assistant/reply.ts';
import { rejectControlCharacters } from '../../../lib/control-characters.ts';
import { RATE_LIMITED_TEXT } from '../../shared/guard.ts';
import { conversationKind, stripMention, msTeamsUserId } from '../activity.ts';
import { CORE_COMMANDS, parseIntent, MSTEAMS_HELP } from '../commands.ts';
import { renderNotice, renderReply } from '../render.ts';
import { NO_PERSONAL_CHAT, remember, sendError, sendPersonally, msTeamsPlace, msTeamsThread, type MsTeamsDeps } from '../respond.ts';
import { activityKey, releaseActivity } from '../store.ts';
import { onCardData } from './cards.ts';

export async function onMessage(deps: MsTeamsDeps, tc: TurnContext): Promise<void> {
  const { ctx, guard } = deps;
  const a = tc.activity;
  // An Action.Submit (older clients, the Emulator) arrives as a message with the card's data as value.
  if (a.value && typeof a.value === 'object' && !stripMention(a)) {
    await onCardData(deps, tc, a.value as Record<string, unknown>).catch((error: unknown) => sendError(ctx, tc, error));
    return;
  }
  await remember(ctx, tc);
  const userId = msTeamsUserId(a.from);
  const text = stripMention(a);
  const base: Turn = { channel: 'msteams', userId, userName: a.from.name, place: msTeamsPlace(a) };
  try {
    rejectControlCharacters(text);
    if (!text) return void (await tc.sendActivity(renderNotice('Typ je vraag achter mijn naam, bijvoorbeeld: @Wijkwijs Hoe lang heb ik om de hulpvraag te verkennen?')));
    const intent = parseIntent(text, commandNames(ctx.features));
    if (intent.kind === 'settings') {
      const core = CORE_COMMANDS[intent.word];
      const reply = core ? await handleTurn(ctx, { ...base, audience: 'shared', text: `${core} ${intent.args.join(' ')}`.trim() }) : undefined;
      return void (await tc.sendActivity(renderNotice(reply?.text ?? MSTEAMS_HELP)));
    }
    if (!guard.limiter.take(userId)) return void (await tc.sendActivity(renderNotice(RATE_LIMITED_TEXT)));
    // Seen at once: the typing indicator shows while the sources are searched.
    await tc.sendActivity({ type: 'typing' });
    // A command's answer goes to the personal chat (see below); a question's to where it was asked.
    const answeredPrivately = conversationKind(a) === 'personal' || intent.kind === 'command';
    const turn: Turn = { ...base, audience: answeredPrivately ? 'private' : 'shared', thread: msTeamsThread(a), text: intent.text };
    const started = Date.now();
    const reply = await guard.gate.run(() => handleTurn(ctx, turn));
    if (intent.kind === 'command' && conversationKind(a) !== 'personal') {
      // A command answers the one who typed it (a form, a draft to check, their own status), and Teams
      // has no message only one person sees in a channel: the answer goes to their personal chat.
      const sent = await sendPersonally(deps, a, renderReply(reply));
      await tc.sendActivity(renderNotice(sent ? 'Ik heb je geantwoord in je chat met Wijkwijs.' : NO_PERSONAL_CHAT));
    } else {
      await tc.sendActivity(renderReply(reply));
    }
    ctx.logger.info({ channel: 'msteams', kind: conversationKind(a), answerId: reply.answerId, mode: reply.mode, durationMs: Date.now() - started }, 'msteams question answered');
  } catch (error) {
    // What went wrong on our side may go right when Teams sends the message again.
    if ((await sendError(ctx, tc, error)).code === 'internal' && a.id) await releaseActivity(ctx.db, activityKey(a));
  }
}
