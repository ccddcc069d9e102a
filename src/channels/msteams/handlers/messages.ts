/**
 * A Teams message: a channel setting ("koppel <team>", answered where it was typed), a command
 * (answered in the personal chat) or a question (answered where it was asked). Card data sent as a
 * message (Action.Submit) goes to the card handler.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { commandNames, handleTurn } from '../../../assistant/handle-turn.ts';
import type { Turn } from '../../../assistant/reply.ts';
import { rejectControlCharacters } from '../../../lib/control-characters.ts';
import { RATE_LIMITED_TEXT } from '../../shared/guard.ts';
import { isAnsweredThread } from '../../../assistant/threads.ts';
import { WijkwijsError } from '../../../lib/errors.ts';
import { channelLink } from '../../../teams/channel-links.ts';
import { conversationKind, isMentioned, mentionedPeople, mentionedTag, stripMention, msTeamsUserId } from '../activity.ts';
import { rememberName } from '../../../people/remember-name.ts';
import { MsTeamsAnswerView } from '../answer-view.ts';
import { CORE_COMMANDS, parseIntent, MSTEAMS_HELP, type Intent } from '../commands.ts';
import { renderNotice, renderReply } from '../render.ts';
import { NO_PERSONAL_CHAT, remember, sendError, sendPersonally, msTeamsPlace, msTeamsThread, type MsTeamsDeps } from '../respond.ts';
import { activityKey, rememberAnswerMessage, releaseActivity } from '../store.ts';
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
  const kind = conversationKind(a);
  const base: Turn = { channel: 'msteams', userId, userName: a.from.name, place: msTeamsPlace(a) };
  try {
    rejectControlCharacters(text);
    // With the permission to read a channel, Teams sends every message: only a mention, a follow-up in
    // a thread Wijkwijs answers, or (in a channel set to "alles") a question is for Wijkwijs.
    if (kind === 'channel' && !isMentioned(a) && !(await isForWijkwijs(deps, a, text))) return;
    if (!text) return void (await tc.sendActivity(renderNotice('Typ je vraag achter mijn naam, bijvoorbeeld: @Wijkwijs Hoe lang heb ik om de hulpvraag te verkennen?')));
    const parsed = parseIntent(text, commandNames(ctx.features));
    // A command may name colleagues by @-mention: they reach the core as user ids, and the core keeps
    // the name Teams sends with them, so replies can name them.
    const intent = parsed.kind === 'command' ? parseIntent(stripMention(a, { peopleAsIds: true }), commandNames(ctx.features)) : parsed;
    if (parsed.kind === 'command') for (const p of mentionedPeople(a)) await rememberName(ctx, p.userId, p.name);
    if (intent.kind === 'settings') return void (await tc.sendActivity(renderNotice(await settingsReply(deps, base, a, intent))));
    if (!guard.limiter.take(userId)) return void (await tc.sendActivity(renderNotice(RATE_LIMITED_TEXT)));
    // A command's answer goes to the personal chat (see below); a question's to where it was asked.
    const answeredPrivately = kind === 'personal' || intent.kind === 'command';
    const turn: Turn = { ...base, audience: answeredPrivately ? 'private' : 'shared', thread: msTeamsThread(a), text: intent.text };
    const started = Date.now();
    // Seen at once: an informative update (a personal chat) or the typing indicator while the sources are searched.
    const view = new MsTeamsAnswerView(tc, kind === 'personal' && intent.kind === 'question', ctx.logger);
    await view.begin();
    const reply = await guard.gate.run(() => handleTurn(ctx, turn, view.progress));
    if (intent.kind === 'command' && kind !== 'personal') {
      // A command answers the one who typed it (a form, a draft to check, their own status), and Teams
      // has no message only one person sees in a channel: the answer goes to their personal chat.
      const sent = await sendPersonally(deps, a, renderReply(reply, { personal: true }));
      await tc.sendActivity(renderNotice(sent ? 'Ik heb je geantwoord in je chat met Wijkwijs.' : NO_PERSONAL_CHAT));
    } else {
      const messageId = await view.finish(renderReply(reply, { personal: kind === 'personal' }));
      if (reply.answerId && messageId) await rememberAnswerMessage(ctx.db, activityKey({ id: messageId, conversation: a.conversation }), reply.answerId);
    }
    ctx.logger.info({ channel: 'msteams', kind, answerId: reply.answerId, mode: reply.mode, durationMs: Date.now() - started }, 'msteams question answered');
  } catch (error) {
    // What went wrong on our side may go right when Teams sends the message again.
    if ((await sendError(ctx, tc, error)).code === 'internal' && a.id) await releaseActivity(ctx.db, activityKey(a));
  }
}

/** A channel message without a mention: a follow-up in a thread Wijkwijs answers, or a question in a channel set to "alles". */
async function isForWijkwijs(deps: MsTeamsDeps, a: Activity, text: string): Promise<boolean> {
  if (await isAnsweredThread(deps.ctx.db.prisma, msTeamsThread(a))) return true;
  const startsThread = !a.replyToId && a.conversation.id.includes(`;messageid=${a.id}`);
  const link = await channelLink(deps.ctx.db, msTeamsPlace(a));
  return startsThread && link?.settings.mode === 'all' && /\?\s*$/.test(text) && text.length >= 8;
}

/**
 * A channel setting, answered where it was typed: the core's channel commands. "groep @tag" names
 * the Teams tag to call on a hand-off request, which arrives as a mention of type tag.
 */
async function settingsReply(deps: MsTeamsDeps, base: Turn, a: Activity, intent: Extract<Intent, { kind: 'settings' }>): Promise<string> {
  const core = CORE_COMMANDS[intent.word];
  if (!core) return `${MSTEAMS_HELP}\n- Verder ken ik (zonder /): ${commandNames(deps.ctx.features).join(', ')}. Typ er een zonder meer voor uitleg of een formulier.`;
  let args = intent.args.join(' ');
  if (intent.word === 'groep') {
    const tag = mentionedTag(a);
    if (!tag) throw new WijkwijsError('bad_request', 'Noem de tag met @, bijvoorbeeld: @Wijkwijs groep @wijkcoaches-noord');
    args = `${tag.id} ${tag.name}`;
  }
  return (await handleTurn(deps.ctx, { ...base, audience: 'shared', text: `${core} ${args}`.trim() })).text;
}
